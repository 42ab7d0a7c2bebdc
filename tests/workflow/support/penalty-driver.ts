import type { WorkflowHandle } from '@temporalio/client';
import { completeTaskUpdate, getPenaltyCaseStateQuery, PenaltyCaseInput } from '@safety/temporal';
import { completion, evidenceBy, fineProposal, People, penaltyInput } from './penalty-mocks';
import type { WorkflowTier } from './workflow-env';

/** Drives a mocked penalty workflow step by step through its Updates (as the API would). */
export function penaltyDriver(tier: WorkflowTier, who: People, taskQueue: string) {
  const complete = async (
    handle: WorkflowHandle,
    type: string,
    actor: People[keyof Omit<People, 'departmentId'>],
    outcome: string,
    payload: Record<string, unknown> = {},
  ) => {
    const task = await tier.openTask(handle, type);
    const result = await handle.executeUpdate(completeTaskUpdate, {
      args: [completion(task.taskKey, actor, outcome, payload)],
    });
    return { ...result, nextTasks: await tier.settled(handle) };
  };
  const state = async (handle: WorkflowHandle) => (await handle.query(getPenaltyCaseStateQuery)).procedure!;
  return {
    complete,
    state,
    async start(overrides: Partial<PenaltyCaseInput> = {}) {
      const input = { ...penaltyInput(who), ...overrides };
      return tier.env.client.workflow.start('penaltyCaseWorkflow', {
        taskQueue,
        workflowId: `penalty-${input.caseId}`,
        args: [input],
      });
    },
    /** From 立案 to an open 告知书 service task, with the given proposal. */
    async toNotice(handle: WorkflowHandle, proposal: Record<string, unknown> = fineProposal()) {
      await complete(handle, 'FILING_APPROVAL', who.head, 'APPROVE');
      await complete(handle, 'INVESTIGATION', who.officerA, 'SUBMIT', evidenceBy(who));
      await complete(handle, 'PENALTY_PROPOSAL', who.officerA, 'PROPOSE_PENALTY', proposal);
    },
    /** 法制审核 passed by the independent qualified reviewer (行政处罚法 Art.58). */
    async passLegalReview(handle: WorkflowHandle) {
      return complete(handle, 'LEGAL_REVIEW', who.reviewer, 'APPROVE', { opinion: '事实清楚，适用法律正确' });
    },
    async serveNotice(handle: WorkflowHandle) {
      return complete(handle, 'PENALTY_NOTICE_SERVICE', who.officerA, 'SERVED', {
        servedAt: new Date(await tier.env.currentTimeMs()).toISOString(),
        method: 'DIRECT',
        recipient: '企业安全负责人',
      });
    },
  };
}
