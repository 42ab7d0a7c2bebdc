import { randomUUID } from 'node:crypto';
import { DEFAULT_ACCIDENT_POLICY, workflowPolicyOf } from '@safety/domain/accident/policy';
import { endOfLocalDay, plusDays } from '@safety/domain/calendar/local-date';
import type { AccidentActivities, SavedReport } from '@safety/temporal/accident.activities';
import type { CaseActivities } from '@safety/temporal/activities';
import type { AccidentCaseInput, TaskActor } from '@safety/temporal';
import type { InspectionActivities } from '@safety/temporal/inspection.activities';
import type { ActivityLog } from './workflow-env';

const DAY_MS = 86_400_000;

/** The accident workflows' activities, and the one the criminal-transfer child records its events with. */
export type AccidentMocks = AccidentActivities &
  CaseActivities &
  Pick<InspectionActivities, 'inspectionRecordCaseEvent'>;

/** The people of one accident case: the investigating department's head, the team and two officers. */
export function accidentPeople() {
  const departmentId = randomUUID();
  const person = (roles: string[], department = departmentId): TaskActor => ({
    userId: randomUUID(),
    roles,
    departmentId: department,
  });
  return {
    departmentId,
    reportingDepartmentId: randomUUID(),
    head: person(['AGENCY_HEAD']),
    otherHead: person(['AGENCY_HEAD']),
    higherHead: person(['AGENCY_HEAD'], randomUUID()),
    lead: person(['INVESTIGATION_MEMBER']),
    discipline: person(['DISCIPLINE_BODY'], randomUUID()),
    police: person(['INVESTIGATION_MEMBER'], randomUUID()),
    union: person(['INVESTIGATION_MEMBER'], randomUUID()),
    officerA: person(['ENFORCEMENT_OFFICER']),
    officerB: person(['ENFORCEMENT_OFFICER']),
  };
}
export type AccidentPeople = ReturnType<typeof accidentPeople>;

export const teamOf = (people: AccidentPeople) => ({
  leadId: people.lead.userId,
  members: [
    { userId: people.discipline.userId, teamRole: 'DISCIPLINE' },
    { userId: people.police.userId, teamRole: 'POLICE' },
    { userId: people.union.userId, teamRole: 'TRADE_UNION' },
  ],
  procuratorateInvited: true,
});

/** A report finding no responsible party, with one rectification measure. */
export const plainReport = (extra: Record<string, unknown> = {}) => ({
  directCauses: '支护失效',
  indirectCauses: '安全管理缺失',
  educationMeasures: '全市警示教育',
  findsNoResponsibleParty: true,
  responsibleParties: [],
  rectificationMeasures: [{ description: '加固支护', owner: '测试企业', dueDate: '2027-06-30' }],
  ...extra,
});

/** The team as the directory records it: each member with their own department. */
export function recordedTeam(people: AccidentPeople, team: ReturnType<typeof teamOf>) {
  const everyone = [people.lead, people.discipline, people.police, people.union, people.head, people.officerA];
  const departmentOf = (userId: string) =>
    everyone.find((person) => person.userId === userId)?.departmentId ?? randomUUID();
  return [
    { userId: team.leadId, departmentId: departmentOf(team.leadId), teamRole: 'LEAD' },
    ...team.members.map((member) => ({
      userId: member.userId,
      departmentId: departmentOf(member.userId),
      teamRole: member.teamRole,
    })),
  ];
}

/** The person of the case with this user id. */
export const personOf = (people: AccidentPeople, userId: unknown) =>
  Object.values(people).find(
    (person): person is TaskActor => typeof person === 'object' && (person as TaskActor).userId === userId,
  )!;

/**
 * Strict activity mocks of the accident workflows: every activity records its call in the log and
 * answers what the real adapter would for a well-formed case; `overrides` replace single activities
 * (e.g. one that fails). Due dates count calendar days from the start date (no holiday calendar).
 * `savedReport(version)` gives the report as saved, with its parties' and measures' ids.
 */
