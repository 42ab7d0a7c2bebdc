import { isLocalDate, LocalDate } from '../calendar/local-date';
import { TEAM_ROLES, TeamRole } from './policy';

/**
 * Shapes of what people submit in the accident workflow, validated by pure functions so the same
 * rules run in the API (for a clear 4xx) and in the workflow's Update validator (the final word).
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (v: unknown): v is string => typeof v === 'string' && UUID.test(v);
const text = (v: unknown, max: number): v is string => typeof v === 'string' && v.trim().length > 0 && v.length <= max;
const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

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

export function validateTeamProposal(
  p: unknown,
  requiredRoles: readonly string[],
): { team?: TeamProposal; problems: string[] } {
  const problems: string[] = [];
  if (!isObj(p)) return { problems: ['the team must be an object'] };
  if (!isUuid(p.leadId)) problems.push('leadId must be a user id');
  if (!Array.isArray(p.members) || p.members.length === 0 || p.members.length > 50) {
    problems.push('members must list 1 to 50 members');
    return { problems };
  }
  const seen = new Set<string>([String(p.leadId)]);
  for (const [i, m] of p.members.entries()) {
    if (!isObj(m) || !isUuid(m.userId)) {
      problems.push(`members[${i}].userId must be a user id`);
      continue;
    }
    if (
      typeof m.teamRole !== 'string' ||
      m.teamRole === 'LEAD' ||
      !(TEAM_ROLES as readonly string[]).includes(m.teamRole)
    ) {
      problems.push(`members[${i}].teamRole must be one of ${TEAM_ROLES.filter((r) => r !== 'LEAD').join(', ')}`);
    }
    if (seen.has(m.userId)) problems.push(`members[${i}] appears twice in the team (or is the lead)`);
    seen.add(m.userId);
  }
  const roles = new Set(p.members.filter(isObj).map((m) => m.teamRole));
  for (const r of requiredRoles) if (!roles.has(r)) problems.push(`the team needs a ${r} member (条例 Art.22)`);
  if (typeof p.procuratorateInvited !== 'boolean') problems.push('procuratorateInvited must be true or false');
  if (problems.length) return { problems };
  return {
    problems,
    team: {
      leadId: p.leadId as string,
      members: (p.members as Array<Record<string, unknown>>).map((m) => ({
        userId: m.userId as string,
        teamRole: m.teamRole as TeamMemberProposal['teamRole'],
      })),
      procuratorateInvited: p.procuratorateInvited as boolean,
    },
  };
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

/** Which handlings fit which party (条例 Art.32; leads about officials go to 监察机关, 国务院令第310号 Art.18–19). */
const HANDLING_BY_KIND: Readonly<Record<PartyKind, readonly ProposedHandling[]>> = {
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

const optText = (v: unknown, max: number): string | null =>
  typeof v === 'string' && v.trim() && v.length <= max ? v : null;

export function validateReportProposal(p: unknown): { report?: InvestigationReportProposal; problems: string[] } {
  const problems: string[] = [];
  if (!isObj(p)) return { problems: ['the report must be an object'] };
  if (!text(p.directCauses, 20_000)) problems.push('directCauses are required (直接原因)');
  if (!text(p.indirectCauses, 20_000)) problems.push('indirectCauses are required (间接原因)');
  if (!text(p.educationMeasures, 20_000)) problems.push('educationMeasures are required (教育措施)');
  if (p.summary !== undefined && p.summary !== null && !text(p.summary, 20_000))
    problems.push('summary must be a non-empty text');
  const none = p.findsNoResponsibleParty === true;
  if (p.findsNoResponsibleParty !== undefined && typeof p.findsNoResponsibleParty !== 'boolean')
    problems.push('findsNoResponsibleParty must be true or false');
  const parties = p.responsibleParties;
  if (!Array.isArray(parties) || parties.length > 100)
    problems.push('responsibleParties must be a list of at most 100');
  else {
    if (parties.length === 0 && !none) problems.push('name the responsible parties, or state findsNoResponsibleParty');
    if (parties.length > 0 && none) problems.push('findsNoResponsibleParty contradicts the named parties');
    parties.forEach((x, i) => {
      if (!isObj(x)) {
        problems.push(`responsibleParties[${i}] must be an object`);
        return;
      }
      if (!(PARTY_KINDS as readonly unknown[]).includes(x.kind)) {
        problems.push(`responsibleParties[${i}].kind must be one of ${PARTY_KINDS.join(', ')}`);
        return;
      }
      const kind = x.kind as PartyKind;
      if (!text(x.name, 200)) problems.push(`responsibleParties[${i}].name is required`);
      if (!text(x.responsibility, 5_000)) problems.push(`responsibleParties[${i}].responsibility is required`);
      if (!HANDLING_BY_KIND[kind].includes(x.proposedHandling as ProposedHandling)) {
        problems.push(
          `responsibleParties[${i}].proposedHandling must be one of ${HANDLING_BY_KIND[kind].join(', ')} for ${kind}`,
        );
      }
      if (x.enterpriseId !== undefined && x.enterpriseId !== null && !isUuid(x.enterpriseId))
        problems.push(`responsibleParties[${i}].enterpriseId must be an id`);
      if (kind !== 'PUBLIC_OFFICIAL' && x.proposedHandling === 'ADMINISTRATIVE_PENALTY' && !isUuid(x.enterpriseId)) {
        problems.push(`responsibleParties[${i}].enterpriseId is required for an administrative penalty`);
      }
      if (kind === 'PUBLIC_OFFICIAL' && !text(x.organisation, 200))
        problems.push(`responsibleParties[${i}].organisation (the official's unit) is required`);
      if (
        x.idNumber !== undefined &&
        x.idNumber !== null &&
        !(typeof x.idNumber === 'string' && /^\d{17}[\dXx]$/.test(x.idNumber))
      ) {
        problems.push(`responsibleParties[${i}].idNumber must be an 18-character resident ID number`);
      }
    });
  }
  const measures = p.rectificationMeasures;
  if (!Array.isArray(measures) || measures.length === 0 || measures.length > 100)
    problems.push('rectificationMeasures must list 1 to 100 measures (整改措施)');
  else
    measures.forEach((m, i) => {
      if (!isObj(m)) {
        problems.push(`rectificationMeasures[${i}] must be an object`);
        return;
      }
      if (!text(m.description, 5_000)) problems.push(`rectificationMeasures[${i}].description is required`);
      if (!text(m.owner, 200)) problems.push(`rectificationMeasures[${i}].owner is required`);
      if (!isLocalDate(m.dueDate)) problems.push(`rectificationMeasures[${i}].dueDate must be a date (YYYY-MM-DD)`);
    });
  if (problems.length) return { problems };
  return {
    problems,
    report: {
      directCauses: p.directCauses as string,
      indirectCauses: p.indirectCauses as string,
      summary: optText(p.summary, 20_000),
      findsNoResponsibleParty: none,
      educationMeasures: p.educationMeasures as string,
      responsibleParties: (parties as Array<Record<string, unknown>>).map((x) => ({
        kind: x.kind as PartyKind,
        name: x.name as string,
        enterpriseId: (x.enterpriseId as string | undefined) ?? null,
        organisation: optText(x.organisation, 200),
        position: optText(x.position, 200),
        idNumber: (x.idNumber as string | undefined) ?? null,
        responsibility: x.responsibility as string,
        proposedHandling: x.proposedHandling as ProposedHandling,
        handlingDetail: optText(x.handlingDetail, 5_000),
      })),
      rectificationMeasures: (measures as Array<Record<string, unknown>>).map((m) => ({
        description: m.description as string,
        owner: m.owner as string,
        dueDate: m.dueDate as string,
      })),
    },
  };
}
