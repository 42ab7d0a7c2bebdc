import { randomUUID } from 'node:crypto';
import { endOfLocalDay, plusDays } from '@safety/domain/calendar/local-date';
import { DEFAULT_PROCEDURE_POLICY } from '@safety/domain/enforcement/procedure-policy';
import { defaultCatalogue } from '@safety/domain/enforcement/legal-review-catalogue';
import { LINKED_WORKFLOW_PREFIX } from '@safety/temporal';
import type {
  CaseActivities,
  DeadlineRequest,
  OpenTaskInput,
  PenaltyActivities,
  PenaltyCaseInput,
  TaskActor,
} from '@safety/temporal';
import { ActivityLog } from './workflow-env';

/** The people of a mocked penalty case. */
export const people = () => {
  const departmentId = randomUUID();
  const actor = (roles: string[], credentialNo: string | null = null): TaskActor => ({
    userId: randomUUID(),
    roles,
    departmentId,
    credentialNo,
  });
  return {
    departmentId,
    officerA: actor(['ENFORCEMENT_OFFICER'], 'A-001'),
    officerB: actor(['ENFORCEMENT_OFFICER'], 'B-002'),
    head: actor(['AGENCY_HEAD']),
    otherHead: actor(['AGENCY_HEAD']),
    reviewer: actor(['LEGAL_REVIEWER']),
  };
};
export type People = ReturnType<typeof people>;

export const penaltyInput = (who: People): PenaltyCaseInput => ({
  caseId: randomUUID(),
  departmentId: who.departmentId,
  enterpriseId: randomUUID(),
  createdBy: who.officerA.userId,
  handlerIds: [who.officerA.userId, who.officerB.userId],
  openedAt: new Date().toISOString(),
});

/** Calendar days stand in for working days: the workflow tier tests the workflow, not the calendar. */
const dueOf = (deadline: DeadlineRequest) => {
  const dueDate = plusDays(deadline.startDate, deadline.amount);
  return { dueDate, dueAt: endOfLocalDay(dueDate).toISOString() };
};

export const BENCHMARK = {
  id: 'benchmark-test',
  jurisdiction: 'TEST',
  effectiveFrom: '2025-01-01',
  source: 'test',
  entries: [
    {
      violationType: 'SPL-97-3',
      title: '未按规定对从业人员进行安全生产教育和培训',
      legalBasis: '《安全生产法》第九十七条第三项',
      ranges: {
        LENIENT: { minYuan: 10_000, maxYuan: 30_000 },
        ORDINARY: { minYuan: 30_000, maxYuan: 60_000 },
        SEVERE: { minYuan: 60_000, maxYuan: 100_000 },
      },
    },
  ],
};

/**
 * Strict mocks of every activity the penalty workflow may call, recorded in `log`. Anything else the
 * workflow calls is missing from the worker and fails the test.
 */
