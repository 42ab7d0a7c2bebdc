import { ParentClosePolicy, startChild, workflowInfo } from '@temporalio/workflow';
import type { LinkedCase, LinkedCaseRequest } from '@safety/temporal/activities';
import type { Kernel } from './kernel';

export interface StartedLinkedCase<Result, Linked extends LinkedCase = LinkedCase> {
  linked: Linked;
  /** The linked case's final state, when its workflow ends. */
  result: Promise<Result>;
}

/**
 * A linked case whose opening writes more than the case row (e.g. a discipline referral's own
 * record, or the party it is opened for): its activity opens it, numbered by the database all the
 * same and idempotent by the link key.
 */
export interface LinkedCaseOpener<Linked extends LinkedCase> {
  purpose: string;
  open: (linkKey: string) => Promise<Linked>;
}

/**
 * The one way a workflow opens another case and starts its workflow: the database opens the row
 * and numbers the workflow id (the same scheme the API uses, so the two never collide), then the
 * workflow is started as a child that outlives this one (ParentClosePolicy.ABANDON).
 */
export async function startLinkedCase<Input, Result, Linked extends LinkedCase = LinkedCase>(
  kernel: Kernel,
  request: (Omit<LinkedCaseRequest, 'linkKey'> & { purpose: string }) | LinkedCaseOpener<Linked>,
  workflowType: string,
  input: (linked: Linked) => Input,
): Promise<StartedLinkedCase<Result, Linked>> {
  const linkKey = `${workflowInfo().workflowId}:${request.purpose}`;
  let linked: Linked;
  if ('open' in request) linked = await request.open(linkKey);
  else {
    const { purpose: _purpose, ...rest } = request;
    linked = (await kernel.caseActivities.openLinkedCase({ ...rest, linkKey })) as Linked;
  }
  const child = await kernel.track(
    startChild(workflowType, {
      workflowId: linked.workflowId,
      args: [input(linked)],
      parentClosePolicy: ParentClosePolicy.ABANDON,
    }),
  );
  return { linked, result: child.result() as Promise<Result> };
}
