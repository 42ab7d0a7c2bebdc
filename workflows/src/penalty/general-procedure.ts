import {
  ApplicationFailure,
  condition,
  ParentClosePolicy,
  proxyActivities,
  setHandler,
  sleep,
  startChild,
  workflowInfo,
} from '@temporalio/workflow';
import type { UpdateDefinition } from '@temporalio/common';
import type {
  PenaltyActivities,
  PenaltyContext,
  BenchmarkSnapshot,
} from '../../../libs/temporal/src/penalty.activities';
import type { CompleteTaskInput, TaskActor } from '../../../libs/temporal/src/contracts/human-task.contract';
import type { CriminalTransferInput } from '../../../libs/temporal/src/contracts/criminal-transfer.contract';
import {
  ActorInput,
  ChallengeEndedInput,
  ChallengeFiledInput,
  Circumstance,
  DecisionExtensionInput,
  EvidencePreservationInput,
  HearingRequestInput,
  PaymentInput,
  StatementInput,
  WaiverInput,
  PenaltyCaseInput,
  PenaltyCaseState,
  PenaltyCaseStatus,
  PenaltyEventResult,
  PenaltyMeasureCode,
  PenaltyProcedureState,
  proposeCriminalTransferUpdate,
  recordChallengeEndedUpdate,
  recordChallengeFiledUpdate,
  recordPaymentUpdate,
  recordStatementUpdate,
  recordWaiverUpdate,
  requestEvidencePreservationUpdate,
  requestHearingUpdate,
  extendDecisionDeadlineUpdate,
} from '../../../libs/temporal/src/contracts/penalty-case.contract';
import { checkFineAgainstBenchmark } from '../../../libs/domain/src/enforcement/benchmark';
import { hearingGrounds } from '../../../libs/domain/src/enforcement/hearing';
import { legalReviewGrounds } from '../../../libs/domain/src/enforcement/legal-review';
import { penaltyMayNotIncrease } from '../../../libs/domain/src/enforcement/notice';
import { lateSurcharge } from '../../../libs/domain/src/enforcement/surcharge';
import { fenToYuan, yuanToFen } from '../../../libs/domain/src/enforcement/money';
import { challengePeriods } from '../../../libs/domain/src/enforcement/execution';
import { diffDays, endOfLocalDay, toEpochDay } from '../../../libs/domain/src/calendar/local-date';
import { TaskBoard, TaskCompletion } from '../lib/task-board';
import { caseActivities, localDateOf } from '../lib/shared';
import {
  bool,
  conflict,
  deadlinePassed,
  domainRule,
  first,
  forbidden,
  invalid,
  isDate,
  isUuid,
  measures,
  oneOf,
  outOfOrder,
  pastInstant,
  Problem,
  rule,
  separation,
  text,
  yuan,
} from './checks';

const acts = proxyActivities<PenaltyActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute', backoffCoefficient: 2 },
});

const reject = (p: Problem): never => {
  throw ApplicationFailure.create({ type: p.type, message: p.message, nonRetryable: true });
};

const OFFICER = 'ENFORCEMENT_OFFICER';
const HEAD = 'AGENCY_HEAD';
const LEGAL = 'LEGAL_REVIEWER';

/** Stages at or after which a decision exists. */
const DECIDED_STAGES: PenaltyCaseStatus[] = [
  'DECIDED',
  'SERVED',
  'AWAITING_PAYMENT',
  'OVERDUE',
  'ENFORCEMENT',
  'COURT_ENFORCEMENT',
  'EXECUTED',
  'NOT_PENALISED',
  'WITHDRAWN',
  'REVOKED',
  'ARCHIVED',
];
/** Transfer outcomes after which an administrative fine may not be imposed in place of prosecution (行政处罚法 Art.27, 82). */
const PROSECUTION_STATUSES = [
  'POLICE_FILED',
  'RECONSIDERED_FILED',
  'REFERRED_TO_PROCURATORATE',
  'TRANSFERRED',
  'AWAITING_HANDOVER',
  'AWAITING_HEAD_DECISION',
];

export type MoveTo = (
  status: PenaltyCaseStatus,
  by: string | null,
  action: string,
  summary?: Record<string, unknown>,
) => Promise<void>;

/**
 * The Update handlers of the penalty case (non-task actions). Registered when the workflow starts,
 * so a message at any step gets a typed answer; until 立案 only a criminal-transfer proposal is accepted.
 */
export class PenaltyHandlers {
  procedure: GeneralProcedure | null = null;
  private readonly transfers: PenaltyProcedureState['criminalTransfers'] = [];
  private transferWork: Array<Promise<void>> = [];
  private eventSeq = 0;

  constructor(
    private readonly input: PenaltyCaseInput,
    private readonly state: PenaltyCaseState,
  ) {
    const proc = (): GeneralProcedure => {
      if (!this.procedure) reject(outOfOrder('the case is not filed yet (立案 comes first)'));
      return this.procedure!;
    };
    const on = <I extends ActorInput>(
      def: UpdateDefinition<PenaltyEventResult, [I]>,
      validate: (p: GeneralProcedure, i: I) => Problem | undefined,
      handle: (p: GeneralProcedure, i: I) => Promise<PenaltyEventResult>,
    ) => {
      setHandler(def, (i: I) => handle(proc(), i), {
        validator: (i: I) => {
          const p = proc();
          if (p.archived()) reject(outOfOrder('the case is archived'));
          const problem = validate(p, i);
          if (problem) reject(problem);
        },
      });
    };
    on(
      requestEvidencePreservationUpdate,
      (p, i) => p.validatePreservation(i),
      (p, i) => p.requestPreservation(i),
    );
    on(
      recordStatementUpdate,
      (p, i) => p.validateStatement(i),
      (p, i) => p.recordStatement(i),
    );
    on(
      requestHearingUpdate,
      (p, i) => p.validateHearingRequest(i),
      (p, i) => p.requestHearing(i),
    );
    on(
      recordWaiverUpdate,
      (p, i) => p.validateWaiver(i),
      (p, i) => p.recordWaiver(i),
    );
    on(
      extendDecisionDeadlineUpdate,
      (p, i) => p.validateExtension(i),
      (p, i) => p.extendDecision(i),
    );
    on(
      recordPaymentUpdate,
      (p, i) => p.validatePayment(i),
      (p, i) => p.recordPayment(i),
    );
    on(
      recordChallengeFiledUpdate,
      (p, i) => p.validateChallengeFiled(i),
      (p, i) => p.challengeFiled(i),
    );
    on(
      recordChallengeEndedUpdate,
      (p, i) => p.validateChallengeEnded(i),
      (p, i) => p.challengeEnded(i),
    );

    // 行刑衔接 may be proposed at any step, even before 立案 (行政执法机关移送涉嫌犯罪案件的规定).
    setHandler(proposeCriminalTransferUpdate, async (i) => this.proposeTransfer(i), {
      validator: (i) => {
        const problem = this.validateTransfer(i);
        if (problem) reject(problem);
      },
    });
  }

  transferBlocksFine(): boolean {
    return this.transfers.some((t) => !t.answered || PROSECUTION_STATUSES.includes(t.status));
  }

  transferList(): PenaltyProcedureState['criminalTransfers'] {
    return this.transfers;
  }

  nextEventKey(): string {
    return `${workflowInfo().workflowId}:event:${++this.eventSeq}`;
  }

  async event(
    action: string,
    actor: TaskActor | null,
    summary: Record<string, unknown>,
    requestId?: string,
  ): Promise<void> {
    await acts.recordPenaltyEvent({
      eventKey: this.nextEventKey(),
      caseId: this.input.caseId,
      actorId: actor?.userId ?? null,
      actorRole: actor?.roles[0] ?? null,
      action,
      summary,
      requestId: requestId ?? null,
    });
  }

  private validateTransfer(i: {
    actor: TaskActor;
    suspectedOffence: string;
    grounds: string[];
    teamIds: string[];
  }): Problem | undefined {
    const isHandlerOfficer = this.input.handlerIds.includes(i.actor.userId) && i.actor.roles.includes(OFFICER);
    const isHead = i.actor.roles.includes(HEAD) && i.actor.departmentId === this.input.departmentId;
    return first(
      () =>
        isHandlerOfficer || isHead
          ? undefined
          : forbidden('a handling officer or the agency head proposes a criminal transfer'),
      () => (this.state.status === 'ARCHIVED' ? outOfOrder('the case is archived') : undefined),
      () =>
        this.transfers.some((t) => !t.answered)
          ? conflict('a criminal transfer of this case is already pending')
          : undefined,
      () => text(i as unknown as Record<string, unknown>, 'suspectedOffence', { max: 200 }),
      () =>
        Array.isArray(i.grounds) &&
        i.grounds.length > 0 &&
        i.grounds.length <= 20 &&
        i.grounds.every((g) => typeof g === 'string' && g.trim() && g.length <= 1000)
          ? undefined
          : invalid('grounds must list 1–20 non-empty statements'),
      () =>
        Array.isArray(i.teamIds) && new Set(i.teamIds).size >= 2 && i.teamIds.every(isUuid)
          ? undefined
          : rule('the transfer team needs at least two distinct officers (国务院令第310号 Art.5)'),
      () =>
        i.teamIds.every((t) => this.input.handlerIds.includes(t))
          ? undefined
          : invalid('every team member must be a handler of this case'),
    );
  }

