import { ParentClosePolicy, startChild, workflowInfo } from '@temporalio/workflow';
import type { LinkedCase, LinkedCaseRequest } from '@safety/temporal/activities';
import type { Kernel } from './kernel';

export interface StartedLinkedCase<Result> {
  linked: LinkedCase;
  /** The linked case's final state, when its workflow ends. */
  result: Promise<Result>;
}

/**
 * The one way a workflow opens another case and starts its workflow: the database opens the row
 * and numbers the workflow id (the same scheme the API uses, so the two never collide), then the
 * workflow is started as a child that outlives this one (ParentClosePolicy.ABANDON).
 */
export async function startLinkedCase<Input, Result>(
  kernel: Kernel,
  request: Omit<LinkedCaseRequest, 'linkKey'> & { purpose: string },
  workflowType: string,
  input: (linked: LinkedCase) => Input,
): Promise<StartedLinkedCase<Result>> {
  const { purpose, ...rest } = request;
  const linked = await kernel.caseActivities.openLinkedCase({
    ...rest,
    linkKey: `${workflowInfo().workflowId}:${purpose}`,
  });
  const child = await kernel.track(
    startChild(workflowType, {
      workflowId: linked.workflowId,
      args: [input(linked)],
      parentClosePolicy: ParentClosePolicy.ABANDON,
    }),
  );
  return { linked, result: child.result() as Promise<Result> };
}
