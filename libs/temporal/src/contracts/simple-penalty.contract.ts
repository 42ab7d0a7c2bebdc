import { defineQuery } from '@temporalio/workflow';
import type { SimplePenaltyPolicy } from '@safety/domain/inspection/policy';

/**
 * 简易程序 (行政处罚法 Art.51–52): the decision is made on the spot (synchronously, by the API);
 * this workflow carries what follows it — filing (备案) with the agency, and the hand-in of cash
 * collected on the spot (Art.68, 71). Workflow id `simple_penalty-<caseId>`.
 */
export interface SimplePenaltyInput {
  caseId: string;
  departmentId: string;
  decisionNo: string;
  decidedBy: string;
  officerIds: string[];
  decidedAt: string;
  warningOnly: boolean;
  fineYuan: number;
  /** Fine collected in cash on the spot (≤ 100 yuan, Art.68(1)). */
  cashCollected: boolean;
  policy: SimplePenaltyPolicy;
}

export type SimplePenaltyStatus = 'DECIDED' | 'CLOSED';

export interface SimplePenaltyState {
  caseId: string;
  status: SimplePenaltyStatus;
  decisionNo: string;
  filed: boolean;
  cashHandedIn: boolean | null;
}

export const getSimplePenaltyStateQuery = defineQuery<SimplePenaltyState>('getSimplePenaltyState');
