import { LocalDate } from '../calendar/local-date';
import { TeamRole } from './policy';

/**
 * What people submit in the accident workflow, as the rest of the system uses it. The shapes are
 * declared (and validated) once, as step contracts (libs/temporal/src/steps/accident.steps.ts);
 * the rules here are the pure ones those contracts and the workflow share.
 */

// ---- investigation team (条例 Art.22) ----

export interface TeamMemberProposal {
  userId: string;
  teamRole: Exclude<TeamRole, 'LEAD'>;
}

export interface TeamProposal {
  leadId: string;
  members: TeamMemberProposal[];
  /** 条例 Art.22: the procuratorate is invited to take part. */
  procuratorateInvited: boolean;
}

/** 条例 Art.22: the team roles a policy requires that the proposed members do not cover. */
export function missingTeamRoles(members: ReadonlyArray<{ teamRole: string }>, required: readonly string[]): string[] {
  const present = new Set(members.map((member) => member.teamRole));
  return required.filter((role) => !present.has(role));
}

// ---- investigation report (条例 Art.30) ----

export const PARTY_KINDS = ['ENTERPRISE', 'ENTERPRISE_STAFF', 'PUBLIC_OFFICIAL'] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];

export const PROPOSED_HANDLINGS = [
  'ADMINISTRATIVE_PENALTY',
  'DISCIPLINE_REFERRAL',
  'CRIMINAL_TRANSFER',
  'INTERNAL_HANDLING',
  'NO_FURTHER_ACTION',
] as const;
export type ProposedHandling = (typeof PROPOSED_HANDLINGS)[number];

/** Chinese and English names, shown beside the codes in forms and public views. */
export type Labels = readonly [zh: string, en: string];

export const PARTY_KIND_LABELS: Readonly<Record<PartyKind, Labels>> = {
  ENTERPRISE: ['事故发生单位', 'Enterprise'],
  ENTERPRISE_STAFF: ['单位人员', 'Staff of the enterprise'],
  PUBLIC_OFFICIAL: ['公职人员', 'Public official'],
};

/** 条例 Art.32: what the report proposes for each responsible party. */
export const PROPOSED_HANDLING_LABELS: Readonly<Record<ProposedHandling, Labels>> = {
  ADMINISTRATIVE_PENALTY: ['行政处罚', 'Administrative penalty'],
  DISCIPLINE_REFERRAL: ['移送纪检监察机关', 'Referral to the discipline body'],
  CRIMINAL_TRANSFER: ['移送司法机关追究刑事责任', 'Criminal transfer'],
  INTERNAL_HANDLING: ['由事故发生单位处理', 'Handled by the unit'],
  NO_FURTHER_ACTION: ['不予追究', 'No further action'],
};

/** Which handlings fit which party (条例 Art.32; leads about officials go to 监察机关, 国务院令第310号 Art.18–19). */
export const HANDLING_BY_KIND: Readonly<Record<PartyKind, readonly ProposedHandling[]>> = {
  ENTERPRISE: ['ADMINISTRATIVE_PENALTY', 'CRIMINAL_TRANSFER', 'NO_FURTHER_ACTION'],
  ENTERPRISE_STAFF: ['ADMINISTRATIVE_PENALTY', 'CRIMINAL_TRANSFER', 'INTERNAL_HANDLING', 'NO_FURTHER_ACTION'],
  PUBLIC_OFFICIAL: ['DISCIPLINE_REFERRAL'],
};

export interface ResponsiblePartyProposal {
  kind: PartyKind;
  name: string;
  enterpriseId: string | null;
  organisation: string | null;
  position: string | null;
  idNumber: string | null;
  responsibility: string;
  proposedHandling: ProposedHandling;
  handlingDetail: string | null;
}

/** A rectification measure's progress (条例 Art.33: its implementation is supervised and verified). */
export const RECTIFICATION_STATUSES = ['OPEN', 'EVIDENCE_SUBMITTED', 'VERIFIED', 'REOPENED'] as const;
export type RectificationStatus = (typeof RECTIFICATION_STATUSES)[number];

export const RECTIFICATION_STATUS_LABELS: Readonly<Record<RectificationStatus, Labels>> = {
  OPEN: ['整改中', 'In progress'],
  EVIDENCE_SUBMITTED: ['已提交整改材料', 'Evidence submitted'],
  VERIFIED: ['已核查落实', 'Verified'],
  REOPENED: ['核查未通过，重新整改', 'Reopened'],
};

export interface RectificationProposal {
  description: string;
  owner: string;
  dueDate: LocalDate;
}

export interface InvestigationReportProposal {
  directCauses: string;
  indirectCauses: string;
  summary: string | null;
  findsNoResponsibleParty: boolean;
  responsibleParties: ResponsiblePartyProposal[];
  rectificationMeasures: RectificationProposal[];
  educationMeasures: string;
}

/** The rules one responsible party must meet, as problems at the party's own fields. */
export function partyProblems(party: {
  kind: PartyKind;
  proposedHandling: ProposedHandling;
  enterpriseId?: string | null;
  organisation?: string | null;
}): Array<{ field: 'proposedHandling' | 'enterpriseId' | 'organisation'; message: string }> {
  const problems: Array<{ field: 'proposedHandling' | 'enterpriseId' | 'organisation'; message: string }> = [];
  if (!HANDLING_BY_KIND[party.kind].includes(party.proposedHandling)) {
    problems.push({
      field: 'proposedHandling',
      message: `must be one of ${HANDLING_BY_KIND[party.kind].join(', ')} for ${party.kind}`,
    });
  }
  if (party.kind !== 'PUBLIC_OFFICIAL' && party.proposedHandling === 'ADMINISTRATIVE_PENALTY' && !party.enterpriseId) {
    problems.push({ field: 'enterpriseId', message: 'is required for an administrative penalty' });
  }
  if (party.kind === 'PUBLIC_OFFICIAL' && !party.organisation) {
    problems.push({ field: 'organisation', message: "is required for a public official (the official's unit)" });
  }
  return problems;
}

/** The report as it is stored: absent optional fields become null. */
export function toReportProposal(report: {
  directCauses: string;
  indirectCauses: string;
  summary?: string | null;
  findsNoResponsibleParty?: boolean;
  educationMeasures: string;
  responsibleParties: Array<
    Omit<ResponsiblePartyProposal, 'enterpriseId' | 'organisation' | 'position' | 'idNumber' | 'handlingDetail'> &
      Partial<
        Pick<ResponsiblePartyProposal, 'enterpriseId' | 'organisation' | 'position' | 'idNumber' | 'handlingDetail'>
      >
  >;
  rectificationMeasures: RectificationProposal[];
}): InvestigationReportProposal {
  return {
    directCauses: report.directCauses,
    indirectCauses: report.indirectCauses,
    summary: report.summary ?? null,
    findsNoResponsibleParty: report.findsNoResponsibleParty === true,
    educationMeasures: report.educationMeasures,
    responsibleParties: report.responsibleParties.map((party) => ({
      kind: party.kind,
      name: party.name,
      enterpriseId: party.enterpriseId ?? null,
      organisation: party.organisation ?? null,
      position: party.position ?? null,
      idNumber: party.idNumber ?? null,
      responsibility: party.responsibility,
      proposedHandling: party.proposedHandling,
      handlingDetail: party.handlingDetail ?? null,
    })),
    rectificationMeasures: report.rectificationMeasures.map((measure) => ({
      description: measure.description,
      owner: measure.owner,
      dueDate: measure.dueDate,
    })),
  };
}
