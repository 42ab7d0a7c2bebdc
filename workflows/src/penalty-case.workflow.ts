import {
  allHandlersFinished,
  ApplicationFailure,
  condition,
  patched,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import {
  designateHandlersUpdate,
  getPenaltyCaseStateQuery,
  PenaltyCaseInput,
  PenaltyCaseState,
  PenaltyCaseStatus,
} from '../../libs/temporal/src/contracts/penalty-case.contract';
import { TaskRejection } from '../../libs/temporal/src/contracts/human-task.contract';
import { TaskBoard } from './lib/task-board';
import { caseActivities, localDateOf } from './lib/shared';
import { GeneralProcedure, PenaltyHandlers } from './penalty/general-procedure';

/**
 * 行政处罚一般程序 (administrative penalty, general procedure). v1 covered 立案 only: the head
 * approves or refuses filing. From the `penalty-general-procedure` patch on, a filed case continues
 * through investigation, review, notice, hearing, decision, service, execution, disclosure and
 * archive (penalty/general-procedure.ts); histories recorded before the patch replay unchanged.
 */
export async function penaltyCaseWorkflow(input: PenaltyCaseInput): Promise<PenaltyCaseState> {
  const board = new TaskBoard();
  const state: PenaltyCaseState = { caseId: input.caseId, status: 'PENDING_FILING', history: [] };
  setHandler(getPenaltyCaseStateQuery, () => state);
  // Registering handlers adds no commands, so v1 histories replay; they answer "not filed yet" until 立案.
  const handlers = new PenaltyHandlers(input, state);

  // 承办人: the head may add handling officers at any open step (a case opened by an accident or an
  // inspection starts without them). A new Update type: histories recorded before it never contain
  // it, so they replay unchanged.
  setHandler(
    designateHandlersUpdate,
    async ({ actor, handlerIds, requestId }) => {
      const result = await caseActivities.setCaseHandlers({
        caseId: input.caseId,
        handlerIds,
        actorId: actor.userId,
        requestId,
      });
      input.handlerIds.splice(0, input.handlerIds.length, ...result.handlerIds);
      handlers.procedure?.replaceHandlers(result.handlers);
      return { handlerIds: result.handlerIds };
    },
    {
      validator: ({ actor, handlerIds }) => {
        const reject = (type: string, message: string) => {
          throw ApplicationFailure.create({ type, message, nonRetryable: true });
        };
        if (!actor.roles.includes('AGENCY_HEAD'))
          reject(TaskRejection.WRONG_ACTOR, 'only an agency head designates handling officers');
        if (!Array.isArray(handlerIds) || handlerIds.length === 0 || handlerIds.length > 10)
          reject(TaskRejection.INVALID_PAYLOAD, 'handlerIds: 1 to 10 officer ids');
        if (handlerIds.includes(actor.userId))
          reject(TaskRejection.SEPARATION_OF_DUTIES, 'the approving head may not designate themselves as a handler');
        if (['NOT_FILED', 'ARCHIVED'].includes(state.status))
          reject('STEP_OUT_OF_ORDER', `the case is ${state.status}`);
      },
    },
  );

  const moveTo = async (
    status: PenaltyCaseStatus,
    by: string | null,
    action: string,
    summary: Record<string, unknown> = {},
  ) => {
    state.status = status;
    state.history.push({ at: new Date(Date.now()).toISOString(), status, by });
    await caseActivities.recordCaseStatus({ caseId: input.caseId, status, actorId: by, action, summary });
  };

  await moveTo('PENDING_FILING', input.createdBy, 'CASE_OPENED');

  // 立案: the law sets no day count (行政处罚法 Art.54 "promptly"); the work-safety rule's 5 days
  // for cases needing immediate action is UNVERIFIED (STATUTES.md) and is a policy value here.
  const filing = await board.run({
    step: 'filing-approval',
    caseId: input.caseId,
    type: 'FILING_APPROVAL',
    title: '立案审批',
    candidateRoles: ['AGENCY_HEAD'],
    departmentId: input.departmentId,
    allowedOutcomes: ['APPROVE', 'REJECT'],
    // Counts from when the workflow asked for approval, on Temporal's clock (the one its timers use).
    deadline: {
      startDate: localDateOf(workflowInfo().startTime.toISOString()),
      unit: 'working_days',
      amount: input.filingApprovalWorkingDays ?? 5,
    },
    check: ({ actor }) =>
      input.handlerIds.includes(actor.userId)
        ? {
            type: TaskRejection.SEPARATION_OF_DUTIES,
            message: 'the approver of filing may not be one of the case handlers',
          }
        : undefined,
  });

  if (filing.outcome === 'APPROVE') {
    await moveTo('FILED', filing.actor.userId, 'CASE_FILED', { comment: filing.payload.comment ?? null });
    if (patched('penalty-general-procedure')) {
      const procedure = new GeneralProcedure(input, state, board, moveTo, handlers);
      handlers.procedure = procedure;
      await procedure.run();
      await condition(allHandlersFinished);
    }
  } else await moveTo('NOT_FILED', filing.actor.userId, 'CASE_NOT_FILED', { comment: filing.payload.comment ?? null });
  return state;
}