  private async proposeTransfer(i: {
    actor: TaskActor;
    requestId?: string;
    suspectedOffence: string;
    grounds: string[];
    teamIds: string[];
  }): Promise<PenaltyEventResult> {
    const seq = this.transfers.length + 1;
    const workflowId = `criminal-transfer-${this.input.caseId}-${seq}`;
    const rec = {
      seq,
      caseId: null as string | null,
      workflowId,
      proposedBy: i.actor.userId,
      at: new Date(Date.now()).toISOString(),
      status: 'STARTING',
      answered: false,
    };
    this.transfers.push(rec);
    await this.event(
      'CRIMINAL_TRANSFER_PROPOSED',
      i.actor,
      { seq, workflowId, suspectedOffence: i.suspectedOffence, grounds: i.grounds, teamIds: i.teamIds },
      i.requestId,
    );
    const linked = await acts.createCriminalTransferCase({
      sourceCaseId: this.input.caseId,
      departmentId: this.input.departmentId,
      enterpriseId: this.input.enterpriseId,
      proposedBy: i.actor.userId,
      teamIds: [...new Set(i.teamIds)],
      workflowId,
      suspectedOffence: i.suspectedOffence,
      grounds: i.grounds,
    });
    rec.caseId = linked.caseId;
    const childInput: CriminalTransferInput = {
      caseId: linked.caseId,
      sourceCaseId: this.input.caseId,
      sourceCaseType: 'PENALTY',
      departmentId: this.input.departmentId,
      proposedBy: i.actor.userId,
      teamIds: [...new Set(i.teamIds)],
      suspectedOffence: i.suspectedOffence,
      grounds: i.grounds,
      openedAt: rec.at,
    };
    try {
      // Started by name: the transfer workflow lives in another module of the bundle (or another worker).
      const child = await startChild('criminalTransferWorkflow', {
        workflowId,
        args: [childInput],
        parentClosePolicy: ParentClosePolicy.ABANDON,
      });
      rec.status = 'PENDING';
      this.transferWork.push(
        child.result().then(
          (r: unknown) => {
            rec.status = String((r as { status?: string } | null)?.status ?? 'COMPLETED');
            rec.answered = true;
          },
          () => {
            rec.status = 'FAILED';
            rec.answered = true;
          },
        ),
      );
    } catch (e) {
      rec.status = 'START_FAILED';
      rec.answered = true;
      await this.event('CRIMINAL_TRANSFER_START_FAILED', i.actor, {
        seq,
        workflowId,
        error: e instanceof Error ? e.message : String(e),
      });
    }
    return {
      ok: true,
      status: this.state.status,
      detail: { seq, workflowId, transferCaseId: linked.caseId, childStatus: rec.status },
    };
  }
}

/** Days of the period between two local dates (for a calendar-day deadline spec). */
const daysBetween = (a: string, b: string): number => diffDays(a, b);

/**
 * 行政处罚一般程序 after 立案 (行政处罚法 2021, Chapter V, Section 3; 行政强制法 for execution):
 * investigation, proposal against the 裁量基准, 法制审核, 告知, 陈述申辩/听证, 集体讨论, 决定, 送达,
 * 执行, 公示 and 结案归档. Every statutory period is a durable timer or a task deadline.
 */
export class GeneralProcedure {
  readonly p: PenaltyProcedureState;
  private ctx!: PenaltyContext;

  /** Handlers designated after filing (承办人 of an automatically opened case) join the snapshot the steps check. */
  replaceHandlers(handlers: PenaltyContext['handlers']): void {
    if (this.ctx) this.ctx.handlers = handlers;
  }
  private benchmark: BenchmarkSnapshot | null = null;
  private legalReviewers: string[] = [];
  private hearingCalendar: string[] = [];
  private side: Array<Promise<void>> = [];
  private publicationVersion = 0;
  private withdrawalSeq = 0;
  private revokedFlag = false;

  constructor(
    private readonly input: PenaltyCaseInput,
    private readonly state: PenaltyCaseState,
    private readonly board: TaskBoard,
    private readonly moveTo: MoveTo,
    private readonly handlers: PenaltyHandlers,
  ) {
    const filedOn = localDateOf(new Date(Date.now()).toISOString());
    this.p = {
      stage: 'FILED',
      filedOn,
      decisionDueDate: null,
      decisionExtensions: [],
      round: 0,
      investigation: null,
      preservations: [],
      proposal: null,
      legalReview: { required: false, grounds: [], passed: false, rounds: [] },
      collectiveDiscussion: { required: false, outcome: null },
      notice: null,
      statements: [],
      waived: [],
      hearing: null,
      decision: null,
      service: null,
      payment: null,
      challenges: [],
      publication: null,
      enforcement: null,
      criminalTransfers: handlers.transferList(),
      archive: null,
    };
    state.procedure = this.p;
  }

  archived(): boolean {
    return this.p.stage === 'ARCHIVED';
  }

  private now(): number {
    return Date.now();
  }

  private today(): string {
    return localDateOf(new Date(this.now()).toISOString());
  }

  private async stage(
    status: PenaltyCaseStatus,
    by: string | null,
    action: string,
    summary: Record<string, unknown> = {},
  ): Promise<void> {
    this.p.stage = status;
    await this.moveTo(status, by, action, summary);
  }

  private isHandler(userId: string): boolean {
    return this.input.handlerIds.includes(userId);
  }

  private sameDepartment(actor: TaskActor): boolean {
    return actor.departmentId === this.input.departmentId;
  }

  private totalExtension(): number {
    return this.p.decisionExtensions.reduce((a, e) => a + e.days, 0);
  }

  private decisionClock() {
    return {
      startDate: this.p.filedOn,
      unit: 'calendar_days' as const,
      amount: this.ctx.policy.decisionPeriodDays + this.totalExtension(),
    };
  }

  /** A due date from the holiday calendar; with the year missing it fails closed and retries daily until an administrator loads it. */
  private async due(
    startDate: string,
    unit: 'working_days' | 'calendar_days',
    amount: number,
  ): Promise<{ dueDate: string; dueAt: number }> {
    for (let attempt = 0; ; attempt++) {
      const a = await caseActivities.computeDeadline({ startDate, unit, amount });
      if (a.dueAt && a.dueDate) return { dueDate: a.dueDate, dueAt: Date.parse(a.dueAt) };
      if (attempt === 0)
        await this.handlers.event('CALENDAR_YEAR_MISSING', null, {
          startDate,
          unit,
          amount,
          missingYear: a.missingYear,
        });
      await sleep('1 day');
    }
  }

  private async waitUntil(at: number, done: () => boolean): Promise<boolean> {
    if (done()) return true;
    if (at <= this.now()) return done();
    return condition(done, Math.max(1, at - this.now()));
  }

  // ------------------------------------------------------------------ main line

  async run(): Promise<void> {
    this.ctx = await acts.loadPenaltyContext({ caseId: this.input.caseId, departmentId: this.input.departmentId });
    const clock = await caseActivities.computeDeadline(this.decisionClock());
    this.p.decisionDueDate = clock.dueDate;
    await acts.issuePenaltyDocument({
      idempotencyKey: `${workflowInfo().workflowId}:doc:filing`,
      kind: 'FILING_APPROVAL_FORM',
      caseId: this.input.caseId,
      issuedBy: this.state.history[this.state.history.length - 1]?.by ?? null,
      data: {
        filedOn: this.p.filedOn,
        handlers: this.ctx.handlers.map((h) => h.credentialNo ?? h.userId),
        source: this.input.origin?.kind ?? 'MANUAL',
        approver: '负责人',
      },
    });

    let outcome: 'DECIDE_PENALTY' | 'NO_PENALTY' | 'WITHDRAW' | null = null;
    while (outcome === null) {
      this.p.round++;
      outcome = await this.round(this.p.round);
    }

    if (outcome === 'DECIDE_PENALTY') await this.execute();
    else if (outcome === 'NO_PENALTY') await this.serveDecision();

    await this.sideWorkDone();
    const archive = await this.board.run({
      step: 'archive',
      caseId: this.input.caseId,
      type: 'CASE_ARCHIVE',
      title: '结案审批与归档',
      candidateRoles: [HEAD],
      departmentId: this.input.departmentId,
      allowedOutcomes: ['ARCHIVE'],
      deadline: null,
      check: ({ actor, payload }) =>
        first(
          () => (this.sameDepartment(actor) ? undefined : forbidden('the head of the case department archives it')),
          () => text(payload, 'comment', { optional: true, max: 2000 }),
        ),
    });
    // A challenge recorded while the archive step was open may have started a withdrawal: finish it first.
    await this.sideWorkDone();
    const saved = await acts.archivePenaltyCase({ caseId: this.input.caseId, actorId: archive.actor.userId });
    this.p.archive = { archivedAt: saved.archivedAt, sha256: saved.sha256 };
    await this.stage('ARCHIVED', archive.actor.userId, 'CASE_ARCHIVED', { sha256: saved.sha256 });
  }

  /** Waits for the side flows (preservation, publication, withdrawal), including any started meanwhile. */
  private async sideWorkDone(): Promise<void> {
    for (let seen = -1; seen !== this.side.length;) {
      seen = this.side.length;
      await Promise.all(this.side);
    }
  }