export function accidentActivities(people: AccidentPeople, log: ActivityLog, overrides: Partial<AccidentMocks> = {}) {
  const dueAfter = (startDate: string, days: number) => endOfLocalDay(plusDays(startDate, days)).toISOString();
  const saved = new Map<number, SavedReport>();
  const base: AccidentMocks = {
    recordCaseStatus: async () => undefined,
    openTask: async (input) => {
      const dueAt = input.deadline ? dueAfter(input.deadline.startDate, input.deadline.amount) : (input.dueAt ?? null);
      const warnAt =
        dueAt === null ? null : new Date(Date.parse(dueAt) - (input.warningLeadHours ?? 24) * 3_600_000).toISOString();
      return { taskId: randomUUID(), dueAt, warnAt, needsManualDueDate: false, missingYear: null };
    },
    completeTask: async () => undefined,
    escalateTask: async () => undefined,
    setTaskDeadline: async () => undefined,
    computeDeadline: async (input) => {
      const dueAt = dueAfter(input.startDate, input.amount);
      return { dueAt, dueDate: plusDays(input.startDate, input.amount), missingYear: null };
    },
    openLinkedCase: async (input) => ({
      caseId: randomUUID(),
      workflowId: `${input.caseType === 'PENALTY' ? 'penalty' : input.caseType === 'CRIMINAL_TRANSFER' ? 'criminal-transfer' : 'discipline-referral'}-${input.sourceCaseId}-${log.calls.filter((call) => call.name === 'openLinkedCase').length}`,
      openedAt: new Date().toISOString(),
    }),
    setCaseHandlers: async (input) => ({ handlerIds: input.handlerIds, handlers: [] }),
    accidentUpwardReportPlan: async () => ({ receivedAt: new Date().toISOString(), chains: [] }),
    accidentRecordUpwardReport: async () => undefined,
    accidentRecordReportNotifications: async () => undefined,
    accidentOpenViolationPenalty: async (input) => ({
      caseId: randomUUID(),
      workflowId: `penalty-${input.caseId}-${input.linkKey.split(':').pop()}`,
      departmentId: people.departmentId,
      enterpriseId: randomUUID(),
      openedAt: new Date().toISOString(),
    }),
    accidentOpenViolationReferral: async (input) => ({
      referralId: randomUUID(),
      referralCaseId: randomUUID(),
      workflowId: `discipline-referral-${input.caseId}-${input.linkKey.split(':').pop()}`,
      openedAt: new Date().toISOString(),
      senderDepartmentId: people.departmentId,
      receivingDepartmentId: people.discipline.departmentId,
      ackWorkingDays: 5,
      resultDays: 90,
    }),
    accidentComputeClock: async (input) => {
      const running = input.pauses.some((pause) => pause.to === undefined);
      const pausedDays = input.pauses.reduce(
        (sum, pause) => sum + (pause.to ? (Date.parse(pause.to) - Date.parse(pause.from)) / DAY_MS + 1 : 0),
        0,
      );
      const days = 60 + pausedDays + input.extensions.reduce((sum, extension) => sum + extension.amount, 0);
      return running
        ? { dueDate: null, dueAt: null, paused: true, pausedDays, missingYear: null }
        : {
            dueDate: plusDays(input.accidentDate, days),
            dueAt: dueAfter(input.accidentDate, days),
            paused: false,
            pausedDays,
            missingYear: null,
          };
    },
    accidentSetTaskClock: async () => undefined,
    accidentRecordTeam: async (input) => ({ ok: true, problems: [], members: recordedTeam(people, input.team) }),
    accidentApplyCasualtyRevision: async () => ({
      previousGrade: 'GENERAL',
      grade: 'GENERAL',
      investigatingLevel: 'COUNTY',
      departmentId: people.departmentId,
      movedUp: false,
    }),
    accidentSaveReport: async (input) => {
      const report: SavedReport = {
        parties: input.report.responsibleParties.map((party, index) => ({
          id: randomUUID(),
          seq: index + 1,
          kind: party.kind,
          proposedHandling: party.proposedHandling,
          name: party.name,
          enterpriseId: party.enterpriseId,
          responsibility: party.responsibility,
          handlingDetail: party.handlingDetail,
        })),
        measures: input.report.rectificationMeasures.map((measure, index) => ({
          id: randomUUID(),
          seq: index + 1,
          dueDate: measure.dueDate,
        })),
      };
      if (!saved.has(input.version)) saved.set(input.version, report);
      return saved.get(input.version)!;
    },
    accidentDecideReport: async () => undefined,
    accidentOpenLinkedCase: async (input) => ({
      caseId: randomUUID(),
      workflowId:
        input.workflowId ??
        `${input.kind === 'PENALTY' ? 'penalty' : 'criminal-transfer'}-${input.caseId}-${input.partyId}`,
      departmentId: people.departmentId,
      enterpriseId: null,
      openedAt: new Date().toISOString(),
    }),
    accidentCreateReferral: async (input) => ({
      referralId: randomUUID(),
      referralCaseId: randomUUID(),
      workflowId: input.workflowId ?? `discipline-referral-${input.caseId}-${input.partyId}`,
      openedAt: new Date().toISOString(),
      senderDepartmentId: people.departmentId,
      receivingDepartmentId: people.discipline.departmentId,
      ackWorkingDays: 5,
      resultDays: 90,
    }),
    accidentRecordPartyOutcome: async () => undefined,
    accidentRecordMeasureEvidence: async () => undefined,
    accidentRecordMeasureVerification: async () => undefined,
    accidentOpenEvaluation: async () => undefined,
    accidentRecordEvaluation: async () => undefined,
    accidentRecordListing: async () => undefined,
    accidentCompleteListing: async () => undefined,
    accidentEvaluateGates: async () => ({ closable: true, missing: [] }),
    accidentCancelOpenTasks: async () => undefined,
    referralProposalApprove: async (input) => ({
      referralId: randomUUID(),
      referralCaseId: randomUUID(),
      workflowId: `discipline-referral-${input.proposalId}-1`,
      openedAt: new Date().toISOString(),
      senderDepartmentId: people.departmentId,
      receivingDepartmentId: people.discipline.departmentId,
      ackWorkingDays: 5,
      resultDays: 90,
    }),
    referralProposalReject: async () => undefined,
    referralRecordAck: async () => undefined,
    referralRecordResult: async () => undefined,
    inspectionRecordCaseEvent: async () => undefined,
  };
  const activities = Object.fromEntries(
    Object.entries({ ...base, ...overrides }).map(([name, answer]) => [
      name,
      log.record(name, answer as (input: unknown) => Promise<unknown>),
    ]),
  ) as unknown as AccidentMocks;
  return { activities, savedReport: (version: number) => saved.get(version)! };
}

/** The inputs of the logged calls of one activity. */
export const inputsOf = (log: ActivityLog, name: keyof AccidentMocks) => log.inputsOf<Record<string, unknown>>(name);

export function accidentInput(people: AccidentPeople, extra: Partial<AccidentCaseInput> = {}): AccidentCaseInput {
  const caseId = randomUUID();
  return {
    caseId,
    departmentId: people.departmentId,
    reportingDepartmentId: people.reportingDepartmentId,
    createdBy: people.officerA.userId,
    occurredAt: new Date(Date.now() - 10 * 60_000).toISOString(),
    grade: 'LARGER',
    policy: workflowPolicyOf(DEFAULT_ACCIDENT_POLICY),
    ...extra,
  };
}
