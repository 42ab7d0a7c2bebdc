import { patched } from '@temporalio/workflow';
import { toLocalDate } from '@safety/domain/calendar/local-date';
import type { ComplaintPolicy } from '@safety/domain/complaint/policy';
import type { ComplaintActivities } from '@safety/temporal/complaint.activities';
import type {
  ComplaintCaseInput,
  ComplaintState,
  ComplaintStatus,
} from '@safety/temporal/contracts/complaint.contract';
import type { TaskActor } from '@safety/temporal/contracts/human-task.contract';
import type { InspectionInput, InspectionState } from '@safety/temporal/contracts/inspection.contract';
import type { PenaltyCaseInput } from '@safety/temporal/contracts/penalty-case.contract';
import type { LinkedCase } from '@safety/temporal/activities';
import { ComplaintSteps } from '@safety/temporal/steps/complaint.steps';
import type { Submission } from '@safety/temporal/steps/step-definition';
import type { CaseStatus } from '../kernel/case-status';
import type { Kernel } from '../kernel/kernel';
import { startLinkedCase } from '../kernel/linked-cases';
import { PATCH } from '../kernel/patches';
import { Problem, ruleBroken } from '../kernel/problems';
import type { Completion } from '../kernel/task-board';

type Verification = Completion<typeof ComplaintSteps.VERIFICATION>;

/** What the 立案查处 steps need of the complaint's run. */
export interface ComplaintRun {
  kernel: Kernel;
  acts: ComplaintActivities;
  input: ComplaintCaseInput;
  state: ComplaintState;
  status: CaseStatus<ComplaintStatus>;
  where: () => { caseId: string; departmentId: string };
  handlersOnly: (actor: TaskActor) => Problem | undefined;
}

/** 立案查处 needs the enterprise of the directory, as an inspection does. */
export function penaltyCaseProblem(
  input: ComplaintCaseInput,
  submission: Submission<typeof ComplaintSteps.VERIFICATION>,
): Problem | undefined {
  return submission.outcome === 'VERIFIED_TRUE' && submission.payload.openPenaltyCase === true && !input.enterpriseId
    ? ruleBroken('a penalty case needs the enterprise of the directory')
    : undefined;
}

/**
 * 核查 through a linked inspection: opens the inspection case, follows it to its end and records its result, then
 * puts the finding before the officers again with the inspection's result (the period keeps running from acceptance).
 */
export async function verifyThroughInspection(
  run: ComplaintRun,
  opening: Verification & { outcome: 'OPEN_INSPECTION' },
  acceptedAt: string,
  policy: ComplaintPolicy,
): Promise<Verification> {
  const { kernel, acts, input, state, status, where, handlersOnly } = run;
  const started = await startLinkedCase<InspectionInput, InspectionState, LinkedCase & { input: InspectionInput }>(
    kernel,
    {
      purpose: 'inspection',
      open: (linkKey) =>
        acts.complaintOpenInspection({
          complaintId: input.complaintId,
          linkKey,
          inspectorIds: [...new Set(opening.payload.inspectorIds)],
          unannounced: opening.payload.unannounced === true,
          reason: opening.payload.reason,
          actorId: opening.actor.userId,
        }),
    },
    'inspectionWorkflow',
    (linked) => linked.input,
  );
  state.inspection = { caseId: started.linked.caseId, workflowId: started.linked.workflowId, result: null };
  await status.moveTo('UNDER_INSPECTION', opening.actor.userId, 'COMPLAINT_UNDER_INSPECTION', {
    inspectionCaseId: started.linked.caseId,
  });
  const inspected = await started.result;
  state.inspection.result = inspected.result;
  await acts.complaintRecordInspection({
    complaintId: input.complaintId,
    inspectionCaseId: started.linked.caseId,
    result: inspected.result,
  });
  // The finding, now with the inspection's result before the officers (the period keeps running from acceptance).
  return kernel.board.run(ComplaintSteps.VERIFICATION, {
    ...where(),
    step: 'verification-after-inspection',
    outcomes: ['VERIFIED_TRUE', 'VERIFIED_FALSE'],
    deadline: {
      startDate: toLocalDate(new Date(acceptedAt)),
      unit: 'calendar_days',
      amount: policy.verificationDays,
    },
    warningLeadHours: policy.warningLeadHours,
    enterStatus: status.enter('ACCEPTED', null, 'COMPLAINT_INSPECTION_ENDED', { result: inspected.result }),
    context: {
      complaintId: input.complaintId,
      inspectionCaseId: started.linked.caseId,
      inspectionResult: inspected.result,
    },
    eligible: handlersOnly,
    check: (submission) =>
      submission.outcome === 'VERIFIED_TRUE' &&
      submission.payload.openPenaltyCase === true &&
      inspected.result === 'PENALTY_PROPOSED'
        ? ruleBroken('the inspection already opened a penalty case for this complaint')
        : penaltyCaseProblem(input, submission),
  });
}

/**
 * 立案查处: the penalty case runs on its own (its periods are the penalty procedure's); the complaint records it and
 * goes on to its result and feedback, which may tell the informant that a case was opened. Histories recorded before
 * this (PATCH.COMPLAINT_PENALTY_CASE) open none.
 */
export async function openPenaltyCase(run: ComplaintRun, verification: Verification): Promise<void> {
  const { kernel, acts, input, state } = run;
  if (
    verification.outcome === 'VERIFIED_TRUE' &&
    verification.payload.openPenaltyCase === true &&
    patched(PATCH.COMPLAINT_PENALTY_CASE)
  ) {
    const verifier = verification.actor.userId;
    const started = await startLinkedCase<PenaltyCaseInput, unknown, LinkedCase & { input: PenaltyCaseInput }>(
      kernel,
      {
        purpose: 'penalty-case',
        open: (linkKey) =>
          acts.complaintOpenPenaltyCase({ complaintId: input.complaintId, linkKey, actorId: verifier }),
      },
      'penaltyCaseWorkflow',
      (linked) => linked.input,
    );
    void started.result.catch(() => undefined);
    state.penaltyCase = { caseId: started.linked.caseId, workflowId: started.linked.workflowId };
  }
}