export function penaltyActivities(who: People, log: ActivityLog) {
  let documents = 0;
  const caseActivities: CaseActivities = {
    recordCaseStatus: log.record('recordCaseStatus', () => undefined),
    openTask: log.record('openTask', (input: OpenTaskInput) => {
      const due = input.deadline ? dueOf(input.deadline) : null;
      const warnAt = due
        ? new Date(Date.parse(due.dueAt) - (input.warningLeadHours ?? 24) * 3_600_000).toISOString()
        : null;
      return { taskId: randomUUID(), dueAt: due?.dueAt ?? null, warnAt, needsManualDueDate: false, missingYear: null };
    }),
    completeTask: log.record('completeTask', () => undefined),
    escalateTask: log.record('escalateTask', () => undefined),
    setTaskDeadline: log.record('setTaskDeadline', () => undefined),
    computeDeadline: log.record('computeDeadline', (input: DeadlineRequest) => ({
      ...dueOf(input),
      missingYear: null,
    })),
    setCaseHandlers: log.record('setCaseHandlers', (input: { handlerIds: string[] }) => ({
      handlerIds: input.handlerIds,
      handlers: input.handlerIds.map((userId) => ({ userId, credentialNo: null, roles: ['ENFORCEMENT_OFFICER'] })),
    })),
    openLinkedCase: log.record(
      'openLinkedCase',
      (input: { sourceCaseId: string; caseType: keyof typeof LINKED_WORKFLOW_PREFIX }) => ({
        caseId: randomUUID(),
        workflowId: `${LINKED_WORKFLOW_PREFIX[input.caseType]}-${input.sourceCaseId}-1`,
        openedAt: new Date().toISOString(),
      }),
    ),
  };
  const penalty: PenaltyActivities = {
    loadPenaltyContext: log.record('loadPenaltyContext', () => ({
      policy: { ...DEFAULT_PROCEDURE_POLICY },
      handlers: [who.officerA, who.officerB].map((officer) => ({
        userId: officer.userId,
        credentialNo: officer.credentialNo ?? null,
        roles: officer.roles,
      })),
      party: { type: 'ORGANISATION' as const, name: '测试企业有限公司', creditCode: '91320000TEST00001X' },
      departmentName: '测试应急管理局',
    })),
    loadDiscretionBenchmark: log.record('loadDiscretionBenchmark', () => BENCHMARK),
    loadLegalReviewCatalogue: log.record('loadLegalReviewCatalogue', () => ({
      isDefault: true,
      entries: defaultCatalogue(DEFAULT_PROCEDURE_POLICY),
    })),
    listQualifiedLegalReviewers: log.record('listQualifiedLegalReviewers', () => [who.reviewer.userId]),
    listWorkingDays: log.record('listWorkingDays', (input: { from: string; count: number }) => ({
      days: Array.from({ length: input.count }, (_, index) => plusDays(input.from, index + 1)),
      missingYear: null,
    })),
    recordPenaltyEvent: log.record('recordPenaltyEvent', () => undefined),
    issuePenaltyDocument: log.record('issuePenaltyDocument', (input: { kind: string }) => ({
      documentId: randomUUID(),
      number: `测应${input.kind}〔2026〕${++documents}号`,
      sha256: 'f'.repeat(64),
    })),
    publishPenaltyDecision: log.record('publishPenaltyDecision', () => ({
      publicationId: randomUUID(),
      dishonestListingId: null,
    })),
    withdrawPenaltyPublication: log.record('withdrawPenaltyPublication', () => ({ withdrawn: 1 })),
    createCriminalTransferCase: log.record('createCriminalTransferCase', () => ({ caseId: randomUUID() })),
    archivePenaltyCase: log.record('archivePenaltyCase', () => ({
      sha256: 'a'.repeat(64),
      archivedAt: new Date().toISOString(),
    })),
  };
  // The criminal-transfer child runs in the same worker: what it records is accepted and logged.
  const transfer = { inspectionRecordCaseEvent: log.record('inspectionRecordCaseEvent', () => undefined) };
  return { ...caseActivities, ...penalty, ...transfer };
}

/** A completion as the API sends it, by one of the case's people. */
export const completion = (
  taskKey: string,
  actor: TaskActor,
  outcome: string,
  payload: Record<string, unknown> = {},
) => ({
  taskKey,
  actor,
  outcome,
  payload,
});

export const evidenceBy = (who: People) => ({
  findings: '未对新入职员工开展岗前安全培训',
  evidence: [
    {
      kind: 'INSPECTION_RECORD',
      description: '现场检查笔录',
      officers: [
        { officerId: who.officerA.userId, credentialNo: 'A-001' },
        { officerId: who.officerB.userId, credentialNo: 'B-002' },
      ],
    },
  ],
});

export const fineProposal = (extra: Record<string, unknown> = {}) => ({
  violationType: 'SPL-97-3',
  facts: '未按照规定对从业人员进行安全生产教育和培训',
  circumstance: 'ORDINARY',
  measures: ['FINE'],
  fineYuan: 40_000,
  ...extra,
});
