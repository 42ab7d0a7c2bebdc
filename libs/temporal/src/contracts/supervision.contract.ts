import { defineQuery } from '@temporalio/workflow';
import type { ReportingFrequency, SupervisionPolicy } from '@safety/domain/supervision/policy';

/**
 * 督办: one workflow per supervision item, id `supervision-<caseId>`, started when the issuing
 * body creates the item. The responsible departments report per period, the milestones are
 * checked on the issuer's board, the lead consolidates and the issuer accepts or returns.
 */
export interface SupervisionItemInput {
  caseId: string;
  itemId: string;
  issuerDepartmentId: string;
  leadDepartmentId: string;
  coResponsibleDepartmentIds: string[];
  /** Local date the first reporting period counts from (the day of creation). */
  startDate: string;
  /** Local date by which the item is to be done (the consolidation is due then). */
  deadline: string;
  frequency: ReportingFrequency;
  milestones: Array<{ index: number; title: string; dueDate: string }>;
  /** The issuing department's policy when the item was created. */
  policy: SupervisionPolicy;
}

export type SupervisionStatus = 'IN_PROGRESS' | 'COMPLETION_PROPOSED' | 'CLOSED';

export interface SupervisionState {
  itemId: string;
  status: SupervisionStatus;
  /** The reporting period running now (1-based). */
  period: number;
  reports: Array<{ departmentId: string; period: number; at: string }>;
  milestones: Array<{ index: number; outcome: 'MET' | 'SUMMONED' | null }>;
  summonses: Array<{ caseId: string; workflowId: string; milestoneIndex: number }>;
  history: Array<{ at: string; status: SupervisionStatus; by: string | null }>;
}

/** 约谈: one workflow per summons, id `summons-<caseId>` (direct) or `summons-<itemCaseId>-<n>` (from an item). */
export interface SummonsInput {
  caseId: string;
  summonsId: string;
  departmentId: string;
  /** The date the summons is to take place (the minutes are due a few working days after it). */
  scheduledOn: string;
  policy: SupervisionPolicy;
}

export type SummonsStatus = 'SCHEDULED' | 'RECTIFYING' | 'CLOSED';

export interface SummonsState {
  summonsId: string;
  status: SummonsStatus;
  commitments: Array<{ index: number; deadline: string; rounds: number; verified: boolean }>;
  published: boolean | null;
  history: Array<{ at: string; status: SummonsStatus; by: string | null }>;
}

export const getSupervisionStateQuery = defineQuery<SupervisionState>('getSupervisionState');
export const getSummonsStateQuery = defineQuery<SummonsState>('getSummonsState');