  /** One pass from investigation to decision; null = returned for more investigation. */
  private async round(n: number): Promise<'DECIDE_PENALTY' | 'NO_PENALTY' | 'WITHDRAW' | null> {
    this.p.notice = null;
    this.p.hearing = null;
    this.p.statements = [];
    this.p.waived = [];
    this.p.legalReview = { required: false, grounds: [], passed: false, rounds: this.p.legalReview.rounds };
    this.p.collectiveDiscussion = { required: false, outcome: null };

    await this.investigate(n);
    const proposal = await this.propose(n);
    const pr = this.p.proposal!;
    const grounds = legalReviewGrounds({
      involvesMajorPublicInterest: !!pr.involvesMajorPublicInterest,
      affectsMajorRightsOfPartyOrThirdParty: !!pr.affectsMajorRights,
      hearingHeld: false,
      complexWithMultipleLegalRelationships: !!pr.multipleLegalRelationships,
      requiredByOtherRule: !!pr.requiredByOtherRule,
    });
    this.p.legalReview.required = grounds.length > 0 && proposal.outcome !== 'PROPOSE_WITHDRAWAL';
    this.p.legalReview.grounds = grounds;
    this.p.collectiveDiscussion.required = !!(pr.complex || pr.serious);

    // 法制审核 before the notice where a ground already applies (Art.58).
    if (this.p.legalReview.required) {
      const ok = await this.legalReview(n, false);
      if (!ok) return null;
    }

    if (proposal.outcome === 'PROPOSE_PENALTY') {
      await this.notify(n);
      await this.partyWindow();
      // Re-read: handlers changed it while we waited (TS keeps the narrowing from the reset above).
      const requested = this.p.hearing as PenaltyProcedureState['hearing'];
      if (requested) {
        await this.runHearing(n);
        // Art.58(1)(2): major rights + a hearing held → 法制审核 (again) on the hearing record.
        const after = legalReviewGrounds({
          involvesMajorPublicInterest: !!pr.involvesMajorPublicInterest,
          affectsMajorRightsOfPartyOrThirdParty: !!pr.affectsMajorRights,
          hearingHeld: (this.p.hearing as PenaltyProcedureState['hearing'])?.outcome === 'HELD',
          complexWithMultipleLegalRelationships: !!pr.multipleLegalRelationships,
          requiredByOtherRule: !!pr.requiredByOtherRule,
        });
        if (after.includes('MAJOR_RIGHTS_AFTER_HEARING')) {
          this.p.legalReview = { ...this.p.legalReview, required: true, grounds: after, passed: false };
          const ok = await this.legalReview(n, true);
          if (!ok) return null;
        }
      }
    }

    if (this.p.collectiveDiscussion.required) {
      await this.stage('COLLECTIVE_DISCUSSION', null, 'COLLECTIVE_DISCUSSION_OPENED');
      const cd = await this.board.run({
        step: `collective-discussion-${n}`,
        caseId: this.input.caseId,
        type: 'COLLECTIVE_DISCUSSION',
        title: '重大案件集体讨论',
        candidateRoles: [HEAD],
        departmentId: this.input.departmentId,
        allowedOutcomes: ['DECIDE_PENALTY', 'NO_PENALTY', 'WITHDRAW', 'RETURN'],
        deadline: this.decisionClock(),
        check: (i) => this.checkCollective(i),
      });
      this.p.collectiveDiscussion.outcome = cd.outcome;
      await this.handlers.event('COLLECTIVE_DISCUSSION_RECORDED', cd.actor, {
        outcome: cd.outcome,
        participants: cd.payload.participants,
      });
      if (cd.outcome === 'RETURN') return null;
    }

    return this.decide(n);
  }

  // ------------------------------------------------------------------ 调查取证 (Art.42, 55, 56)

  private async investigate(n: number): Promise<void> {
    await this.stage('INVESTIGATING', null, n === 1 ? 'INVESTIGATION_STARTED' : 'INVESTIGATION_REOPENED', { round: n });
    const done = await this.board.run({
      step: `investigation-${n}`,
      caseId: this.input.caseId,
      type: 'INVESTIGATION',
      title: n === 1 ? '调查取证' : `补充调查（第${n}轮）`,
      candidateRoles: [OFFICER],
      departmentId: this.input.departmentId,
      allowedOutcomes: ['SUBMIT'],
      deadline: this.decisionClock(),
      check: (i) => this.checkInvestigation(i),
    });
    const evidence = done.payload.evidence as Array<{ officers: Array<{ officerId: string }> }>;
    this.p.investigation = {
      findings: String(done.payload.findings),
      evidenceCount: evidence.length,
      officers: [...new Set(evidence.flatMap((e) => e.officers.map((o) => o.officerId)))],
      submittedBy: done.actor.userId,
    };
  }

  private checkInvestigation({ actor, payload }: CompleteTaskInput): Problem | undefined {
    const handlers = new Map(this.ctx.handlers.map((h) => [h.userId, h]));
    return first(
      () =>
        this.isHandler(actor.userId)
          ? undefined
          : forbidden('only an officer handling this case submits its investigation'),
      () =>
        actor.credentialNo
          ? undefined
          : forbidden('investigation is done by officers holding enforcement credentials (行政处罚法 Art.42)'),
      () => text(payload, 'findings', { max: 20_000 }),
      () => {
        const ev = payload.evidence;
        if (!Array.isArray(ev) || ev.length === 0 || ev.length > 200)
          return invalid('payload.evidence must list 1–200 items');
        for (let k = 0; k < ev.length; k++) {
          const e = ev[k] as Record<string, unknown>;
          if (!e || typeof e !== 'object') return invalid(`payload.evidence[${k}] must be an object`);
          const shape = first(
            () =>
              oneOf(e, 'kind', [
                'INSPECTION_RECORD',
                'INQUIRY_RECORD',
                'PHOTO',
                'VIDEO',
                'DOCUMENT',
                'EXPERT_OPINION',
                'OTHER',
              ]),
            () => text(e, 'description', { max: 2000 }),
            () =>
              e.attachmentIds === undefined ||
              (Array.isArray(e.attachmentIds) && e.attachmentIds.length <= 50 && e.attachmentIds.every(isUuid))
                ? undefined
                : invalid('attachmentIds must be a list of up to 50 ids'),
          );
          if (shape) return invalid(`evidence[${k}]: ${shape.message.replace('payload.', '')}`);
          const officers = e.officers;
          if (!Array.isArray(officers))
            return invalid(`payload.evidence[${k}].officers must list the officers who collected it`);
          const ids = new Set<string>();
          for (const o of officers as Array<Record<string, unknown>>) {
            const id = o?.officerId;
            const cred = o?.credentialNo;
            if (!isUuid(id) || typeof cred !== 'string' || !cred.trim())
              return invalid(`payload.evidence[${k}].officers entries need officerId and credentialNo`);
            const h = handlers.get(id);
            if (!h) return rule(`evidence[${k}]: officer ${id} is not a handler of this case`);
            if (!h.credentialNo)
              return rule(`evidence[${k}]: officer ${id} holds no enforcement credential (行政处罚法 Art.42)`);
            if (h.credentialNo !== cred.trim())
              return rule(
                `evidence[${k}]: credential number ${cred} does not match officer ${id}'s enforcement credential`,
              );
            ids.add(id);
          }
          // Art.42, 55: investigation and evidence collection by no fewer than two officers.
          if (ids.size < 2)
            return rule(
              `evidence[${k}] must name at least two distinct handling officers with their credential numbers (行政处罚法 Art.42, 55)`,
            );
        }
        return undefined;
      },
    );
  }

  validatePreservation(i: EvidencePreservationInput): Problem | undefined {
    return first(
      () =>
        this.p.stage === 'INVESTIGATING' ? undefined : outOfOrder('先行登记保存 is requested during the investigation'),
      () =>
        this.isHandler(i.actor.userId) && i.actor.credentialNo
          ? undefined
          : forbidden('a credentialed officer handling the case requests preservation'),
      () =>
        Array.isArray(i.items) &&
        i.items.length > 0 &&
        i.items.length <= 50 &&
        i.items.every((x) => typeof x === 'string' && x.trim() && x.length <= 500)
          ? undefined
          : invalid('items must list 1–50 non-empty descriptions'),
      () => text(i as unknown as Record<string, unknown>, 'reason', { max: 2000 }),
      () => text(i as unknown as Record<string, unknown>, 'location', { max: 500 }),
    );
  }

  async requestPreservation(i: EvidencePreservationInput): Promise<PenaltyEventResult> {
    const seq = this.p.preservations.length + 1;
    this.p.preservations.push({ seq, requestedBy: i.actor.userId, items: i.items, status: 'REQUESTED' });
    await this.handlers.event(
      'EVIDENCE_PRESERVATION_REQUESTED',
      i.actor,
      { seq, items: i.items, reason: i.reason, location: i.location },
      i.requestId,
    );
    this.side.push(this.preservation(seq));
    return { ok: true, status: this.p.stage, detail: { seq } };
  }

  /** 先行登记保存 (Art.56): head approval, then a decision on the items within 7 working days. */
  private async preservation(seq: number): Promise<void> {
    const rec = this.p.preservations[seq - 1];
    const approval = await this.board.run({
      step: `preservation-${seq}-approval`,
      caseId: this.input.caseId,
      type: 'EVIDENCE_PRESERVATION_APPROVAL',
      title: `先行登记保存审批（第${seq}次）`,
      candidateRoles: [HEAD],
      departmentId: this.input.departmentId,
      allowedOutcomes: ['APPROVE', 'REJECT'],
      deadline: null,
      payload: { items: rec.items },
      check: ({ actor, payload }) =>
        first(
          () =>
            this.isHandler(actor.userId)
              ? separation('a head handling the case may not approve its evidence preservation')
              : undefined,
          () => text(payload, 'comment', { optional: true, max: 2000 }),
        ),
    });
    if (approval.outcome === 'REJECT') {
      rec.status = 'REJECTED';
      return;
    }
    rec.status = 'APPROVED';
    const approvedOn = localDateOf(approval.completedAt);
    const disposal = await this.board.run({
      step: `preservation-${seq}-disposal`,
      caseId: this.input.caseId,
      type: 'EVIDENCE_PRESERVATION_DISPOSAL',
      title: `先行登记保存物品处理决定（第${seq}次）`,
      candidateRoles: [OFFICER, HEAD],
      departmentId: this.input.departmentId,
      allowedOutcomes: ['RELEASE', 'SEIZE_OR_SEAL', 'TRANSFER', 'KEEP_AS_EVIDENCE'],
      // Art.56: decide within 7 days (working days, Art.85) of the preservation.
      deadline: { startDate: approvedOn, unit: 'working_days', amount: 7 },
      check: ({ payload }) => text(payload, 'decision', { max: 2000 }),
    });
    rec.status = 'DISPOSED';
    rec.disposal = disposal.outcome;
  }

