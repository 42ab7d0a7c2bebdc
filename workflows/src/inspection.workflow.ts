import { condition, ParentClosePolicy, setHandler, sleep, startChild, workflowInfo } from '@temporalio/workflow';
import {
  getInspectionStateQuery,
  InspectionInput,
  InspectionState,
  InspectionStatus,
} from '@safety/temporal/contracts/inspection.contract';
import type { CriminalTransferInput } from '@safety/temporal/contracts/criminal-transfer.contract';
import type { PenaltyCaseInput } from '@safety/temporal/contracts/penalty-case.contract';
import { CompleteTaskInput, TaskRejection } from '@safety/temporal/contracts/human-task.contract';
import { CriminalReviewGround, dangerousOperationGrounds } from '@safety/domain/inspection/dangerous-operation';
import {
  checkSeizureExtension,
  INSPECTION_OUTCOMES,
  InspectionRecord,
  parseInspectionRecord,
  parseReinspection,
  RuleProblem,
} from '@safety/domain/inspection/record';
import { plusDays } from '@safety/domain/calendar/local-date';
import { TaskBoard, TaskCompletion } from './lib/task-board';
import { caseActivities, localDateOf } from './lib/shared';
import { endOfLocalDayMs, inspectionActivities, isText } from './lib/inspection-activities';

type Problem = { type: string; message: string } | undefined;
const asProblem = (p?: RuleProblem): Problem => (p ? { type: p.code, message: p.message } : undefined);

/**
 * 现场检查 and hazard rectification (安全生产法 Art.65, 68; 行政强制法 Art.25):
 *
 * record (≥ 2 officers confirm, Art.68) → NO_ISSUE: close | PROPOSE_PENALTY: open a penalty case |
 * RECTIFY / IMMEDIATE_MEASURES: 责令限期整改 → durable timer to the deadline → 复查 task (policy
 * working days) → rectified: close | not rectified: a penalty case is opened automatically
 * (child workflow `penalty-from-<caseId>`, abandoned on close) with the 安全生产法 Art.112 flag.
 *
 * In parallel, as needed: 查封/扣押 (≤ 30 days, one head-approved extension ≤ 30 days; the term
 * is a durable timer and an overrun escalates), 挂牌督办 of a 重大事故隐患 (review → head's 销号
 * approval), and a criminal-transfer review whenever findings match 危险作业罪 (刑法 Art.134之一).
 */
