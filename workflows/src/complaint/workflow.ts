import { setHandler } from '@temporalio/workflow';
import { toLocalDate } from '@safety/domain/calendar/local-date';
import { ComplaintPolicy, rewardProblem, VerifiedGrade } from '@safety/domain/complaint/policy';
import type { ComplaintActivities } from '@safety/temporal/complaint.activities';
import {
  ComplaintAcceptanceOptions,
  ComplaintCaseInput,
  ComplaintState,
  ComplaintStatus,
  getComplaintStateQuery,
} from '@safety/temporal/contracts/complaint.contract';
import type { TaskActor } from '@safety/temporal/contracts/human-task.contract';
import { ComplaintSteps } from '@safety/temporal/steps/complaint.steps';
import { CaseStatus } from '../kernel/case-status';
import { Kernel } from '../kernel/kernel';
import { ErrorCode } from '@safety/domain/errors';
import { forbidden, outOfRange, problem, ruleBroken } from '../kernel/problems';
import { ComplaintRun, openPenaltyCase, penaltyCaseProblem, verifyThroughInspection } from './linked-cases';

/** A department may transfer a complaint on at most this many times before someone must accept it. */
const MAX_TRANSFERS = 5;

/**
 * 投诉举报 (12350): 受理审查 (accept, not accept with reasons, or transfer to the competent
 * department, whose inbox then holds it) → 核查 → 处理结果 → 反馈 to the informant within the
 * feedback period → 奖励 (proposal within the policy's tiers, the head's approval, payment) → 办结.
 * A complaint not accepted is answered too. Periods and tiers are the department's policy values
 * (documented defaults; no statute fixes them).
 */