  // ------------------------------------------------------------------ 处罚建议 against the 裁量基准 (Art.34)

  private async propose(n: number): Promise<TaskCompletion> {
    await this.stage('PROPOSAL', null, 'PROPOSAL_OPENED', { round: n });
    this.benchmark = await acts.loadDiscretionBenchmark({ departmentId: this.input.departmentId, on: this.today() });
    const done = await this.board.run({
      step: `proposal-${n}`,
      caseId: this.input.caseId,
      type: 'PENALTY_PROPOSAL',
      title: '案件审查与处罚建议',
      candidateRoles: [OFFICER],
      departmentId: this.input.departmentId,
      allowedOutcomes: ['PROPOSE_PENALTY', 'PROPOSE_NO_PENALTY', 'PROPOSE_WITHDRAWAL'],
      deadline: this.decisionClock(),
      payload: { benchmarkId: this.benchmark?.id ?? null },
      check: (i) => this.checkProposal(i),
    });
    const pl = done.payload as Record<string, unknown>;
    const entry = this.benchmark!.entries.find((e) => e.violationType === pl.violationType)!;
    const ms = (pl.measures as PenaltyMeasureCode[] | undefined) ?? [];
    const circumstance = (pl.circumstance as Circumstance | undefined) ?? 'ORDINARY';
    const flag = (k: string) => pl[k] === true;
    this.p.proposal = {
      violationType: String(pl.violationType),
      facts: String(pl.facts),
      circumstance,
      measures: ms,
      partyType: (pl.partyType as 'INDIVIDUAL' | 'ORGANISATION' | undefined) ?? this.ctx.party.type,
      fineYuan: ms.includes('FINE') ? (pl.fineYuan as number) : 0,
      confiscationYuan: typeof pl.confiscationYuan === 'number' ? pl.confiscationYuan : undefined,
      reasons: typeof pl.reasons === 'string' ? pl.reasons : undefined,
      complex: flag('complex'),
      serious: flag('serious'),
      involvesMajorPublicInterest: flag('involvesMajorPublicInterest'),
      affectsMajorRights: flag('affectsMajorRights'),
      multipleLegalRelationships: flag('multipleLegalRelationships'),
      requiredByOtherRule: flag('requiredByOtherRule'),
      outcome: done.outcome,
      proposedBy: done.actor.userId,
      legalBasis: entry.legalBasis,
      benchmarkId: this.benchmark!.id,
      range: entry.ranges[circumstance] ?? null,
    };
    await this.handlers.event('PENALTY_PROPOSED', done.actor, {
      outcome: done.outcome,
      violationType: pl.violationType,
      circumstance,
      measures: ms,
      fineYuan: this.p.proposal.fineYuan,
      benchmarkId: this.benchmark!.id,
    });
    return done;
  }

  private checkProposal({ actor, outcome, payload }: CompleteTaskInput): Problem | undefined {
    return first(
      () =>
        this.isHandler(actor.userId) ? undefined : forbidden('only an officer handling this case proposes its outcome'),
      () => (this.benchmark ? undefined : rule('no discretion benchmark (裁量基准) is in force for this department')),
      () => text(payload, 'violationType', { max: 64 }),
      () => text(payload, 'facts', { max: 20_000 }),
      () => oneOf(payload, 'circumstance', ['LENIENT', 'ORDINARY', 'SEVERE'], true),
      () => oneOf(payload, 'partyType', ['INDIVIDUAL', 'ORGANISATION'], true),
      () => text(payload, 'reasons', { optional: true, max: 5000 }),
      () =>
        first(
          ...[
            'complex',
            'serious',
            'involvesMajorPublicInterest',
            'affectsMajorRights',
            'multipleLegalRelationships',
            'requiredByOtherRule',
          ].map((k) => () => bool(payload, k)),
        ),
      () => yuan(payload, 'fineYuan'),
      () => yuan(payload, 'confiscationYuan'),
      () =>
        this.benchmark!.entries.some((e) => e.violationType === payload.violationType)
          ? undefined
          : rule(
              `violation type ${String(payload.violationType)} is not in the discretion benchmark ${this.benchmark!.id}`,
            ),
      () => {
        if (outcome !== 'PROPOSE_PENALTY') return measures(payload, 'measures', true);
        const m = measures(payload, 'measures', false);
        if (m) return m;
        const ms = payload.measures as string[];
        const fine = payload.fineYuan as number | undefined;
        if (ms.includes('FINE')) {
          if (!fine || fine <= 0) return invalid('payload.fineYuan is required (> 0) when the measures include FINE');
          return domainRule(() =>
            checkFineAgainstBenchmark(this.benchmark as never, {
              violationType: String(payload.violationType),
              circumstance: (payload.circumstance as Circumstance | undefined) ?? 'ORDINARY',
              fineYuan: fine,
            }),
          );
        }
        return fine ? invalid('payload.fineYuan is given but the measures do not include FINE') : undefined;
      },
    );
  }

  // ------------------------------------------------------------------ 法制审核 (Art.58)

  private async legalReview(n: number, afterHearing: boolean): Promise<boolean> {
    await this.stage('LEGAL_REVIEW', null, 'LEGAL_REVIEW_OPENED', {
      grounds: this.p.legalReview.grounds,
      afterHearing,
    });
    this.legalReviewers = await acts.listQualifiedLegalReviewers({ departmentId: this.input.departmentId });
    const done = await this.board.run({
      step: `legal-review-${n}${afterHearing ? '-after-hearing' : ''}`,
      caseId: this.input.caseId,
      type: 'LEGAL_REVIEW',
      title: '法制审核',
      candidateRoles: [LEGAL],
      departmentId: this.input.departmentId,
      allowedOutcomes: ['APPROVE', 'RETURN'],
      deadline: this.decisionClock(),
      payload: { grounds: this.p.legalReview.grounds },
      check: ({ actor, payload }) =>
        first(
          () =>
            this.isHandler(actor.userId)
              ? separation('a reviewer who handled the case may not review it (行政处罚法 Art.58)')
              : undefined,
          () =>
            this.legalReviewers.includes(actor.userId)
              ? undefined
              : forbidden('法制审核 needs a reviewer holding 法律职业资格 (行政处罚法 Art.58)'),
          () => text(payload, 'opinion', { max: 20_000 }),
        ),
    });
    this.p.legalReview.rounds.push({ reviewerId: done.actor.userId, outcome: done.outcome, afterHearing });
    this.p.legalReview.passed = done.outcome === 'APPROVE';
    await this.handlers.event(
      done.outcome === 'APPROVE' ? 'LEGAL_REVIEW_PASSED' : 'LEGAL_REVIEW_RETURNED',
      done.actor,
      { opinion: done.payload.opinion, afterHearing },
    );
    return done.outcome === 'APPROVE';
  }

  // ------------------------------------------------------------------ 告知 (Art.44, 45, 62, 63)

  private async notify(n: number): Promise<void> {
    const pr = this.p.proposal!;
    const grounds = hearingGrounds(
      {
        partyType: pr.partyType ?? this.ctx.party.type,
        measures: (pr.measures ?? []) as never,
        fineYuan: pr.fineYuan,
        confiscationYuan: pr.confiscationYuan,
      },
      this.ctx.policy,
    );
    const doc = await acts.issuePenaltyDocument({
      idempotencyKey: `${workflowInfo().workflowId}:doc:notice-${n}`,
      kind: 'PENALTY_NOTICE',
      caseId: this.input.caseId,
      issuedBy: pr.proposedBy,
      data: {
        facts: pr.facts,
        legalBasis: pr.legalBasis,
        measures: pr.measures,
        fineYuan: pr.fineYuan,
        statementDays: this.ctx.policy.statementDefenceWorkingDays,
        hearingEligible: grounds.length > 0,
        hearingRequestDays: this.ctx.policy.hearingRequestWorkingDays,
      },
    });
    this.p.notice = {
      documentId: doc.documentId,
      number: doc.number,
      servedAt: null,
      notifiedFineYuan: pr.fineYuan ?? 0,
      notifiedMeasures: pr.measures ?? [],
      hearingEligible: grounds.length > 0,
      hearingGrounds: grounds,
      statementDueAt: null,
      hearingRequestDueAt: null,
    };
    await this.stage('NOTICE', null, 'PENALTY_NOTICE_ISSUED', {
      number: doc.number,
      hearingEligible: grounds.length > 0,
      hearingGrounds: grounds,
    });
    const issuedAt = this.now();
    const served = await this.board.run({
      step: `notice-service-${n}`,
      caseId: this.input.caseId,
      type: 'PENALTY_NOTICE_SERVICE',
      title: '送达行政处罚告知书',
      candidateRoles: [OFFICER],
      departmentId: this.input.departmentId,
      allowedOutcomes: ['SERVED'],
      deadline: this.decisionClock(),
      payload: { documentId: doc.documentId, number: doc.number },
      check: ({ payload }) => this.checkService(payload, issuedAt),
    });
    const servedAt = String(served.payload.servedAt);
    this.p.notice.servedAt = new Date(Date.parse(servedAt)).toISOString();
    const servedOn = localDateOf(servedAt);
    // Art.44/45: statement window (policy 3–5 working days); Art.64(1): hearing request within 5 working days.
    const statement = await this.due(servedOn, 'working_days', this.ctx.policy.statementDefenceWorkingDays);
    this.p.notice.statementDueAt = new Date(statement.dueAt).toISOString();
    if (this.p.notice.hearingEligible) {
      const hearing = await this.due(servedOn, 'working_days', this.ctx.policy.hearingRequestWorkingDays);
      this.p.notice.hearingRequestDueAt = new Date(hearing.dueAt).toISOString();
    }
    await this.stage('AWAITING_PARTY', served.actor.userId, 'PENALTY_NOTICE_SERVED', {
      servedAt: this.p.notice.servedAt,
      method: served.payload.method,
      statementDueAt: this.p.notice.statementDueAt,
      hearingRequestDueAt: this.p.notice.hearingRequestDueAt,
    });
  }

