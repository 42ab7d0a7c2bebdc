import { ParentClosePolicy, patched, startChild } from '@temporalio/workflow';
import type { CriminalTransferInput } from '@safety/temporal/contracts/criminal-transfer.contract';
import type {
  CriminalTransferProposalInput,
  PenaltyEventResult,
  PenaltyProcedureState,
} from '@safety/temporal/contracts/penalty-case.contract';
import { startLinkedCase } from '../../kernel/linked-cases';
import { PATCH } from '../../kernel/patches';
import { alreadyExists, firstProblem, forbidden, invalid, outOfOrder, Problem } from '../../kernel/problems';
import { HEAD, OFFICER, PenaltyCase } from '../case';

/** Transfer outcomes after which an administrative fine may not be imposed in place of prosecution (行政处罚法 Art.27, 82). */
const PROSECUTION_STATUSES = [
  'POLICE_FILED',
  'RECONSIDERED_FILED',
  'REFERRED_TO_PROCURATORATE',
  'TRANSFERRED',
  'AWAITING_HANDOVER',
  'AWAITING_HEAD_DECISION',
];

export const transferBlocksFine = (pc: PenaltyCase): boolean =>
  pc.transfers.some((transfer) => !transfer.answered || PROSECUTION_STATUSES.includes(transfer.status));

/** 行刑衔接 may be proposed at any step, even before 立案 (行政执法机关移送涉嫌犯罪案件的规定). */
export function transferProblem(pc: PenaltyCase, input: CriminalTransferProposalInput): Problem | undefined {
  const isHandlerOfficer = pc.isHandler(input.actor.userId) && input.actor.roles.includes(OFFICER);
  const isHead = input.actor.roles.includes(HEAD) && pc.sameDepartment(input.actor);
  return firstProblem(
    () =>
      isHandlerOfficer || isHead
        ? undefined
        : forbidden('a handling officer or the agency head proposes a criminal transfer'),
    () => (pc.state.status === 'ARCHIVED' ? outOfOrder('the case is archived') : undefined),
    () =>
      pc.transfers.some((transfer) => !transfer.answered)
        ? alreadyExists('a criminal transfer of this case is already pending')
        : undefined,
    () =>
      input.teamIds.every((member) => pc.isHandler(member))
        ? undefined
        : invalid('every team member must be a handler of this case'),
  );
}

type TransferRecord = PenaltyProcedureState['criminalTransfers'][number];

/**
 * Opens the transfer case and starts its workflow (国务院令第310号: the head decides, the police
 * answer). The penalty case follows its answer: no fine while it is pending or accepted.
 */
export async function proposeTransfer(
  pc: PenaltyCase,
  input: CriminalTransferProposalInput,
): Promise<PenaltyEventResult> {
  const seq = pc.transfers.length + 1;
  const teamIds = [...new Set(input.teamIds)];
  const at = new Date(Date.now()).toISOString();
  const childInput = (caseId: string, openedAt: string): CriminalTransferInput => ({
    caseId,
    sourceCaseId: pc.input.caseId,
    sourceCaseType: 'PENALTY',
    departmentId: pc.input.departmentId,
    proposedBy: input.actor.userId,
    teamIds,
    suspectedOffence: input.suspectedOffence,
    grounds: input.grounds,
    openedAt,
  });

  if (patched(PATCH.LINKED_CASES)) {
    const record: TransferRecord = {
      seq,
      caseId: null,
      workflowId: '',
      proposedBy: input.actor.userId,
      at,
      status: 'STARTING',
      answered: false,
    };
    pc.transfers.push(record);
    await pc.event(
      'CRIMINAL_TRANSFER_PROPOSED',
      input.actor,
      { seq, suspectedOffence: input.suspectedOffence, grounds: input.grounds, teamIds: input.teamIds },
      input.requestId,
    );
    const started = await startLinkedCase<CriminalTransferInput, { status?: string }>(
      pc.kernel,
      {
        purpose: `criminal-transfer-${seq}`,
        caseType: 'CRIMINAL_TRANSFER',
        title: `涉嫌犯罪案件移送：${input.suspectedOffence}`.slice(0, 200),
        sourceCaseId: pc.input.caseId,
        departmentId: pc.input.departmentId,
        enterpriseId: pc.input.enterpriseId,
        createdBy: input.actor.userId,
        handlerIds: teamIds,
        data: { suspectedOffence: input.suspectedOffence, grounds: input.grounds },
      },
      'criminalTransferWorkflow',
      (linked) => childInput(linked.caseId, at),
    );
    record.caseId = started.linked.caseId;
    record.workflowId = started.linked.workflowId;
    record.status = 'PENDING';
    follow(pc, record, started.result);
    return {
      ok: true,
      status: pc.state.status,
      detail: { seq, workflowId: record.workflowId, transferCaseId: record.caseId, childStatus: record.status },
    };
  }

  // Histories recorded before the database numbered linked cases: the workflow chose the id.
  const workflowId = `criminal-transfer-${pc.input.caseId}-${seq}`;
  const record: TransferRecord = {
    seq,
    caseId: null,
    workflowId,
    proposedBy: input.actor.userId,
    at,
    status: 'STARTING',
    answered: false,
  };
  pc.transfers.push(record);
  await pc.event(
    'CRIMINAL_TRANSFER_PROPOSED',
    input.actor,
    { seq, workflowId, suspectedOffence: input.suspectedOffence, grounds: input.grounds, teamIds: input.teamIds },
    input.requestId,
  );
  const linked = await pc.acts.createCriminalTransferCase({
    sourceCaseId: pc.input.caseId,
    departmentId: pc.input.departmentId,
    enterpriseId: pc.input.enterpriseId,
    proposedBy: input.actor.userId,
    teamIds,
    workflowId,
    suspectedOffence: input.suspectedOffence,
    grounds: input.grounds,
  });
  record.caseId = linked.caseId;
  try {
    const child = await pc.kernel.track(
      startChild('criminalTransferWorkflow', {
        workflowId,
        args: [childInput(linked.caseId, at)],
        parentClosePolicy: ParentClosePolicy.ABANDON,
      }),
    );
    record.status = 'PENDING';
    follow(pc, record, child.result() as Promise<{ status?: string }>);
  } catch (error) {
    record.status = 'START_FAILED';
    record.answered = true;
    await pc.event('CRIMINAL_TRANSFER_START_FAILED', input.actor, {
      seq,
      workflowId,
      error: error instanceof Error ? error.message : String(error),
    });
  }
  return {
    ok: true,
    status: pc.state.status,
    detail: { seq, workflowId, transferCaseId: linked.caseId, childStatus: record.status },
  };
}

/** The penalty case learns the police's answer when the transfer workflow ends (it may outlive this case). */
function follow(pc: PenaltyCase, record: TransferRecord, result: Promise<{ status?: string }>): void {
  pc.kernel.branches.spawn(
    `criminal-transfer-${record.seq}`,
    result.then(
      (state) => {
        record.status = String(state?.status ?? 'COMPLETED');
        record.answered = true;
      },
      () => {
        record.status = 'FAILED';
        record.answered = true;
      },
    ),
    { detached: true },
  );
}