export async function complaintWorkflow(input: ComplaintCaseInput): Promise<ComplaintState> {
  const kernel = new Kernel();
  const acts = kernel.activities<ComplaintActivities>();
  const state: ComplaintState = {
    complaintId: input.complaintId,
    status: 'RECEIVED',
    departmentId: input.departmentId,
    transfers: [],
    verifiedTrue: null,
    inspection: null,
    history: [],
  };
  setHandler(getComplaintStateQuery, () => state);
  const status = new CaseStatus<ComplaintStatus>(kernel, input.caseId, state);
  let policy: ComplaintPolicy = input.policy;
  let handlerIds: string[] = [];
  const now = () => new Date(Date.now()).toISOString();
  const where = () => ({ caseId: input.caseId, departmentId: state.departmentId });
  const inDepartment = (actor: TaskActor) =>
    actor.departmentId === state.departmentId
      ? undefined
      : problem(ErrorCode.FORBIDDEN_JURISDICTION, 'only the department handling the complaint acts on it');
  const handlersOnly = (actor: TaskActor) =>
    inDepartment(actor) ??
    (handlerIds.includes(actor.userId)
      ? undefined
      : forbidden('only the handling officers of the complaint act on it'));

  const run: ComplaintRun = { kernel, acts, input, state, status, where, handlersOnly };

  // 受理审查, once per department the complaint reaches; the period counts from receipt, then from each transfer.
  let startDate = toLocalDate(new Date(input.receivedAt));
  let enterStatus = status.enter('RECEIVED', null, 'COMPLAINT_RECEIVED');
  let acceptance;
  for (let round = 1; ; round++) {
    let options: ComplaintAcceptanceOptions = { transferTargets: [], mergeTargets: [] };
    acceptance = await kernel.board.run(ComplaintSteps.ACCEPTANCE, {
      ...where(),
      step: `acceptance-${round}`,
      deadline: { startDate, unit: 'working_days', amount: policy.acceptanceWorkingDays },
      warningLeadHours: policy.warningLeadHours,
      enterStatus,
      context: { complaintId: input.complaintId, round },
      outcomes: round > MAX_TRANSFERS ? ['ACCEPT', 'NOT_ACCEPT', 'MERGE'] : undefined,
      eligible: inDepartment,
      prepare: async () => {
        options = await acts.complaintAcceptanceOptions({
          complaintId: input.complaintId,
          departmentId: state.departmentId,
        });
      },
      check: (submission) => {
        if (submission.outcome === 'TRANSFER' && !options.transferTargets.includes(submission.payload.departmentId))
          return ruleBroken('a complaint is transferred to another department in force (not a discipline body)');
        if (submission.outcome === 'MERGE' && !options.mergeTargets.includes(submission.payload.intoComplaintId))
          return ruleBroken('a duplicate is merged into an open complaint of the same department');
        return undefined;
      },
    });
    if (acceptance.outcome !== 'TRANSFER') break;
    const answer = await acts.complaintTransfer({
      complaintId: input.complaintId,
      round,
      toDepartmentId: acceptance.payload.departmentId,
      reason: acceptance.payload.reason,
      actorId: acceptance.actor.userId,
      at: acceptance.completedAt,
    });
    state.transfers.push({ from: state.departmentId, to: answer.departmentId, at: acceptance.completedAt });
    state.departmentId = answer.departmentId;
    policy = answer.policy;
    startDate = toLocalDate(new Date(acceptance.completedAt));
    enterStatus = status.enter('RECEIVED', acceptance.actor.userId, 'COMPLAINT_TRANSFERRED', {
      to: answer.departmentId,
    });
  }

  if (acceptance.outcome === 'MERGE') {
    await acts.complaintMerge({
      complaintId: input.complaintId,
      intoComplaintId: acceptance.payload.intoComplaintId,
      actorId: acceptance.actor.userId,
      at: acceptance.completedAt,
    });
    await status.moveTo('MERGED', acceptance.actor.userId, 'COMPLAINT_MERGED', {
      intoComplaintId: acceptance.payload.intoComplaintId,
    });
    await kernel.finish();
    return state;
  }

  let feedbackFrom: string;
  if (acceptance.outcome === 'NOT_ACCEPT') {
    await acts.complaintRecordAcceptance({
      complaintId: input.complaintId,
      decision: 'NOT_ACCEPTED',
      actorId: acceptance.actor.userId,
      handlerIds: [],
      reasons: acceptance.payload.reasons,
      explanation: acceptance.payload.explanation,
      at: acceptance.completedAt,
    });
    handlerIds = [acceptance.actor.userId];
    enterStatus = status.enter('NOT_ACCEPTED', acceptance.actor.userId, 'COMPLAINT_NOT_ACCEPTED');
    feedbackFrom = acceptance.completedAt;
  } else {
    handlerIds = [...new Set([acceptance.actor.userId, ...(acceptance.payload.handlerIds ?? [])])];
    await acts.complaintRecordAcceptance({
      complaintId: input.complaintId,
      decision: 'ACCEPTED',
      actorId: acceptance.actor.userId,
      handlerIds,
      reasons: [],
      explanation: acceptance.payload.comment ?? null,
      at: acceptance.completedAt,
    });

    // 核查: on-site verification by the handling officers, or through a linked inspection the complaint then follows.
    let inspectors: string[] = [];
    let verification = await kernel.board.run(ComplaintSteps.VERIFICATION, {
      ...where(),
      step: 'verification',
      deadline: {
        startDate: toLocalDate(new Date(acceptance.completedAt)),
        unit: 'calendar_days',
        amount: policy.verificationDays,
      },
      warningLeadHours: policy.warningLeadHours,
      enterStatus: status.enter('ACCEPTED', acceptance.actor.userId, 'COMPLAINT_ACCEPTED'),
      context: { complaintId: input.complaintId },
      eligible: handlersOnly,
      prepare: async () => {
        inspectors = (await acts.complaintInspectors({ complaintId: input.complaintId })).map(
          (officer) => officer.userId,
        );
      },
      check: (submission) => {
        if (submission.outcome !== 'OPEN_INSPECTION') return penaltyCaseProblem(input, submission);
        if (!input.enterpriseId) return ruleBroken('an inspection needs the enterprise of the directory');
        const chosen = new Set(submission.payload.inspectorIds);
        if (chosen.size < 2) return ruleBroken('an inspection needs two different inspectors (安全生产法 Art.68)');
        return [...chosen].every((id) => inspectors.includes(id))
          ? undefined
          : ruleBroken('inspectors are credentialed officers of the department without a conflict with the enterprise');
      },
    });
    if (verification.outcome === 'OPEN_INSPECTION')
      verification = await verifyThroughInspection(run, verification, acceptance.completedAt, policy);
    if (verification.outcome === 'OPEN_INSPECTION') throw new Error('a second inspection is not offered');
    state.verifiedTrue = verification.outcome === 'VERIFIED_TRUE';
    const grade: VerifiedGrade | null = verification.outcome === 'VERIFIED_TRUE' ? verification.payload.grade : null;
    await acts.complaintRecordVerification({
      complaintId: input.complaintId,
      verifiedTrue: state.verifiedTrue,
      grade,
      findings: verification.payload.findings,
      actorId: verification.actor.userId,
      at: verification.completedAt,
    });
    await openPenaltyCase(run, verification);

    // 处理结果: what the department did about it (no period of its own: the feedback period follows it).
    const result = await kernel.board.run(ComplaintSteps.RESULT, {
      ...where(),
      step: 'result',
      deadline: null,
      enterStatus: status.enter('VERIFIED', verification.actor.userId, 'COMPLAINT_VERIFIED', {
        verifiedTrue: state.verifiedTrue,
        grade,
      }),
      context: {
        complaintId: input.complaintId,
        verifiedTrue: state.verifiedTrue,
        grade,
        penaltyCaseId: state.penaltyCase?.caseId ?? null,
      },
      eligible: handlersOnly,
    });
    await acts.complaintRecordResult({
      complaintId: input.complaintId,
      result: result.payload.result,
      actorId: result.actor.userId,
      at: result.completedAt,
    });
    enterStatus = status.enter('HANDLED', result.actor.userId, 'COMPLAINT_HANDLED');
    feedbackFrom = result.completedAt;

    await feedback();
    if (grade) await reward(grade);
    await acts.complaintClose({ complaintId: input.complaintId, at: now() });
    await status.moveTo('CLOSED', null, 'COMPLAINT_CLOSED');
    await kernel.finish();
    return state;
  }

  await feedback();
  await acts.complaintClose({ complaintId: input.complaintId, at: now() });
  await status.moveTo('CLOSED', null, 'COMPLAINT_CLOSED');
  await kernel.finish();
  return state;

  /** 反馈: the informant is told within the feedback period; yellow, then red when it runs out. */
  async function feedback(): Promise<void> {
    const answered = await kernel.board.run(ComplaintSteps.FEEDBACK, {
      ...where(),
      step: 'feedback',
      deadline: {
        startDate: toLocalDate(new Date(feedbackFrom)),
        unit: 'working_days',
        amount: policy.feedbackWorkingDays,
      },
      warningLeadHours: policy.warningLeadHours,
      enterStatus,
      context: { complaintId: input.complaintId },
      eligible: handlersOnly,
    });
    await acts.complaintRecordFeedback({
      complaintId: input.complaintId,
      feedback: answered.payload.feedback,
      method: answered.payload.method,
      actorId: answered.actor.userId,
      at: answered.completedAt,
      taskKey: answered.taskKey,
    });
    await status.moveTo('ANSWERED', answered.actor.userId, 'COMPLAINT_ANSWERED');
  }

  /** 奖励: proposed by amount within the tier of the verified grade, approved by the head, then paid. */
  async function reward(grade: VerifiedGrade): Promise<void> {
    for (let round = 1; ; round++) {
      const proposal = await kernel.board.run(ComplaintSteps.REWARD_PROPOSAL, {
        ...where(),
        step: `reward-proposal-${round}`,
        deadline: null,
        context: { complaintId: input.complaintId, grade, tier: policy.rewardTiers[grade], round },
        eligible: handlersOnly,
        check: (submission) => {
          if (submission.outcome !== 'PROPOSE') return undefined;
          const found = rewardProblem(policy, grade, submission.payload.amountYuan);
          return found ? outOfRange(found) : undefined;
        },
      });
      if (proposal.outcome === 'NO_REWARD') {
        await acts.complaintRecordReward({
          complaintId: input.complaintId,
          stage: 'NOT_REWARDED',
          round,
          amountYuan: null,
          note: proposal.payload.reason,
          actorId: proposal.actor.userId,
          at: proposal.completedAt,
        });
        return;
      }
      const amountYuan = proposal.payload.amountYuan;
      await acts.complaintRecordReward({
        complaintId: input.complaintId,
        stage: 'PROPOSED',
        round,
        amountYuan,
        note: proposal.payload.basis,
        actorId: proposal.actor.userId,
        at: proposal.completedAt,
      });
      const approval = await kernel.board.run(ComplaintSteps.REWARD_APPROVAL, {
        ...where(),
        step: `reward-approval-${round}`,
        deadline: null,
        enterStatus: status.enter('REWARD_PROPOSED', proposal.actor.userId, 'COMPLAINT_REWARD_PROPOSED', {
          amountYuan,
        }),
        context: { complaintId: input.complaintId, grade, amountYuan, basis: proposal.payload.basis },
        eligible: inDepartment,
      });
      await acts.complaintRecordReward({
        complaintId: input.complaintId,
        stage: approval.outcome === 'APPROVE' ? 'APPROVED' : 'RETURNED',
        round,
        amountYuan,
        note: approval.payload.comment ?? null,
        actorId: approval.actor.userId,
        at: approval.completedAt,
      });
      if (approval.outcome === 'RETURN') continue;
      const payment = await kernel.board.run(ComplaintSteps.REWARD_PAYMENT, {
        ...where(),
        step: 'reward-payment',
        deadline: null,
        enterStatus: status.enter('REWARD_APPROVED', approval.actor.userId, 'COMPLAINT_REWARD_APPROVED', {
          amountYuan,
        }),
        context: { complaintId: input.complaintId, amountYuan },
        eligible: handlersOnly,
      });
      await acts.complaintRecordReward({
        complaintId: input.complaintId,
        stage: 'PAID',
        round,
        amountYuan,
        note: `${payment.payload.paidOn} ${payment.payload.voucherNo}`,
        actorId: payment.actor.userId,
        at: payment.completedAt,
      });
      return;
    }
  }
}