  private checkService(payload: Record<string, unknown>, notBefore: number): Problem | undefined {
    return first(
      () => pastInstant(payload, 'servedAt', this.now(), notBefore - 60_000),
      () =>
        oneOf(payload, 'method', [
          'ON_THE_SPOT',
          'DIRECT',
          'POSTAL',
          'ELECTRONIC',
          'LEFT_AT_RESIDENCE',
          'PUBLIC_NOTICE',
        ]),
      () => text(payload, 'recipient', { max: 200 }),
    );
  }

  /** Waits for the party: statements until their deadline, a hearing request, or an explicit waiver. */
  private async partyWindow(): Promise<void> {
    const n = this.p.notice!;
    const statementEnd = Date.parse(n.statementDueAt!);
    const hearingEnd = n.hearingRequestDueAt ? Date.parse(n.hearingRequestDueAt) : 0;
    const end = Math.max(statementEnd, hearingEnd);
    const allWaived = () =>
      this.p.waived.includes('STATEMENT') && (!n.hearingEligible || this.p.waived.includes('HEARING'));
    await this.waitUntil(end, () => this.p.hearing !== null || allWaived());
  }

  private partyActor(actor: TaskActor): Problem | undefined {
    return (actor.roles.includes(OFFICER) || actor.roles.includes(HEAD)) && this.sameDepartment(actor)
      ? undefined
      : forbidden('an officer or head of the case department records what the party says');
  }

  validateStatement(i: StatementInput): Problem | undefined {
    const n = this.p.notice;
    return first(
      () => this.partyActor(i.actor),
      () => (n?.servedAt ? undefined : outOfOrder('陈述申辩 follows the service of the 告知书')),
      () => (this.p.decision ? deadlinePassed('the decision has been made') : undefined),
      () => (this.p.waived.includes('STATEMENT') ? rule('the party waived the statement and defence') : undefined),
      () =>
        this.now() < Date.parse(n!.statementDueAt!) || this.p.stage === 'HEARING'
          ? undefined
          : deadlinePassed(`the statement and defence period ended at ${n!.statementDueAt}`),
      () => text(i as unknown as Record<string, unknown>, 'summary', { max: 20_000 }),
    );
  }

  async recordStatement(i: StatementInput): Promise<PenaltyEventResult> {
    const at = new Date(this.now()).toISOString();
    this.p.statements.push({ at, by: i.actor.userId, summary: i.summary });
    await this.handlers.event(
      'PARTY_STATEMENT_RECORDED',
      i.actor,
      { at, summaryLength: i.summary.length },
      i.requestId,
    );
    return { ok: true, status: this.p.stage, detail: { statements: this.p.statements.length } };
  }

  validateHearingRequest(i: HearingRequestInput): Problem | undefined {
    const n = this.p.notice;
    return first(
      () => this.partyActor(i.actor),
      () => (n?.servedAt ? undefined : outOfOrder('a hearing is requested after the 告知书 is served')),
      () =>
        n!.hearingEligible
          ? undefined
          : rule('the proposed penalty does not carry a hearing right (行政处罚法 Art.63)'),
      () => (this.p.hearing ? conflict('a hearing has already been requested') : undefined),
      () => (this.p.waived.includes('HEARING') ? rule('the party waived the hearing') : undefined),
      () =>
        this.now() < Date.parse(n!.hearingRequestDueAt!) && !this.p.decision
          ? undefined
          : deadlinePassed(
              `the hearing request period (5 working days, 行政处罚法 Art.64) ended at ${n!.hearingRequestDueAt}`,
            ),
      () => (i.channel === 'WRITTEN' || i.channel === 'ORAL' ? undefined : invalid('channel must be WRITTEN or ORAL')),
      () => text(i as unknown as Record<string, unknown>, 'note', { optional: true, max: 2000 }),
    );
  }

  async requestHearing(i: HearingRequestInput): Promise<PenaltyEventResult> {
    this.p.hearing = {
      requestedAt: new Date(this.now()).toISOString(),
      hearingDate: null,
      chairId: null,
      outcome: null,
      noticeNumber: null,
    };
    await this.handlers.event(
      'HEARING_REQUESTED',
      i.actor,
      { channel: i.channel, requestedAt: this.p.hearing.requestedAt },
      i.requestId,
    );
    return { ok: true, status: this.p.stage, detail: { requestedAt: this.p.hearing.requestedAt } };
  }

  validateWaiver(i: WaiverInput): Problem | undefined {
    const n = this.p.notice;
    return first(
      () => this.partyActor(i.actor),
      () =>
        n?.servedAt && this.p.stage === 'AWAITING_PARTY'
          ? undefined
          : outOfOrder('a waiver is recorded while the party window is open'),
      () =>
        Array.isArray(i.waives) && i.waives.length > 0 && i.waives.every((w) => w === 'STATEMENT' || w === 'HEARING')
          ? undefined
          : invalid('waives must list STATEMENT and/or HEARING'),
      () =>
        i.waives.includes('HEARING') && !n!.hearingEligible
          ? invalid('the party has no hearing right to waive')
          : undefined,
      () =>
        i.waives.includes('HEARING') && this.p.hearing ? conflict('a hearing has already been requested') : undefined,
      () => text(i as unknown as Record<string, unknown>, 'note', { max: 2000 }),
    );
  }

  async recordWaiver(i: WaiverInput): Promise<PenaltyEventResult> {
    for (const w of i.waives) if (!this.p.waived.includes(w)) this.p.waived.push(w);
    await this.handlers.event('PARTY_RIGHTS_WAIVED', i.actor, { waives: i.waives, note: i.note }, i.requestId);
    return { ok: true, status: this.p.stage, detail: { waived: this.p.waived } };
  }

  // ------------------------------------------------------------------ 听证 (Art.64, 65)

  private async runHearing(n: number): Promise<void> {
    await this.stage('HEARING', null, 'HEARING_PROCEDURE_STARTED');
    const today = this.today();
    const cal = await acts.listWorkingDays({ from: today, count: 60 });
    this.hearingCalendar = cal.days;
    const scheduled = await this.board.run({
      step: `hearing-scheduling-${n}`,
      caseId: this.input.caseId,
      type: 'HEARING_SCHEDULING',
      title: '听证通知（确定听证时间、地点、主持人）',
      candidateRoles: [HEAD],
      departmentId: this.input.departmentId,
      allowedOutcomes: ['SCHEDULED'],
      deadline: this.decisionClock(),
      check: ({ actor, payload }) => this.checkHearingSchedule(actor, payload),
    });
    const hearingDate = String(scheduled.payload.hearingDate);
    const chairId = String(scheduled.payload.chairId);
    const doc = await acts.issuePenaltyDocument({
      idempotencyKey: `${workflowInfo().workflowId}:doc:hearing-notice-${n}`,
      kind: 'HEARING_NOTICE',
      caseId: this.input.caseId,
      issuedBy: scheduled.actor.userId,
      data: { hearingDate, location: scheduled.payload.location },
    });
    this.p.hearing = { ...this.p.hearing!, hearingDate, chairId, noticeNumber: doc.number };
    await this.handlers.event('HEARING_SCHEDULED', scheduled.actor, { hearingDate, chairId, noticeNumber: doc.number });
    const held = await this.board.run({
      step: `hearing-${n}`,
      caseId: this.input.caseId,
      type: 'HEARING',
      title: `听证（${hearingDate}）`,
      candidateRoles: [HEAD, LEGAL, OFFICER],
      departmentId: this.input.departmentId,
      assigneeId: chairId,
      allowedOutcomes: ['HELD', 'PARTY_ABSENT'],
      deadline: { startDate: hearingDate, unit: 'working_days', amount: 2 },
      check: ({ actor, payload }) =>
        first(
          () =>
            this.isHandler(actor.userId)
              ? separation('the hearing chair may not be an investigator of the case (行政处罚法 Art.64(4))')
              : undefined,
          () => (actor.userId === chairId ? undefined : forbidden('only the appointed chair records the hearing')),
          () => (this.today() >= hearingDate ? undefined : outOfOrder(`the hearing is scheduled for ${hearingDate}`)),
          () => text(payload, 'record', { max: 50_000 }),
        ),
    });
    this.p.hearing.outcome = held.outcome as 'HELD' | 'PARTY_ABSENT';
    // Art.64(8): a party who does not appear without good reason has waived the hearing.
    await this.handlers.event(held.outcome === 'HELD' ? 'HEARING_HELD' : 'HEARING_WAIVED_BY_ABSENCE', held.actor, {
      hearingDate,
    });
  }

  private checkHearingSchedule(actor: TaskActor, payload: Record<string, unknown>): Problem | undefined {
    return first(
      () =>
        this.isHandler(actor.userId) ? separation('a head handling the case may not organise its hearing') : undefined,
      () => (isDate(payload.hearingDate) ? undefined : invalid('payload.hearingDate must be a YYYY-MM-DD date')),
      () => text(payload, 'location', { max: 500 }),
      () => (isUuid(payload.chairId) ? undefined : invalid('payload.chairId must be a user id')),
      () =>
        this.isHandler(String(payload.chairId))
          ? separation('the hearing chair may not be an investigator of the case (行政处罚法 Art.64(4))')
          : undefined,
      () => {
        // Art.64(2): notify the party 7 (working) days before the hearing.
        const after = this.hearingCalendar.filter((d) => d > this.today());
        const need = this.ctx.policy.hearingNoticeWorkingDays;
        if (after.length < need)
          return rule(
            'the holiday calendar is not loaded far enough ahead to check the 7-working-day notice; load it and retry',
          );
        const earliest = after[need - 1];
        return String(payload.hearingDate) >= earliest
          ? undefined
          : rule(
              `the hearing may be held on ${earliest} at the earliest: the party is notified ${need} working days ahead (行政处罚法 Art.64(2))`,
            );
      },
    );
  }