export async function inspectionWorkflow(input: InspectionInput): Promise<InspectionState> {
  const board = new TaskBoard();
  const policy = input.policy;
  const team = input.inspectors;
  const teamIds = team.map((t) => t.userId);
  const base = { caseId: input.caseId, departmentId: input.departmentId };
  const state: InspectionState = {
    caseId: input.caseId,
    status: 'AWAITING_RECORD',
    result: null,
    unannounced: input.unannounced,
    outcome: null,
    findings: [],
    confirmations: [],
    rectificationDeadline: null,
    suspensionOrdered: false,
    seizure: null,
    listing: null,
    penalty: null,
    criminalReviews: [],
    history: [],
  };
  setHandler(getInspectionStateQuery, () => state);

  const now = () => new Date(Date.now()).toISOString();
  const moveTo = async (
    status: InspectionStatus,
    by: string | null,
    action: string,
    summary: Record<string, unknown> = {},
  ) => {
    state.status = status;
    state.history.push({ at: now(), status, by });
    await caseActivities.recordCaseStatus({ caseId: input.caseId, status, actorId: by, action, summary });
  };
  const event = (
    key: string,
    action: string,
    actorId: string | null,
    patch: Record<string, unknown>,
    summary: Record<string, unknown> = {},
  ) => inspectionActivities.inspectionRecordCaseEvent({ caseId: input.caseId, key, action, actorId, patch, summary });
  const teamOnly = (c: CompleteTaskInput): Problem =>
    teamIds.includes(c.actor.userId)
      ? undefined
      : {
          type: TaskRejection.WRONG_ACTOR,
          message: 'only the inspecting officers of this case may complete this step',
        };
  const needReason = (c: CompleteTaskInput, key = 'reason'): Problem =>
    isText(c.payload[key]) ? undefined : { type: TaskRejection.INVALID_PAYLOAD, message: `${key} is required` };
  const branches: Array<Promise<void>> = [];

  await moveTo('AWAITING_RECORD', input.createdBy, 'INSPECTION_OPENED', {
    unannounced: input.unannounced,
    origin: input.origin,
    inspectorIds: teamIds,
  });

  // ---- the on-site record (安全生产法 Art.68: written, signed by the inspecting officers) ----
  const rec = await board.run({
    ...base,
    step: 'record',
    type: 'INSPECTION_RECORD',
    title: input.unannounced ? '现场检查记录（四不两直）' : '现场检查记录',
    candidateRoles: ['ENFORCEMENT_OFFICER'],
    allowedOutcomes: [...INSPECTION_OUTCOMES],
    deadline: null,
    payload: { enterpriseId: input.enterpriseId, inspectorIds: teamIds, unannounced: input.unannounced },
    check: (c) =>
      teamOnly(c) ??
      asProblem(
        parseInspectionRecord(c.outcome, c.payload, {
          team,
          actorId: c.actor.userId,
          today: localDateOf(now()),
          policy,
        }).problem,
      ),
  });
  const recordedOn = localDateOf(rec.completedAt);
  // Validated in the Update validator at the same workflow instant, so this parse cannot fail.
  const record: InspectionRecord = parseInspectionRecord(rec.outcome, rec.payload, {
    team,
    actorId: rec.actor.userId,
    today: recordedOn,
    policy,
  }).value!;
  Object.assign(state, {
    outcome: rec.outcome,
    findings: record.findings,
    confirmations: record.confirmations,
    rectificationDeadline: record.rectificationDeadline,
    suspensionOrdered: record.measures.suspension,
  });
  const hasMajor = record.findings.some((f) => f.hazardLevel === 'MAJOR');
  await event(
    'record',
    'INSPECTION_RECORDED',
    rec.actor.userId,
    { inspection: { outcome: rec.outcome, recordedOn, ...record } },
    {
      outcome: rec.outcome,
      findings: record.findings.length,
      majorHazards: record.findings.filter((f) => f.hazardLevel === 'MAJOR').length,
      confirmedBy: record.confirmations.map((c) => c.officerId),
    },
  );

  // ---- 危险作业罪 (刑法 Art.134之一) → criminal-transfer review, in parallel ----
  let reviewSeq = 0;
  const criminalReview = async (grounds: CriminalReviewGround[]): Promise<void> => {
    const step = `criminal-review-${++reviewSeq}`;
    const entry: InspectionState['criminalReviews'][number] = {
      step,
      grounds,
      decision: 'PENDING',
      transferCaseId: null,
    };
    state.criminalReviews.push(entry);
    await event(
      `${step}-prompted`,
      'CRIMINAL_TRANSFER_REVIEW_PROMPTED',
      null,
      {},
      { grounds: grounds.map((g) => g.conduct), rule: '刑法 Art.134之一' },
    );
    const r = await board.run({
      ...base,
      step,
      type: 'CRIMINAL_TRANSFER_REVIEW',
      title: '涉嫌危险作业罪 — 移送审查',
      candidateRoles: ['ENFORCEMENT_OFFICER', 'AGENCY_HEAD'],
      allowedOutcomes: ['PROPOSE_TRANSFER', 'NO_TRANSFER'],
      deadline: { startDate: localDateOf(now()), unit: 'working_days', amount: policy.criminalReviewWorkingDays },
      payload: { grounds },
      check: (c) => (c.actor.roles.includes('AGENCY_HEAD') ? undefined : teamOnly(c)) ?? needReason(c),
    });
    if (r.outcome === 'NO_TRANSFER') {
      entry.decision = 'NO_TRANSFER';
      await event(
        `${step}-decided`,
        'CRIMINAL_TRANSFER_NOT_PROPOSED',
        r.actor.userId,
        { criminalReviews: state.criminalReviews },
        { reason: r.payload.reason },
      );
      return;
    }
    const workflowId = `criminal-transfer-${input.caseId}-review-${reviewSeq}`;
    const linked = await inspectionActivities.inspectionOpenLinkedCase({
      caseType: 'CRIMINAL_TRANSFER',
      title: '涉嫌危险作业罪案件移送',
      departmentId: input.departmentId,
      enterpriseId: input.enterpriseId,
      createdBy: r.actor.userId,
      handlerIds: teamIds,
      workflowId,
      sourceCaseId: input.caseId,
      data: { grounds, reason: r.payload.reason },
    });
    const transfer: CriminalTransferInput = {
      caseId: linked.caseId,
      sourceCaseId: input.caseId,
      sourceCaseType: 'INSPECTION',
      departmentId: input.departmentId,
      proposedBy: r.actor.userId,
      teamIds,
      suspectedOffence: '危险作业罪（刑法第一百三十四条之一）',
      grounds: grounds.map((g) => g.description),
      openedAt: linked.createdAt,
      teamCredentials: Object.fromEntries(team.map((t) => [t.userId, t.credentialNo])),
    };
    await startChild('criminalTransferWorkflow', {
      workflowId,
      args: [transfer],
      parentClosePolicy: ParentClosePolicy.ABANDON,
    });
    entry.decision = 'PROPOSE_TRANSFER';
    entry.transferCaseId = linked.caseId;
    await event(
      `${step}-decided`,
      'CRIMINAL_TRANSFER_STARTED',
      r.actor.userId,
      { criminalReviews: state.criminalReviews },
      {
        transferCaseId: linked.caseId,
        workflowId,
        reason: r.payload.reason,
      },
    );
  };
  const recordGrounds = dangerousOperationGrounds(record.findings);
  if (recordGrounds.length) branches.push(criminalReview(recordGrounds));

  // ---- automatic penalty case (child workflow, left running when this inspection closes) ----
  const openPenalty = async (
    by: TaskCompletion,
    title: string,
    dailyFine: null | { orderDate: string; deadline: string },
  ): Promise<void> => {
    const workflowId = `penalty-from-${input.caseId}`;
    // 安全生产法 Art.112: "自作出责令改正之日的次日起" — continuing daily fines count from the day after
    // the order, once a fine has been imposed and correction is still refused. Recorded as a flag;
    // computing the fine belongs to the penalty case.
    const continuingDailyFineFrom = dailyFine ? plusDays(dailyFine.orderDate, 1) : null;
    const linked = await inspectionActivities.inspectionOpenLinkedCase({
      caseType: 'PENALTY',
      title: title.slice(0, 200),
      departmentId: input.departmentId,
      enterpriseId: input.enterpriseId,
      createdBy: by.actor.userId,
      handlerIds: teamIds,
      workflowId,
      sourceCaseId: input.caseId,
      data: {
        origin: { kind: 'INSPECTION', sourceCaseId: input.caseId },
        findings: record.findings,
        continuingDailyFineFrom,
        continuingDailyFine: dailyFine
          ? {
              rule: '安全生产法 Art.112',
              orderDate: dailyFine.orderDate,
              rectificationDeadline: dailyFine.deadline,
              from: continuingDailyFineFrom,
              applies: 'once a fine is imposed and the party still refuses to correct',
            }
          : null,
      },
    });
    const penalty: PenaltyCaseInput = {
      caseId: linked.caseId,
      departmentId: input.departmentId,
      enterpriseId: input.enterpriseId,
      createdBy: by.actor.userId,
      handlerIds: teamIds,
      openedAt: linked.createdAt,
      origin: { kind: 'INSPECTION', sourceCaseId: input.caseId },
    };
    await startChild('penaltyCaseWorkflow', {
      workflowId,
      args: [penalty],
      parentClosePolicy: ParentClosePolicy.ABANDON,
    });
    state.penalty = { caseId: linked.caseId, workflowId, continuingDailyFineFrom };
    await event(
      'penalty-linked',
      'PENALTY_CASE_LINKED',
      by.actor.userId,
      { penaltyCaseId: linked.caseId, penaltyWorkflowId: workflowId, continuingDailyFineFrom },
      {
        penaltyCaseId: linked.caseId,
        workflowId,
      },
    );
  };

  // ---- 查封/扣押 (行政强制法 Art.25): ≤ 30 days, one extension ≤ 30 days approved by the head ----
  const seizureBranch = async (items: string, days: number): Promise<void> => {
    let extended = false;
    let termStart = recordedOn;
    let termDays = days;
    state.seizure = {
      items,
      startedOn: recordedOn,
      expiresOn: null,
      extended: false,
      overdue: false,
      status: 'ACTIVE',
    };
    await event(
      'seizure-started',
      'SEIZURE_STARTED',
      rec.actor.userId,
      { seizure: state.seizure },
      { items, days, rule: '行政强制法 Art.25' },
    );
    for (let round = 1; ; round++) {
      // The term ends on its last calendar day; it is a limit on the agency, so no rest-day roll-over.
      const expiresOn = plusDays(termStart, termDays);
      const expiresAt = endOfLocalDayMs(expiresOn);
      state.seizure.expiresOn = expiresOn;
      let decision: TaskCompletion | null = null as TaskCompletion | null;
      const step = `seizure-decision-${round}`;
      const run = board
        .run({
          ...base,
          step,
          type: 'SEIZURE_DECISION',
          title: `查封/扣押期限届满前处理（${expiresOn}）`,
          candidateRoles: ['ENFORCEMENT_OFFICER', 'AGENCY_HEAD'],
          allowedOutcomes: ['RELEASE', 'EXTEND', 'DISPOSE'],
          deadline: { startDate: termStart, unit: 'calendar_days', amount: termDays },
          warningLeadHours: 5 * 24,
          payload: { items, expiresOn, extended },
          check: (c) => {
            const who = c.actor.roles.includes('AGENCY_HEAD') ? undefined : teamOnly(c);
            if (who) return who;
            if (c.outcome === 'EXTEND') {
              const p = asProblem(checkSeizureExtension(c.payload, { alreadyExtended: extended, policy }));
              if (p) return p;
              if (Date.now() > expiresAt)
                return {
                  type: TaskRejection.RULE,
                  message: 'the term has already expired; release or dispose of the items (行政强制法 Art.25)',
                };
              return undefined;
            }
            return needReason(c);
          },
        })
        .then((c) => (decision = c));
      if (!(await condition(() => decision !== null, Math.max(1, expiresAt - Date.now())))) {
        state.seizure.overdue = true;
        await caseActivities.escalateTask({ taskKey: `${workflowInfo().workflowId}:${step}`, level: 'RED' });
        await event(
          `seizure-overdue-${round}`,
          'SEIZURE_TERM_EXCEEDED',
          null,
          { seizure: state.seizure },
          { expiresOn, rule: '行政强制法 Art.25' },
        );
      }
      const d = await run;
      if (d.outcome === 'EXTEND') {
        state.seizure.status = 'EXTENSION_REQUESTED';
        const requested = d.payload.days as number;
        const approval = await board.run({
          ...base,
          step: `seizure-extension-approval-${round}`,
          type: 'SEIZURE_EXTENSION_APPROVAL',
          title: `查封/扣押延期审批（${requested}日）`,
          candidateRoles: ['AGENCY_HEAD'],
          allowedOutcomes: ['APPROVE', 'REJECT'],
          deadline: null,
          payload: { requestedDays: requested, reason: d.payload.reason, expiresOn },
          check: (c) =>
            c.actor.userId === d.actor.userId
              ? {
                  type: TaskRejection.SEPARATION_OF_DUTIES,
                  message: 'the extension must be approved by someone other than the requester',
                }
              : c.outcome === 'REJECT'
                ? needReason(c)
                : undefined,
        });
        if (approval.outcome === 'APPROVE' && Date.now() <= expiresAt) {
          extended = true;
          termStart = expiresOn;
          termDays = requested;
          Object.assign(state.seizure, { extended: true, overdue: false, status: 'ACTIVE' });
          await event(
            `seizure-extended-${round}`,
            'SEIZURE_EXTENDED',
            approval.actor.userId,
            { seizure: state.seizure },
            { days: requested, newExpiry: plusDays(termStart, termDays) },
          );
        } else {
          state.seizure.status = 'ACTIVE';
          await event(
            `seizure-extension-refused-${round}`,
            'SEIZURE_EXTENSION_REFUSED',
            approval.actor.userId,
            { seizure: state.seizure },
            {
              reason:
                approval.outcome === 'APPROVE'
                  ? 'approved after the term had expired (行政强制法 Art.25)'
                  : approval.payload.reason,
            },
          );
        }
        continue;
      }
      state.seizure.status = d.outcome === 'RELEASE' ? 'RELEASED' : 'DISPOSED';
      await event(
        `seizure-${d.outcome.toLowerCase()}`,
        d.outcome === 'RELEASE' ? 'SEIZURE_RELEASED' : 'SEIZURE_DISPOSED',
        d.actor.userId,
        { seizure: state.seizure },
        { reason: d.payload.reason },
      );
      return;
    }
  };

  // ---- 挂牌督办 of a 重大事故隐患: review → the head's 销号 (lifting) approval ----
  const listingBranch = async (): Promise<void> => {
    const dueOn = plusDays(recordedOn, policy.supervisedListingDays);
    state.listing = { listedOn: recordedOn, dueOn, status: 'LISTED' };
    await event(
      'listing',
      'HAZARD_LISTED_FOR_SUPERVISION',
      rec.actor.userId,
      { listing: state.listing },
      { dueOn, days: policy.supervisedListingDays },
    );
    for (let round = 1; ; round++) {
      const review = await board.run({
        ...base,
        step: `listing-review-${round}`,
        type: 'LISTING_REVIEW',
        title: '挂牌督办重大事故隐患 — 整改核查',
        candidateRoles: ['ENFORCEMENT_OFFICER'],
        allowedOutcomes: ['REMOVED', 'NOT_REMOVED'],
        deadline: { startDate: recordedOn, unit: 'calendar_days', amount: policy.supervisedListingDays },
        check: (c) => teamOnly(c) ?? needReason(c, 'opinion'),
      });
      if (review.outcome === 'NOT_REMOVED') {
        await event(
          `listing-review-${round}`,
          'LISTED_HAZARD_NOT_REMOVED',
          review.actor.userId,
          {},
          { opinion: review.payload.opinion },
        );
        continue;
      }
      state.listing.status = 'LIFT_REQUESTED';
      const approval = await board.run({
        ...base,
        step: `listing-lift-approval-${round}`,
        type: 'LISTING_LIFT_APPROVAL',
        title: '挂牌督办销号审批',
        candidateRoles: ['AGENCY_HEAD'],
        allowedOutcomes: ['APPROVE', 'REJECT'],
        deadline: null,
        payload: { opinion: review.payload.opinion },
        check: (c) =>
          c.actor.userId === review.actor.userId
            ? { type: TaskRejection.SEPARATION_OF_DUTIES, message: 'the reviewer may not approve the lifting' }
            : c.outcome === 'REJECT'
              ? needReason(c)
              : undefined,
      });
      if (approval.outcome === 'APPROVE') {
        state.listing.status = 'LIFTED';
        await event(
          'listing-lifted',
          'HAZARD_LISTING_LIFTED',
          approval.actor.userId,
          { listing: state.listing },
          { opinion: review.payload.opinion },
        );
        return;
      }
      state.listing.status = 'LISTED';
      await event(
        `listing-lift-refused-${round}`,
        'HAZARD_LISTING_LIFT_REFUSED',
        approval.actor.userId,
        {},
        { reason: approval.payload.reason },
      );
    }
  };

  switch (rec.outcome) {
    case 'NO_ISSUE':
      state.result = 'NO_ISSUE';
      break;
    case 'PROPOSE_PENALTY':
      await openPenalty(rec, `检查发现违法行为：${record.penaltyReason}`, null);
      state.result = 'PENALTY_PROPOSED';
      await moveTo('ESCALATED_TO_PENALTY', rec.actor.userId, 'PENALTY_PROPOSED', {
        penaltyCaseId: state.penalty!.caseId,
        reason: record.penaltyReason,
      });
      break;
    default: {
      const deadline = record.rectificationDeadline!;
      // 责令限期整改指令书, numbered and stored by DocumentService (idempotent per case).
      const order = await inspectionActivities.inspectionIssueRectificationOrder({
        caseId: input.caseId,
        issuedBy: rec.actor.userId,
        findings: record.findings.map((f) => f.description),
        legalBasis: [...new Set(record.findings.map((f) => f.legalBasis))].join('、'),
        deadline,
        note: record.measures.suspension
          ? '重大事故隐患排除前，责令从危险区域撤出作业人员并暂时停产停业（《安全生产法》第六十五条）。'
          : null,
      });
      await moveTo('RECTIFICATION_ORDERED', rec.actor.userId, 'RECTIFICATION_ORDERED', {
        rectificationDeadline: deadline,
        suspension: record.measures.suspension,
        seizure: record.measures.seizure,
        supervisedListing: record.supervisedListing,
        legalBasis: record.findings.map((f) => f.legalBasis),
        orderDocumentId: order.documentId,
        orderNumber: order.number,
      });
      if (record.measures.seizure)
        branches.push(seizureBranch(record.measures.seizure.items, record.measures.seizure.days));
      if (record.supervisedListing) branches.push(listingBranch());

      // 复查: a durable timer to the end of the deadline day, then the re-inspection task.
      await sleep(Math.max(1, endOfLocalDayMs(deadline) - Date.now()));
      await moveTo('AWAITING_REINSPECTION', null, 'RECTIFICATION_DEADLINE_REACHED', {
        rectificationDeadline: deadline,
      });
      const re = await board.run({
        ...base,
        step: 'reinspection',
        type: 'REINSPECTION',
        title: `复查（整改期限 ${deadline}）`,
        candidateRoles: ['ENFORCEMENT_OFFICER'],
        allowedOutcomes: ['RECTIFIED', 'NOT_RECTIFIED'],
        // UNVERIFIED policy value: 复查 within N working days after the deadline (default 10).
        deadline: { startDate: deadline, unit: 'working_days', amount: policy.reinspectionWorkingDays },
        check: (c) =>
          teamOnly(c) ??
          asProblem(
            parseReinspection(c.outcome, c.payload, {
              team,
              actorId: c.actor.userId,
              suspensionOrdered: record.measures.suspension,
            }).problem,
          ),
      });
      const r = parseReinspection(re.outcome, re.payload, {
        team,
        actorId: re.actor.userId,
        suspensionOrdered: record.measures.suspension,
      }).value!;
      await event(
        'reinspection',
        'REINSPECTION_RECORDED',
        re.actor.userId,
        { reinspection: { outcome: re.outcome, at: re.completedAt, ...r } },
        {
          outcome: re.outcome,
          confirmedBy: r.confirmations.map((c) => c.officerId),
        },
      );
      const reGrounds = dangerousOperationGrounds(r.findings, {
        refusedStopOrderUnderMajorHazard: r.refusedStopOrder && hasMajor,
      });
      if (reGrounds.length) branches.push(criminalReview(reGrounds));
      if (re.outcome === 'RECTIFIED') {
        state.result = 'RECTIFIED';
        await moveTo('RECTIFIED', re.actor.userId, 'HAZARD_RECTIFIED', { opinion: r.opinion });
      } else {
        await openPenalty(re, `逾期未整改：${record.findings.map((f) => f.description).join('；')}`, {
          orderDate: recordedOn,
          deadline,
        });
        state.result = 'NOT_RECTIFIED_PENALTY';
        await moveTo('ESCALATED_TO_PENALTY', re.actor.userId, 'PENALTY_CASE_OPENED_AUTOMATICALLY', {
          penaltyCaseId: state.penalty!.caseId,
          continuingDailyFineFrom: state.penalty!.continuingDailyFineFrom,
          opinion: r.opinion,
        });
      }
    }
  }

  await Promise.all(branches);
  await moveTo('CLOSED', null, 'INSPECTION_CLOSED', {
    result: state.result,
    penaltyCaseId: state.penalty?.caseId ?? null,
  });
  return state;
}
