import {
  AccidentEducationSessionEntity,
  AccidentEntity,
  AccidentRectificationMeasureEntity,
  AccidentReportEntity,
  AccidentResponsiblePartyEntity,
  AccidentTeamMemberEntity,
  CaseEntity,
  DisciplineReferralEntity,
  DisciplineReferralProposalEntity,
  NearMissEntity,
} from '@safety/persistence';
import { caseReferralStatus } from '@safety/domain/accident/referral-sources';
import type { NearMissView } from './accident-insights.schemas';
import type { AccidentView } from './accident-views.schemas';
import type { CaseReferralView, ReferralView } from './discipline-referral.schemas';

export const accidentView = (c: CaseEntity, a: AccidentEntity): AccidentView => ({
  id: c.id,
  title: c.title,
  status: c.status,
  workflowId: c.workflowId,
  departmentId: c.departmentId,
  enterpriseId: a.enterpriseId,
  occurredAt: a.occurredAt.toISOString(),
  unitNotifiedAt: a.unitNotifiedAt?.toISOString() ?? null,
  reportedAt: a.reportedAt.toISOString(),
  place: a.place,
  summary: a.summary,
  sectorCode: a.sectorCode,
  sectorClass: a.sectorClass,
  regionId: a.regionId,
  deaths: a.deaths,
  seriousInjuries: a.seriousInjuries,
  directLossYuan: a.directLossYuan,
  grade: a.grade as AccidentView['grade'],
  investigatingLevel: a.investigatingLevel,
  investigatingLevelExact: a.investigatingLevelExact,
  reportingDepartmentId: a.reportingDepartmentId,
  investigatingDepartmentId: a.investigatingDepartmentId,
  reportTimeliness: a.reportTimeliness,
  lateByMinutes: a.lateByMinutes,
  reportingFlags: a.reportingFlags,
  teamLeadId: a.teamLeadId,
  procuratorateInvited: a.procuratorateInvited,
  teamFormedAt: a.teamFormedAt?.toISOString() ?? null,
  createdBy: a.createdBy,
  createdAt: a.createdAt.toISOString(),
  updatedAt: c.updatedAt.toISOString(),
});

export const teamView = (t: AccidentTeamMemberEntity) => ({
  userId: t.userId,
  teamRole: t.teamRole,
  departmentId: t.departmentId,
});

export const reportView = (r: AccidentReportEntity) => ({
  version: r.version,
  status: r.status,
  directCauses: r.directCauses,
  indirectCauses: r.indirectCauses,
  summary: r.summary,
  educationMeasures: r.educationMeasures,
  findsNoResponsibleParty: r.findsNoResponsibleParty,
  submittedBy: r.submittedBy,
  submittedAt: r.submittedAt.toISOString(),
  decidedBy: r.decidedBy,
  decidedAt: r.decidedAt?.toISOString() ?? null,
  decisionComment: r.decisionComment,
  publishedAt: r.publishedAt?.toISOString() ?? null,
});

/** A referred official's handling stays between the sender and the discipline body: only whether it came back shows here. */
export const partyView = (p: AccidentResponsiblePartyEntity) => {
  const official = p.kind === 'PUBLIC_OFFICIAL';
  return {
    id: p.id,
    seq: p.seq,
    kind: p.kind,
    name: p.name,
    enterpriseId: p.enterpriseId,
    organisation: p.organisation,
    position: p.position,
    idNumber: p.idNumber,
    responsibility: p.responsibility,
    proposedHandling: p.proposedHandling,
    handlingDetail: p.handlingDetail,
    outcome: official ? (p.outcome === 'PENDING' ? 'PENDING' : 'HANDLED') : p.outcome,
    outcomeDetail: official ? null : p.outcomeDetail,
    outcomeRecordedAt: p.outcomeRecordedAt?.toISOString() ?? null,
    linkedCaseId: official ? null : p.linkedCaseId,
  };
};

export const measureView = (x: AccidentRectificationMeasureEntity) => ({
  id: x.id,
  seq: x.seq,
  description: x.description,
  owner: x.owner,
  dueDate: x.dueDate,
  status: x.status,
  round: x.round,
  evidence: x.evidence,
  evidenceBy: x.evidenceBy,
  evidenceAt: x.evidenceAt?.toISOString() ?? null,
  verifiedBy: x.verifiedBy,
  verifiedAt: x.verifiedAt?.toISOString() ?? null,
});

export const educationView = (s: AccidentEducationSessionEntity) => ({
  id: s.id,
  heldOn: s.heldOn,
  topic: s.topic,
  location: s.location,
  attendees: s.attendees,
  attendeeCount: s.attendeeCount,
  recordedBy: s.recordedBy,
  createdAt: s.createdAt.toISOString(),
});

export const referralView = (r: DisciplineReferralEntity): ReferralView => ({
  id: r.id,
  status: r.status,
  sourceCaseId: r.sourceCaseId,
  referralCaseId: r.referralCaseId,
  senderDepartmentId: r.senderDepartmentId,
  receivingDepartmentId: r.receivingDepartmentId,
  subject: { name: r.subjectName, position: r.subjectPosition, organisation: r.subjectOrganisation },
  allegation: r.allegation,
  sentAt: r.sentAt.toISOString(),
  acknowledgedAt: r.acknowledgedAt?.toISOString() ?? null,
  acknowledgedBy: r.acknowledgedBy,
  result: r.resultOutcome
    ? {
        outcome: r.resultOutcome,
        summary: r.resultSummary,
        answeredAt: r.answeredAt?.toISOString() ?? null,
        answeredBy: r.answeredBy,
      }
    : null,
});

export const nearMissView = (n: NearMissEntity): NearMissView => ({
  id: n.id,
  departmentId: n.departmentId,
  kind: n.kind,
  occurredAt: n.occurredAt.toISOString(),
  place: n.place,
  sectorCode: n.sectorCode,
  causeCategory: n.causeCategory,
  description: n.description,
  minorInjuries: n.minorInjuries,
  enterpriseId: n.enterpriseId,
  recordedBy: n.recordedBy,
  createdAt: n.createdAt.toISOString(),
});

export const caseReferralView = ({
  proposal,
  referral,
}: {
  proposal: DisciplineReferralProposalEntity;
  referral: DisciplineReferralEntity | null;
}): CaseReferralView => ({
  id: proposal.id,
  caseId: proposal.sourceCaseId,
  status: caseReferralStatus(proposal.status, referral?.status ?? null),
  official: { name: proposal.subjectName, post: proposal.subjectPosition, organisation: proposal.subjectOrganisation },
  misconduct: proposal.allegation,
  attachmentIds: proposal.attachmentIds,
  proposedBy: proposal.proposedBy,
  proposedAt: proposal.proposedAt.toISOString(),
  decision:
    proposal.decidedBy && proposal.decidedAt
      ? {
          decidedBy: proposal.decidedBy,
          decidedAt: proposal.decidedAt.toISOString(),
          comment: proposal.decisionComment,
        }
      : null,
  receivingDepartmentId: proposal.receivingDepartmentId,
  referralId: proposal.referralId,
  acknowledgedAt: referral?.acknowledgedAt?.toISOString() ?? null,
  result: referral?.resultOutcome
    ? {
        outcome: referral.resultOutcome,
        summary: referral.resultSummary,
        answeredAt: referral.answeredAt?.toISOString() ?? null,
      }
    : null,
});