  private checkCollective({ outcome, payload }: CompleteTaskInput): Problem | undefined {
    return first(
      () =>
        Array.isArray(payload.participants) &&
        payload.participants.length >= 3 &&
        payload.participants.every((x) => typeof x === 'string' && x.trim() && x.length <= 100)
          ? undefined
          : invalid('payload.participants must name at least three participating heads'),
      () => text(payload, 'minutes', { max: 50_000 }),
      () =>
        outcome === 'DECIDE_PENALTY' && !this.p.notice?.servedAt
          ? rule('a penalty needs the 告知 first (行政处罚法 Art.44, 62); return the case')
          : undefined,
    );
  }

  // ------------------------------------------------------------------ 决定 (Art.57, 58, 60, 62)

  private async decide(n: number): Promise<'DECIDE_PENALTY' | 'NO_PENALTY' | 'WITHDRAW' | null> {
    await this.stage('AWAITING_DECISION', null, 'DECISION_OPENED');
    const done = await this.board.run({
      step: `decision-${n}`,
      caseId: this.input.caseId,
      type: 'PENALTY_DECISION',
      title: '行政处罚决定审批',
      candidateRoles: [HEAD],
      departmentId: this.input.departmentId,
      allowedOutcomes: ['DECIDE_PENALTY', 'NO_PENALTY', 'WITHDRAW', 'RETURN'],
      // Art.60: 90 calendar days from 立案 (policy), plus approved extensions.
      deadline: this.decisionClock(),
      check: (i) => this.checkDecision(i),
    });
    if (done.outcome === 'RETURN') {
      await this.handlers.event('DECISION_RETURNED', done.actor, { reasons: done.payload.reasons });
      return null;
    }
    const pr = this.p.proposal!;
    const ms = (done.payload.measures as PenaltyMeasureCode[] | undefined) ?? this.p.notice?.notifiedMeasures ?? [];
    const fine =
      done.outcome === 'DECIDE_PENALTY' && ms.includes('FINE')
        ? ((done.payload.fineYuan as number | undefined) ?? this.p.notice!.notifiedFineYuan)
        : 0;
    this.p.decision = {
      outcome: done.outcome as 'DECIDE_PENALTY' | 'NO_PENALTY' | 'WITHDRAW',
      decidedAt: done.completedAt,
      decidedBy: done.actor.userId,
      fineYuan: fine,
      measures: done.outcome === 'DECIDE_PENALTY' ? ms : [],
      number: null,
      documentId: null,
      seriousViolation: done.outcome === 'DECIDE_PENALTY' && done.payload.seriousViolation === true,
      revoked: false,
    };
    if (done.outcome === 'WITHDRAW') {
      await this.stage('WITHDRAWN', done.actor.userId, 'CASE_WITHDRAWN', { reasons: done.payload.reasons });
      return 'WITHDRAW';
    }
    const doc = await acts.issuePenaltyDocument({
      idempotencyKey: `${workflowInfo().workflowId}:doc:decision-${n}`,
      kind: done.outcome === 'DECIDE_PENALTY' ? 'PENALTY_DECISION' : 'NO_PENALTY_DECISION',
      caseId: this.input.caseId,
      issuedBy: done.actor.userId,
      data: {
        facts: pr.facts,
        legalBasis: pr.legalBasis,
        measures: this.p.decision.measures,
        fineYuan: fine,
        reasons: done.payload.reasons,
        evidence: [this.p.investigation?.findings ?? ''],
      },
    });
    this.p.decision.number = doc.number;
    this.p.decision.documentId = doc.documentId;
    if (done.outcome === 'NO_PENALTY') {
      await this.stage('NOT_PENALISED', done.actor.userId, 'NO_PENALTY_DECIDED', { number: doc.number });
      return 'NO_PENALTY';
    }
    await this.stage('DECIDED', done.actor.userId, 'PENALTY_DECIDED', {
      number: doc.number,
      fineYuan: fine,
      measures: ms,
      seriousViolation: this.p.decision.seriousViolation,
    });
    return 'DECIDE_PENALTY';
  }

  private checkDecision({ actor, outcome, payload }: CompleteTaskInput): Problem | undefined {
    const pr = this.p.proposal!;
    return first(
      () =>
        this.isHandler(actor.userId) || actor.userId === pr.proposedBy
          ? separation('the deciding head may not have handled or proposed the case')
          : undefined,
      () => (this.sameDepartment(actor) ? undefined : forbidden('the head of the case department decides')),
      () =>
        this.p.legalReview.required && !this.p.legalReview.passed
          ? rule('no decision before 法制审核 is passed (行政处罚法 Art.58)')
          : undefined,
      () =>
        this.p.collectiveDiscussion.required && outcome !== 'RETURN' && this.p.collectiveDiscussion.outcome !== outcome
          ? rule(`the collective discussion decided ${this.p.collectiveDiscussion.outcome} (行政处罚法 Art.57)`)
          : undefined,
      () => text(payload, 'reasons', { max: 20_000 }),
      () => bool(payload, 'seriousViolation'),
      () => {
        if (outcome !== 'DECIDE_PENALTY') return undefined;
        const notice = this.p.notice;
        if (pr.outcome !== 'PROPOSE_PENALTY' || !notice?.servedAt)
          return rule('a penalty needs a served 告知书 first (行政处罚法 Art.44, 62); return the case');
        const m = measures(payload, 'measures', true);
        if (m) return m;
        const ms = (payload.measures as string[] | undefined) ?? notice.notifiedMeasures;
        const extra = ms.filter((x) => !notice.notifiedMeasures.includes(x as PenaltyMeasureCode));
        if (extra.length)
          return rule(
            `measures ${extra.join(', ')} were not notified; a heavier penalty needs a new 告知 (行政处罚法 Art.44, 62)`,
          );
        const y = yuan(payload, 'fineYuan');
        if (y) return y;
        if (!ms.includes('FINE'))
          return payload.fineYuan
            ? invalid('payload.fineYuan is given but the measures do not include FINE')
            : undefined;
        const fine = (payload.fineYuan as number | undefined) ?? notice.notifiedFineYuan;
        if (fine <= 0) return invalid('the fine must be positive');
        if (this.handlers.transferBlocksFine())
          return rule(
            'a criminal transfer is pending or accepted: no fine may be imposed in place of prosecution (行政处罚法 Art.27, 82)',
          );
        const argued = this.p.statements.length > 0 || this.p.hearing?.outcome === 'HELD';
        return first(
          () => domainRule(() => penaltyMayNotIncrease(notice.notifiedFineYuan, fine, argued)),
          () => oneOf(payload, 'circumstance', ['LENIENT', 'ORDINARY', 'SEVERE'], true),
          () =>
            this.benchmark
              ? domainRule(() =>
                  checkFineAgainstBenchmark(this.benchmark as never, {
                    violationType: String(pr.violationType),
                    circumstance: (payload.circumstance as Circumstance | undefined) ?? pr.circumstance ?? 'ORDINARY',
                    fineYuan: fine,
                  }),
                )
              : undefined,
        );
      },
    );
  }

  validateExtension(i: DecisionExtensionInput): Problem | undefined {
    const pol = this.ctx?.policy;
    return first(
      () =>
        i.actor.roles.includes(HEAD) && this.sameDepartment(i.actor)
          ? undefined
          : forbidden('the agency head approves an extension of the decision period'),
      () =>
        this.isHandler(i.actor.userId)
          ? separation('a head handling the case may not extend its decision period')
          : undefined,
      () =>
        pol && !this.p.decision && !DECIDED_STAGES.includes(this.p.stage)
          ? undefined
          : outOfOrder('the decision period can only be extended before the decision'),
      () => (Number.isInteger(i.days) && i.days >= 1 ? undefined : invalid('days must be a positive integer')),
      () => text(i as unknown as Record<string, unknown>, 'reason', { max: 2000 }),
      () =>
        this.p.decisionExtensions.length < pol!.decisionMaxExtensions
          ? undefined
          : rule(`at most ${pol!.decisionMaxExtensions} extension(s) of the decision period are allowed`),
      () =>
        this.totalExtension() + i.days <= pol!.decisionMaxTotalExtensionDays
          ? undefined
          : rule(
              `extensions may total at most ${pol!.decisionMaxTotalExtensionDays} days (already ${this.totalExtension()})`,
            ),
    );
  }

  async extendDecision(i: DecisionExtensionInput): Promise<PenaltyEventResult> {
    this.p.decisionExtensions.push({
      days: i.days,
      reason: i.reason,
      by: i.actor.userId,
      at: new Date(this.now()).toISOString(),
    });
    const clock = await caseActivities.computeDeadline(this.decisionClock());
    this.p.decisionDueDate = clock.dueDate;
    await this.handlers.event(
      'DECISION_PERIOD_EXTENDED',
      i.actor,
      { days: i.days, reason: i.reason, total: this.totalExtension(), dueDate: clock.dueDate },
      i.requestId,
    );
    return { ok: true, status: this.p.stage, detail: { decisionDueDate: clock.dueDate, decisionDueAt: clock.dueAt } };
  }

  // ------------------------------------------------------------------ 送达 (Art.61) and 执行 (Art.67, 72, 73; 行政强制法 Art.45, 53, 54)

  private async serveDecision(): Promise<string> {
    const d = this.p.decision!;
    const decisionDate = localDateOf(d.decidedAt);
    const served = await this.board.run({
      step: `decision-service-${this.p.round}`,
      caseId: this.input.caseId,
      type: 'DECISION_SERVICE',
      title: '送达处罚决定书',
      candidateRoles: [OFFICER],
      departmentId: this.input.departmentId,
      allowedOutcomes: ['SERVED'],
      // Art.61: on the spot, or within 7 working days when the party is absent.
      deadline: { startDate: decisionDate, unit: 'working_days', amount: this.ctx.policy.serviceWorkingDays },
      payload: { documentId: d.documentId, number: d.number },
      check: ({ payload }) => this.checkService(payload, Date.parse(d.decidedAt)),
    });
    const servedAt = new Date(Date.parse(String(served.payload.servedAt))).toISOString();
    this.p.service = { servedAt, method: String(served.payload.method) };
    await this.stage(d.outcome === 'DECIDE_PENALTY' ? 'SERVED' : this.p.stage, served.actor.userId, 'DECISION_SERVED', {
      servedAt,
      method: served.payload.method,
    });
    return localDateOf(servedAt);
  }

  private settled(): boolean {
    return this.p.payment?.settled === true || this.revokedFlag;
  }

  private challengePending(): boolean {
    return this.p.challenges.some((c) => c.endedOn === null);
  }

  private async execute(): Promise<void> {
    const d = this.p.decision!;
    this.side.push(this.publish(localDateOf(d.decidedAt)));
    const servedOn = await this.serveDecision();
    if (d.fineYuan <= 0) {
      // Non-monetary measures take effect on service; nothing to collect.
      await this.stage('EXECUTED', null, 'DECISION_EFFECTIVE', { measures: d.measures });
      return;
    }
    // Art.67: pay within 15 days of receipt (calendar days; a rest-day end moves to the next working day).
    const pay = await this.due(servedOn, 'calendar_days', this.ctx.policy.paymentDays);
    this.p.payment = {
      dueDate: pay.dueDate,
      payments: this.p.payment?.payments ?? [],
      settled: this.p.payment?.settled ?? false,
      settledOn: this.p.payment?.settledOn ?? null,
    };
    await this.stage('AWAITING_PAYMENT', null, 'PAYMENT_PERIOD_STARTED', {
      dueDate: pay.dueDate,
      fineYuan: d.fineYuan,
    });
    if (!(await this.waitUntil(pay.dueAt, () => this.settled()))) {
      // Art.72: 3% per day from the day after the due date, capped at the fine; accrual is computed, not booked daily.
      await this.stage('OVERDUE', null, 'PAYMENT_OVERDUE', { dueDate: pay.dueDate, surchargeRatePerDay: 0.03 });
    }
    const cp = challengePeriods(servedOn, this.ctx.policy);
    this.p.enforcement = {
      challengePeriodsEnd: cp.bothEnd,
      courtApplicationDue: cp.courtApplicationEnds,
      demandNumber: null,
      demandServedOn: null,
      courtAppliedOn: null,
    };
    // 行政强制法 Art.53: the agency applies to court only after the 复议/诉讼 periods have expired (and any challenge has ended).
    await this.waitUntil(endOfLocalDay(cp.bothEnd).getTime(), () => this.settled());
    await condition(() => this.settled() || !this.challengePending());
    if (this.settled()) return this.closeExecution();

    await this.stage('ENFORCEMENT', null, 'ENFORCEMENT_STARTED', {
      challengePeriodsEnd: cp.bothEnd,
      courtApplicationDue: cp.courtApplicationEnds,
    });
    const owed = this.owedAsOf(this.today());
    const demandDoc = await acts.issuePenaltyDocument({
      idempotencyKey: `${workflowInfo().workflowId}:doc:demand`,
      kind: 'PAYMENT_DEMAND',
      caseId: this.input.caseId,
      issuedBy: null,
      data: {
        decisionNumber: d.number,
        decisionDate: localDateOf(d.decidedAt),
        fineYuan: d.fineYuan,
        surchargeYuan: fenToYuan(owed.surchargeFen),
        asOf: this.today(),
        waitDays: this.ctx.policy.demandWaitWorkingDays,
      },
    });
    this.p.enforcement.demandNumber = demandDoc.number;
    const demandIssuedAt = this.now();
    // 行政强制法 Art.54: a written 催告 before applying to court.
    const demand = await this.board.run({
      step: 'payment-demand',
      caseId: this.input.caseId,
      type: 'PAYMENT_DEMAND_SERVICE',
      title: '送达催告书',
      candidateRoles: [OFFICER],
      departmentId: this.input.departmentId,
      allowedOutcomes: ['SERVED'],
      deadline: { startDate: this.today(), unit: 'working_days', amount: this.ctx.policy.serviceWorkingDays },
      payload: { documentId: demandDoc.documentId, number: demandDoc.number },
      check: ({ payload }) => this.checkService(payload, demandIssuedAt),
    });
    const demandServedOn = localDateOf(String(demand.payload.servedAt));
    this.p.enforcement.demandServedOn = demandServedOn;
    await this.handlers.event('PAYMENT_DEMAND_SERVED', demand.actor, {
      servedOn: demandServedOn,
      number: demandDoc.number,
    });
    // Art.54: no sooner than 10 (working, Art.69) days after the 催告书 is served.
    const wait = await this.due(demandServedOn, 'working_days', this.ctx.policy.demandWaitWorkingDays);
    if (await this.waitUntil(wait.dueAt, () => this.settled())) return this.closeExecution();

    const courtDueDays = daysBetween(cp.bothEnd, cp.courtApplicationEnds);
    const court = await this.board.run({
      step: 'court-application',
      caseId: this.input.caseId,
      type: 'COURT_ENFORCEMENT_APPLICATION',
      title: '申请人民法院强制执行',
      candidateRoles: [OFFICER, HEAD],
      departmentId: this.input.departmentId,
      allowedOutcomes: ['FILED', 'PAID_MEANWHILE'],
      // 行政强制法 Art.53: within 3 months after the challenge periods expire.
      deadline: { startDate: cp.bothEnd, unit: 'calendar_days', amount: Math.max(1, courtDueDays) },
      check: ({ outcome, payload }) =>
        outcome === 'PAID_MEANWHILE'
          ? this.settled()
            ? undefined
            : rule('the fine is not paid in full')
          : first(
              () => text(payload, 'court', { max: 200 }),
              () =>
                isDate(payload.filedOn) && payload.filedOn <= this.today()
                  ? undefined
                  : invalid('payload.filedOn must be a date, not in the future'),
            ),
    });
    if (court.outcome === 'PAID_MEANWHILE') return this.closeExecution();
    this.p.enforcement.courtAppliedOn = String(court.payload.filedOn);
    await this.stage('COURT_ENFORCEMENT', court.actor.userId, 'COURT_ENFORCEMENT_APPLIED', {
      court: court.payload.court,
      filedOn: court.payload.filedOn,
    });
  }

  private async closeExecution(): Promise<void> {
    if (this.revokedFlag) await this.stage('REVOKED', null, 'DECISION_REVOKED_NO_EXECUTION');
    else await this.stage('EXECUTED', null, 'PENALTY_EXECUTED', { settledOn: this.p.payment?.settledOn ?? null });
  }

  private owedAsOf(day: string): { surchargeFen: number; owedFen: number; paidFen: number } {
    const d = this.p.decision!;
    const paidFen = (this.p.payment?.payments ?? []).reduce((a, x) => a + yuanToFen(x.amountYuan), 0);
    const dueDate = this.p.payment?.dueDate;
    let surchargeFen = 0;
    if (dueDate && toEpochDay(day) > toEpochDay(dueDate)) {
      surchargeFen = lateSurcharge({
        fineYuan: d.fineYuan,
        dueDate,
        asOf: day,
        suspendedRanges: this.p.challenges.map((c) => ({ from: c.filedOn, ...(c.endedOn ? { to: c.endedOn } : {}) })),
      }).surchargeFen;
    }
    return { surchargeFen, owedFen: yuanToFen(d.fineYuan) + surchargeFen, paidFen };
  }

  validatePayment(i: PaymentInput): Problem | undefined {
    const d = this.p.decision;
    return first(
      () => this.partyActor(i.actor),
      () =>
        d?.outcome === 'DECIDE_PENALTY' && d.fineYuan > 0 && this.p.service
          ? undefined
          : outOfOrder('a payment is recorded after a fine has been decided and served'),
      () => (this.revokedFlag ? rule('the decision was revoked') : undefined),
      () => (this.p.payment?.settled ? conflict('the fine is already paid in full') : undefined),
      () => yuan(i as unknown as Record<string, unknown>, 'amountYuan', false),
      () => (i.amountYuan > 0 ? undefined : invalid('amountYuan must be positive')),
      () => (isDate(i.paidOn) ? undefined : invalid('paidOn must be a YYYY-MM-DD date')),
      () => (i.paidOn <= this.today() ? undefined : invalid('paidOn may not be in the future')),
      () => (i.paidOn >= localDateOf(d!.decidedAt) ? undefined : invalid('paidOn may not be before the decision')),
      () => text(i as unknown as Record<string, unknown>, 'receiptNo', { max: 64 }),
      () => {
        const o = this.owedAsOf(i.paidOn);
        return yuanToFen(i.amountYuan) <= o.owedFen - o.paidFen
          ? undefined
          : rule(`the payment exceeds the amount owed on ${i.paidOn} (${fenToYuan(o.owedFen - o.paidFen)} yuan)`);
      },
    );
  }

  async recordPayment(i: PaymentInput): Promise<PenaltyEventResult> {
    this.p.payment ??= { dueDate: null, payments: [], settled: false, settledOn: null };
    this.p.payment.payments.push({
      amountYuan: i.amountYuan,
      paidOn: i.paidOn,
      receiptNo: i.receiptNo,
      by: i.actor.userId,
    });
    const o = this.owedAsOf(i.paidOn);
    if (o.paidFen >= o.owedFen) {
      this.p.payment.settled = true;
      this.p.payment.settledOn = i.paidOn;
    }
    await this.handlers.event(
      'PAYMENT_RECORDED',
      i.actor,
      {
        amountYuan: i.amountYuan,
        paidOn: i.paidOn,
        receiptNo: i.receiptNo,
        surchargeYuan: fenToYuan(o.surchargeFen),
        outstandingYuan: fenToYuan(Math.max(0, o.owedFen - o.paidFen)),
        settled: this.p.payment.settled,
      },
      i.requestId,
    );
    return {
      ok: true,
      status: this.p.stage,
      detail: { settled: this.p.payment.settled, outstandingYuan: fenToYuan(Math.max(0, o.owedFen - o.paidFen)) },
    };
  }

  validateChallengeFiled(i: ChallengeFiledInput): Problem | undefined {
    const d = this.p.decision;
    return first(
      () => this.partyActor(i.actor),
      () => (d && d.outcome !== 'WITHDRAW' ? undefined : outOfOrder('复议/诉讼 is recorded against a decision')),
      () => (d!.revoked ? rule('the decision has been revoked') : undefined),
      () =>
        i.kind === 'RECONSIDERATION' || i.kind === 'LITIGATION'
          ? undefined
          : invalid('kind must be RECONSIDERATION or LITIGATION'),
      () =>
        this.challengePending()
          ? conflict('a challenge of this decision is still pending; record its end first')
          : undefined,
      () =>
        isDate(i.filedOn) && i.filedOn <= this.today() && i.filedOn >= localDateOf(d!.decidedAt)
          ? undefined
          : invalid('filedOn must be a date between the decision and today'),
      () => text(i as unknown as Record<string, unknown>, 'body', { max: 200 }),
    );
  }

  async challengeFiled(i: ChallengeFiledInput): Promise<PenaltyEventResult> {
    const seq = this.p.challenges.length + 1;
    this.p.challenges.push({ seq, kind: i.kind, filedOn: i.filedOn, body: i.body, endedOn: null, result: null });
    // Art.73: no surcharge accrues while the challenge is pending.
    await this.handlers.event(
      'CHALLENGE_FILED',
      i.actor,
      { seq, kind: i.kind, filedOn: i.filedOn, body: i.body, surchargeSuspended: true },
      i.requestId,
    );
    return { ok: true, status: this.p.stage, detail: { seq } };
  }

  validateChallengeEnded(i: ChallengeEndedInput): Problem | undefined {
    const c = this.p.challenges.find((x) => x.seq === i.seq);
    return first(
      () => this.partyActor(i.actor),
      () => (c ? undefined : { type: 'NOT_FOUND', message: `challenge ${i.seq} not found` }),
      () => (c!.endedOn === null ? undefined : conflict(`challenge ${i.seq} has already ended`)),
      () =>
        ['UPHELD', 'REVOKED', 'CHANGED', 'WITHDRAWN_BY_PARTY'].includes(i.result)
          ? undefined
          : invalid('result must be UPHELD, REVOKED, CHANGED or WITHDRAWN_BY_PARTY'),
      () =>
        isDate(i.endedOn) && i.endedOn >= c!.filedOn && i.endedOn <= this.today()
          ? undefined
          : invalid('endedOn must be a date between the filing and today'),
      () =>
        i.result === 'CHANGED'
          ? typeof i.newFineYuan === 'number' &&
            yuan(i as unknown as Record<string, unknown>, 'newFineYuan') === undefined &&
            i.newFineYuan <= this.p.decision!.fineYuan
            ? undefined
            : invalid(
                "a CHANGED result needs newFineYuan, not above the decided fine (行政复议法 Art.63: no change to the party's detriment)",
              )
          : i.newFineYuan === undefined
            ? undefined
            : invalid('newFineYuan is only for a CHANGED result'),
    );
  }

  async challengeEnded(i: ChallengeEndedInput): Promise<PenaltyEventResult> {
    const c = this.p.challenges.find((x) => x.seq === i.seq)!;
    c.endedOn = i.endedOn;
    c.result = i.result;
    const d = this.p.decision!;
    await this.handlers.event(
      'CHALLENGE_ENDED',
      i.actor,
      { seq: i.seq, endedOn: i.endedOn, result: i.result, newFineYuan: i.newFineYuan ?? null },
      i.requestId,
    );
    if (i.result === 'REVOKED') {
      d.revoked = true;
      this.revokedFlag = true;
      this.side.push(this.withdraw(`决定已被撤销（${c.body}）`, i.endedOn).then(() => undefined));
    } else if (i.result === 'CHANGED') {
      d.fineYuan = i.newFineYuan!;
      if (this.p.payment) {
        const o = this.owedAsOf(this.today());
        if (o.paidFen >= o.owedFen) {
          this.p.payment.settled = true;
          this.p.payment.settledOn = this.today();
        }
      }
      this.side.push(
        this.withdraw(`决定已被变更（${c.body}）`, i.endedOn).then((withdrawn) =>
          withdrawn ? this.publish(i.endedOn) : undefined,
        ),
      );
    }
    return { ok: true, status: this.p.stage, detail: { seq: i.seq, result: i.result } };
  }

  // ------------------------------------------------------------------ 公示 (安全生产法 Art.78; 行政处罚法 Art.48)

  private async publish(from: string): Promise<void> {
    const version = ++this.publicationVersion;
    const d = this.p.decision!;
    const pr = this.p.proposal!;
    const due = await this.due(from, 'working_days', this.ctx.policy.disclosureWorkingDays);
    this.p.publication = {
      dueAt: new Date(due.dueAt).toISOString(),
      publishedAt: null,
      publicationId: null,
      withdrawnAt: this.p.publication?.withdrawnAt ?? null,
      withdrawalDueAt: null,
    };
    const done = await this.board.run({
      step: `publication-${version}`,
      caseId: this.input.caseId,
      type: 'DECISION_PUBLICATION',
      title: version === 1 ? '行政处罚决定公示' : '变更后的处罚决定公示',
      candidateRoles: [OFFICER, HEAD],
      departmentId: this.input.departmentId,
      allowedOutcomes: ['PUBLISH', 'CANCEL'],
      // 安全生产法 Art.78 / 国办发〔2018〕118号: within 7 working days of the decision.
      deadline: { startDate: from, unit: 'working_days', amount: this.ctx.policy.disclosureWorkingDays },
      payload: { decisionNumber: d.number },
      check: ({ outcome, payload }) =>
        first(
          () => (outcome === 'CANCEL' && !d.revoked ? rule('only a revoked decision is not published') : undefined),
          () =>
            outcome === 'PUBLISH' && d.revoked ? rule('the decision was revoked; cancel the publication') : undefined,
          () => text(payload, 'violationSummary', { optional: true, max: 2000 }),
        ),
    });
    if (done.outcome === 'CANCEL') return;
    const entry = this.benchmark?.entries.find((e) => e.violationType === pr.violationType) as
      { title?: string } | undefined;
    const violation =
      typeof done.payload.violationSummary === 'string'
        ? done.payload.violationSummary
        : (entry?.title ?? String(pr.violationType));
    const penalty = d.measures.map((m) => (m === 'FINE' ? `罚款${d.fineYuan}元` : m)).join('；');
    const r = await acts.publishPenaltyDecision({
      publicationKey: `${workflowInfo().workflowId}:publication-${version}`,
      caseId: this.input.caseId,
      actorId: done.actor.userId,
      decisionNumber: d.number ?? '',
      decisionDate: localDateOf(d.decidedAt),
      violation,
      legalBasis: pr.legalBasis,
      penalty,
      fineYuan: d.measures.includes('FINE') ? d.fineYuan : null,
      seriousViolation: d.seriousViolation,
    });
    this.p.publication.publishedAt = new Date(this.now()).toISOString();
    this.p.publication.publicationId = r.publicationId;
  }

  /** True when a live publication was withdrawn; false when nothing was published yet (the open task then publishes the changed decision, or is cancelled). */
  private async withdraw(reason: string, from: string): Promise<boolean> {
    if (!this.p.publication?.publishedAt) return false;
    const seq = ++this.withdrawalSeq;
    const due = await this.due(from, 'working_days', this.ctx.policy.disclosureWithdrawalWorkingDays);
    this.p.publication.withdrawalDueAt = new Date(due.dueAt).toISOString();
    const done = await this.board.run({
      step: `publication-withdrawal-${seq}`,
      caseId: this.input.caseId,
      type: 'PUBLICATION_WITHDRAWAL',
      title: '撤回已公示的处罚决定',
      candidateRoles: [OFFICER, HEAD],
      departmentId: this.input.departmentId,
      allowedOutcomes: ['WITHDRAWN'],
      // 行政处罚法 Art.48: withdraw within 3 working days of the change or revocation.
      deadline: { startDate: from, unit: 'working_days', amount: this.ctx.policy.disclosureWithdrawalWorkingDays },
      payload: { reason },
      check: () => undefined,
    });
    await acts.withdrawPenaltyPublication({
      eventKey: `${workflowInfo().workflowId}:withdrawal-${seq}`,
      caseId: this.input.caseId,
      actorId: done.actor.userId,
      reason,
    });
    this.p.publication.withdrawnAt = new Date(this.now()).toISOString();
    this.p.publication.publishedAt = null;
    return true;
  }
}
