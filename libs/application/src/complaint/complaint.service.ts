import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import {
  assertReceivedAt,
  ComplaintChannel,
  ComplaintPolicy,
  complaintPolicy,
  enterpriseNameKey,
  InformantContact,
  matchEnterprise,
  mayReadInformant,
  normaliseContact,
  trackingCode,
} from '@safety/domain/complaint';
import { DomainError, ErrorCode } from '@safety/domain/errors';
import { BackoffPolicy, clientAddressKey, lockSeconds } from '@safety/domain/identity/login-throttle';
import { Actor, hasAnyRole, Role } from '@safety/domain/identity/roles';
import {
  CaseEntity,
  CaseRepository,
  ComplaintEntity,
  ComplaintRepository,
  ComplaintStatisticsRow,
  EnforcementRepository,
  KeysetPage,
  LoginThrottleRepository,
  OrganisationRepository,
  PageRequest,
  ThrottleKey,
  Transaction,
  UnitOfWork,
} from '@safety/persistence';
import { inspectionPolicy } from '@safety/domain/inspection/policy';
import type { LinkedCase } from '@safety/temporal/activities';
import type { ComplaintActivities } from '@safety/temporal/complaint.activities';
import type { ComplaintInspector, ComplaintTransferAnswer } from '@safety/temporal/contracts/complaint.contract';
import type { InspectionInput } from '@safety/temporal/contracts/inspection.contract';
import { AuditService } from '../audit.service';
import { CaseService, EvidenceFile, PreparedEvidence } from '../case.service';

/** Public intake: a few complaints per address are free, then each waits longer (like failed logins). */
const INTAKE_BACKOFF: BackoffPolicy = { freeFailures: 10, baseSeconds: 60, maxSeconds: 3600 };
/** Tracking lookups with a wrong secret, per address. */
const LOOKUP_BACKOFF: BackoffPolicy = { freeFailures: 10, baseSeconds: 1, maxSeconds: 900 };
const THROTTLE_WINDOW_SECONDS = 86_400;
/** Photos and video a member of the public may send with a complaint. */
export const PUBLIC_EVIDENCE_MAX_FILES = 4;
export const PUBLIC_EVIDENCE_MAX_BYTES = 2 * 1024 * 1024;

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

export interface ComplaintIntake {
  description: string;
  place: string;
  enterpriseName?: string | null;
  sectorCode?: string | null;
  /** The department the informant addresses when the enterprise is not found in the directory. */
  departmentId?: string | null;
  contact: InformantContact;
  evidence?: EvidenceFile[];
}

export interface RegisteredComplaint extends ComplaintIntake {
  channel: Exclude<ComplaintChannel, 'ONLINE'>;
  receivedAt: Date;
}

/** A complaint as its reader may see it: the informant only for the keepers (registering and handling officers). */
export interface ComplaintRead {
  complaint: ComplaintEntity;
  c: CaseEntity;
  informant: InformantContact | null;
}

const notFoundPublic = () => new DomainError(ErrorCode.NOT_FOUND, 'no complaint with this code and secret');

/**
 * 投诉举报 (12350): intake (online without an account, or registered by an officer), the officers'
 * reads and list, the informant's tracking lookup, statistics, and the workflow's writes. The
 * informant's identity and contact are read only by the registering and handling officers, and every
 * such read is audited on the complaint's record; nothing public or of another department carries them.
 */
@Injectable()
export class ComplaintService {
  private readonly logger = new Logger('Complaints');

  constructor(
    private readonly uow: UnitOfWork,
    private readonly repo: ComplaintRepository,
    private readonly cases: CaseRepository,
    private readonly caseService: CaseService,
    private readonly org: OrganisationRepository,
    private readonly enforcement: EnforcementRepository,
    private readonly throttle: LoginThrottleRepository,
    private readonly audit: AuditService,
  ) {}

  /** The policy in force for the department: defaults, then each ancestor's overrides from the top down, then its own. */
  async effectivePolicy(departmentId: string): Promise<ComplaintPolicy> {
    return complaintPolicy(...(await this.overrideLayers(await this.enforcement.departmentChain(departmentId))));
  }

  /** The stored overrides of a department chain (nearest first), outermost first. */
  private async overrideLayers(chain: string[]): Promise<Array<Partial<ComplaintPolicy>>> {
    const rows = new Map((await this.repo.findPolicies(chain)).map((row) => [row.departmentId, row.overrides]));
    return [...chain].reverse().map((id) => (rows.get(id) ?? {}) as Partial<ComplaintPolicy>);
  }

  /** The department's own overrides and the effective policy, for someone whose jurisdiction includes it. */
  async policyFor(actor: Actor, departmentId: string) {
    if (!actor.visibleDepartmentIds.includes(departmentId))
      throw new DomainError(ErrorCode.FORBIDDEN_JURISDICTION, 'this department is outside your jurisdiction');
    const own = (await this.repo.findPolicies([departmentId]))[0]?.overrides ?? {};
    return { departmentId, overrides: own, effective: await this.effectivePolicy(departmentId) };
  }

  /** Replaces the department's overrides (validated with what it inherits); audited with before and after. */
  async putPolicy(actor: Actor, departmentId: string, overrides: Record<string, unknown>, requestId?: string) {
    if (!hasAnyRole(actor, [Role.DEPARTMENT_ADMIN, Role.SYSTEM_ADMIN]))
      throw new DomainError(ErrorCode.FORBIDDEN_ROLE, 'only administrators configure the complaint policy');
    if (!(await this.org.findDepartment(departmentId)))
      throw new DomainError(ErrorCode.NOT_FOUND, `department ${departmentId} not found`);
    if (!actor.visibleDepartmentIds.includes(departmentId))
      throw new DomainError(ErrorCode.FORBIDDEN_JURISDICTION, 'you may configure only your department and those below');
    const chain = await this.enforcement.departmentChain(departmentId);
    const inherited = await this.overrideLayers(chain.slice(1));
    const effective = complaintPolicy(...inherited, overrides as Partial<ComplaintPolicy>); // throws; nothing stored
    const before = (await this.repo.findPolicies([departmentId]))[0]?.overrides ?? {};
    await this.uow.transaction(async (tx) => {
      await this.repo.upsertPolicy(departmentId, overrides, actor.userId, tx);
      await this.audit.record(
        {
          actorId: actor.userId,
          actorRole: actor.roles[0],
          action: 'COMPLAINT_POLICY_SAVED',
          requestId,
          summary: { departmentId, before, after: overrides },
        },
        tx,
      );
    });
    return { departmentId, overrides, effective };
  }

  // ---- intake ----

  /** A complaint sent online by a member of the public: throttled per address; answers the code and the secret once. */
  async fileOnline(
    input: ComplaintIntake,
    clientAddress: string,
    requestId?: string,
  ): Promise<{ complaint: ComplaintEntity; c: CaseEntity; secret: string }> {
    const key: ThrottleKey = { scope: 'INTAKE', key: clientAddressKey(clientAddress) };
    await this.refuseWhileLocked(key, 'too many complaints from this address; wait before sending another');
    const evidence = await this.prepareEvidence(input.evidence ?? []);
    const opened = await this.open({ ...input, channel: 'ONLINE', receivedAt: new Date() }, null, evidence, requestId);
    await this.count(key, INTAKE_BACKOFF);
    return opened;
  }

  /** A complaint received by phone (12350), letter or in person, registered by an officer of the receiving department. */
  async register(
    actor: Actor,
    input: RegisteredComplaint,
    requestId?: string,
  ): Promise<{ complaint: ComplaintEntity; c: CaseEntity; secret: string }> {
    if (!hasAnyRole(actor, [Role.ENFORCEMENT_OFFICER, Role.AGENCY_HEAD]))
      throw new DomainError(ErrorCode.FORBIDDEN_ROLE, 'only enforcement officers and agency heads register complaints');
    assertReceivedAt(input.receivedAt, new Date());
    const evidence = await this.prepareEvidence(input.evidence ?? []);
    return this.open({ ...input, departmentId: input.departmentId ?? actor.departmentId }, actor, evidence, requestId);
  }

  private async prepareEvidence(files: EvidenceFile[]): Promise<PreparedEvidence[]> {
    const prepared: PreparedEvidence[] = [];
    for (const [index, file] of files.entries()) {
      const checked = await this.caseService.prepareEvidence({ ...file, kind: 'FILE' });
      if (!/^(image|video)\//.test(checked.contentType))
        throw new DomainError(ErrorCode.VALIDATION_FAILED, 'evidence of a complaint is photos or video', {
          fields: [{ path: `evidence.${index}.contentType`, message: 'must be a photo or a video' }],
        });
      prepared.push(checked);
    }
    return prepared;
  }

  private async open(
    input: ComplaintIntake & { channel: ComplaintChannel; receivedAt: Date },
    registrar: Actor | null,
    evidence: PreparedEvidence[],
    requestId?: string,
  ): Promise<{ complaint: ComplaintEntity; c: CaseEntity; secret: string }> {
    const contact = normaliseContact(input.contact);
    const enterprise = input.enterpriseName
      ? matchEnterprise(input.enterpriseName, await this.repo.enterprisesNamed(enterpriseNameKey(input.enterpriseName)))
      : null;
    // The enterprise's own enforcement department is the competent one; else the department addressed.
    const departmentId = enterprise?.departmentId ?? input.departmentId ?? null;
    if (!departmentId)
      throw new DomainError(ErrorCode.VALIDATION_FAILED, 'name an enterprise of the directory or the department', {
        fields: [{ path: 'departmentId', message: 'required when the enterprise is not found in the directory' }],
      });
    const department = await this.org.findDepartment(departmentId);
    if (!department)
      throw new DomainError(ErrorCode.VALIDATION_FAILED, 'unknown department', {
        fields: [{ path: 'departmentId', message: 'not a department of the directory' }],
      });
    if (input.sectorCode && !(await this.org.findSector(input.sectorCode)))
      throw new DomainError(ErrorCode.VALIDATION_FAILED, 'unknown sector', {
        fields: [{ path: 'sectorCode', message: 'not a sector of the directory' }],
      });
    const secret = randomBytes(24).toString('base64url');
    const { complaint, c } = await this.uow.transaction(async (tx) => {
      let code = trackingCode(randomBytes(10));
      while (await this.repo.codeTaken(code, tx)) code = trackingCode(randomBytes(10));
      const caseId = randomUUID();
      const c = await this.cases.insert(
        {
          id: caseId,
          caseType: 'COMPLAINT',
          title: `投诉举报 ${code}`,
          status: 'RECEIVED',
          departmentId,
          enterpriseId: enterprise?.id ?? null,
          workflowId: `complaint-${caseId}`,
          createdBy: registrar?.userId ?? null,
          handlerIds: [],
          data: {},
        },
        tx,
      );
      const complaint = await this.repo.insert(
        {
          caseId,
          trackingCode: code,
          secretHash: sha256(secret),
          channel: input.channel,
          receivedAt: input.receivedAt,
          registeredBy: registrar?.userId ?? null,
          departmentId,
          receivedByDepartmentId: departmentId,
          description: input.description,
          place: input.place,
          enterpriseText: input.enterpriseName ?? null,
          enterpriseId: enterprise?.id ?? null,
          sectorCode: input.sectorCode ?? null,
          anonymous: contact.anonymous,
          informant: contact,
          handlerIds: [],
          status: 'RECEIVED',
          acceptance: null,
          transfers: [],
        },
        tx,
      );
      // The record says how it came in, never who sent it.
      await this.audit.record(
        {
          caseId,
          actorId: registrar?.userId ?? null,
          actorRole: registrar?.roles[0],
          action: 'COMPLAINT_RECEIVED',
          requestId,
          summary: {
            complaintId: complaint.id,
            channel: input.channel,
            anonymous: contact.anonymous,
            enterpriseMatched: enterprise !== null,
            evidence: evidence.length,
            after: 'RECEIVED',
          },
        },
        tx,
      );
      for (const file of evidence) {
        await this.caseService.storeEvidence(
          caseId,
          registrar ? { userId: registrar.userId, role: registrar.roles[0] } : null,
          file,
          tx,
          requestId,
        );
      }
      return { complaint, c };
    });
    return { complaint, c, secret };
  }

  // ---- the informant's lookup ----

  /** Status and feedback for the code and its secret; a wrong secret and an unknown code answer the same 404. */
  async track(
    code: string,
    secret: string,
    clientAddress: string,
    requestId?: string,
  ): Promise<{ complaint: ComplaintEntity; answer: ComplaintEntity }> {
    const key: ThrottleKey = { scope: 'LOOKUP', key: clientAddressKey(clientAddress) };
    await this.refuseWhileLocked(key, 'too many wrong tracking secrets from this address; wait before trying again');
    const complaint = await this.repo.findByCodeWithSecret(code);
    const expected = Buffer.from(complaint?.secretHash ?? sha256(randomUUID()), 'hex');
    const given = Buffer.from(sha256(secret), 'hex');
    if (!complaint || !timingSafeEqual(expected, given)) {
      await this.count(key, LOOKUP_BACKOFF);
      throw notFoundPublic();
    }
    await this.audit.record({
      caseId: complaint.caseId,
      action: 'COMPLAINT_TRACKED',
      requestId,
      summary: { complaintId: complaint.id },
    });
    // A merged duplicate is answered with the complaint it follows: its status and its feedback.
    const followed = complaint.mergedIntoId ? await this.repo.findById(complaint.mergedIntoId) : null;
    return { complaint, answer: followed ?? complaint };
  }

  private async refuseWhileLocked(key: ThrottleKey, message: string): Promise<void> {
    const wait = await this.throttle.secondsLocked([key]);
    if (wait > 0)
      throw new DomainError(ErrorCode.RATE_LIMITED, message, { retryAfterSeconds: Math.max(1, Math.ceil(wait)) });
  }

  private async count(key: ThrottleKey, policy: BackoffPolicy): Promise<void> {
    const count = await this.throttle.countFailure(key, THROTTLE_WINDOW_SECONDS);
    const seconds = lockSeconds(count, policy);
    if (seconds > 0) {
      await this.throttle.lock(key, seconds);
      this.logger.warn({ scope: key.scope, count, lockSeconds: seconds }, 'complaint address throttled');
    }
  }

  // ---- officers' reads ----

  /** The complaint for an officer of the handling department (or above it), or its registrar; the informant only for its keepers. */
  async read(actor: Actor, id: string, requestId?: string): Promise<ComplaintRead> {
    const complaint = await this.repo.findById(id);
    if (!complaint) throw new DomainError(ErrorCode.NOT_FOUND, `complaint ${id} not found`);
    const mayRead =
      actor.visibleDepartmentIds.includes(complaint.departmentId) || actor.userId === complaint.registeredBy;
    if (!mayRead || !hasAnyRole(actor, [Role.ENFORCEMENT_OFFICER, Role.AGENCY_HEAD]))
      throw new DomainError(ErrorCode.FORBIDDEN_JURISDICTION, 'this complaint is handled by another department', {
        complaintId: id,
      });
    const c = await this.cases.findById(complaint.caseId);
    if (!c) throw new DomainError(ErrorCode.NOT_FOUND, `complaint ${id} not found`);
    const keeper = mayReadInformant(actor, complaint);
    const informant = keeper ? await this.repo.informantOf(id) : null;
    await this.audit.record({
      caseId: complaint.caseId,
      actorId: actor.userId,
      actorRole: actor.roles[0],
      action: keeper ? 'COMPLAINT_INFORMANT_READ' : 'COMPLAINT_READ',
      requestId,
      summary: { complaintId: id, informant: keeper },
    });
    return { complaint, c, informant };
  }

  /** Complaints handled by the actor's departments (own and, for heads, those below), newest received first. */
  async list(
    actor: Actor,
    q: PageRequest & { status?: string; channel?: string },
    requestId?: string,
  ): Promise<KeysetPage<ComplaintEntity>> {
    const page = await this.repo.page({ ...q, departmentIds: actor.visibleDepartmentIds });
    if (page.items.length)
      await this.audit.record({
        actorId: actor.userId,
        actorRole: actor.roles[0],
        action: 'COMPLAINTS_LISTED',
        requestId,
        summary: { complaintIds: page.items.map((complaint) => complaint.id) },
      });
    return page;
  }

  /** Received, accepted, transferred, verified-true rate, on-time feedback rate and rewards paid, per group. */
  async statistics(
    actor: Actor,
    q: { from: Date; to: Date; groupBy: 'channel' | 'sector' | 'none' },
  ): Promise<ComplaintStatisticsRow[]> {
    if (q.from >= q.to)
      throw new DomainError(ErrorCode.VALIDATION_FAILED, 'from must be before to', {
        fields: [{ path: 'query.from', message: 'must be before to' }],
      });
    return this.repo.statistics({ ...q, departmentIds: actor.visibleDepartmentIds });
  }

  /** The complaint of a case (the API's step endpoints find the case's open task through it). */
  async byCase(caseId: string): Promise<ComplaintEntity | null> {
    return this.repo.findByCase(caseId);
  }

  // ---- the workflow's writes (idempotent) ----

  private async within<T>(complaintId: string, write: (complaint: ComplaintEntity, tx: Transaction) => Promise<T>) {
    return this.uow.transaction(async (tx) => {
      const complaint = await this.repo.findById(complaintId, tx);
      // Retryable: the workflow can start before the transaction that opened the complaint commits.
      if (!complaint)
        throw new DomainError(ErrorCode.DEPENDENCY_UNAVAILABLE, `complaint ${complaintId} is not visible yet`);
      return write(complaint, tx);
    });
  }

  private record(complaint: ComplaintEntity, action: string, actorId: string | null, summary: object, tx: Transaction) {
    return this.audit.record(
      { caseId: complaint.caseId, actorId, action, summary: { complaintId: complaint.id, ...summary } },
      tx,
    );
  }

  recordAcceptance(input: Parameters<ComplaintActivities['complaintRecordAcceptance']>[0]): Promise<void> {
    return this.within(input.complaintId, async (complaint, tx) => {
      if (complaint.acceptance) return;
      const acceptance = {
        decision: input.decision,
        reasons: input.reasons,
        explanation: input.explanation,
        by: input.actorId,
        at: input.at,
      };
      await this.repo.update(complaint.id, { acceptance, status: input.decision, handlerIds: input.handlerIds }, tx);
      if (input.handlerIds.length) await this.cases.setHandlers(complaint.caseId, input.handlerIds, tx);
      await this.record(
        complaint,
        input.decision === 'ACCEPTED' ? 'COMPLAINT_ACCEPTED' : 'COMPLAINT_NOT_ACCEPTED',
        input.actorId,
        { reasons: input.reasons, handlerIds: input.handlerIds },
        tx,
      );
    });
  }

  async acceptanceOptions(input: { complaintId: string; departmentId: string }) {
    return {
      transferTargets: await this.repo.transferTargets(input.departmentId),
      mergeTargets: await this.repo.openComplaintIds(input.departmentId, input.complaintId),
    };
  }

  /** 合并办理: the duplicate follows the complaint it is merged into (its informant's lookup shows that one's answer). */
  merge(input: Parameters<ComplaintActivities['complaintMerge']>[0]): Promise<void> {
    return this.within(input.complaintId, async (complaint, tx) => {
      if (complaint.mergedIntoId) return;
      const into = await this.repo.findById(input.intoComplaintId, tx);
      if (!into) throw new DomainError(ErrorCode.NOT_FOUND, `complaint ${input.intoComplaintId} not found`);
      await this.repo.update(
        complaint.id,
        { mergedIntoId: into.id, status: 'MERGED', closedAt: new Date(input.at) },
        tx,
      );
      await this.record(complaint, 'COMPLAINT_MERGED', input.actorId, { intoComplaintId: into.id }, tx);
      await this.record(into, 'COMPLAINT_DUPLICATE_MERGED', input.actorId, { duplicateComplaintId: complaint.id }, tx);
    });
  }

  /** 移送: the complaint and its case move to the competent department, whose inbox then holds it; its policy applies. */
  async transfer(input: Parameters<ComplaintActivities['complaintTransfer']>[0]): Promise<ComplaintTransferAnswer> {
    const target = await this.org.findDepartment(input.toDepartmentId);
    if (!target) throw new DomainError(ErrorCode.NOT_FOUND, `department ${input.toDepartmentId} not found`);
    await this.within(input.complaintId, async (complaint, tx) => {
      if (complaint.transfers.some((transfer) => transfer.round === input.round)) return;
      const transfers = [
        ...complaint.transfers,
        {
          round: input.round,
          from: complaint.departmentId,
          to: input.toDepartmentId,
          reason: input.reason,
          at: input.at,
        },
      ];
      await this.repo.update(complaint.id, { departmentId: input.toDepartmentId, transfers, handlerIds: [] }, tx);
      await this.cases.moveToDepartment(complaint.caseId, input.toDepartmentId, tx);
      await this.cases.setHandlers(complaint.caseId, [], tx);
      await this.record(
        complaint,
        'COMPLAINT_TRANSFERRED',
        input.actorId,
        { from: complaint.departmentId, to: input.toDepartmentId, reason: input.reason },
        tx,
      );
    });
    return { departmentId: input.toDepartmentId, policy: await this.effectivePolicy(input.toDepartmentId) };
  }

  /** Who may inspect for the complaint: credentialed officers of its department, without a conflict (回避). */
  async inspectors(complaintId: string): Promise<ComplaintInspector[]> {
    const complaint = await this.repo.findById(complaintId);
    if (!complaint?.enterpriseId) return [];
    return this.repo.inspectors(complaint.departmentId, complaint.enterpriseId);
  }

  /**
   * 核查 by an on-site inspection: the inspection case is opened linked to the complaint (numbered by
   * the database, idempotent by link key) with the chosen inspectors as its handlers; the workflow
   * then starts it and follows it. The inspectors were checked by the workflow against `inspectors`.
   */
  async openInspection(
    input: Parameters<ComplaintActivities['complaintOpenInspection']>[0],
  ): Promise<LinkedCase & { input: InspectionInput }> {
    const complaint = await this.repo.findById(input.complaintId);
    if (!complaint?.enterpriseId)
      throw new DomainError(ErrorCode.RULE_VIOLATION, 'an inspection needs the enterprise of the directory');
    const enterpriseId = complaint.enterpriseId;
    const eligible = new Map(
      (await this.repo.inspectors(complaint.departmentId, enterpriseId)).map((officer) => [officer.userId, officer]),
    );
    const inspectors = input.inspectorIds.map((id) => eligible.get(id));
    if (inspectors.some((officer) => !officer))
      throw new DomainError(ErrorCode.RULE_VIOLATION, 'inspectors must be credentialed officers without a conflict');
    const opened = await this.uow.transaction(async (tx) => {
      const c = await this.caseService.openLinkedCase(
        {
          linkKey: input.linkKey,
          caseType: 'INSPECTION',
          title: `投诉举报核查：${input.unannounced ? '四不两直' : '现场'}检查`,
          sourceCaseId: complaint.caseId,
          departmentId: complaint.departmentId,
          enterpriseId,
          createdBy: input.actorId,
          handlerIds: input.inspectorIds,
          data: {
            opened: { origin: { kind: 'AD_HOC' }, unannounced: input.unannounced, inspectorIds: input.inspectorIds },
            complaintId: complaint.id,
          },
        },
        tx,
      );
      if (complaint.inspectionCaseId !== c.id) {
        await this.repo.update(complaint.id, { inspectionCaseId: c.id, status: 'UNDER_INSPECTION' }, tx);
        await this.record(
          complaint,
          'COMPLAINT_INSPECTION_OPENED',
          input.actorId,
          { inspectionCaseId: c.id, reason: input.reason },
          tx,
        );
      }
      return c;
    });
    return {
      caseId: opened.id,
      workflowId: opened.workflowId,
      openedAt: opened.createdAt.toISOString(),
      input: {
        caseId: opened.id,
        departmentId: opened.departmentId,
        enterpriseId,
        createdBy: input.actorId,
        inspectors: inspectors.map((officer) => officer!),
        unannounced: input.unannounced,
        origin: { kind: 'AD_HOC' },
        openedAt: opened.createdAt.toISOString(),
        policy: inspectionPolicy(),
      },
    };
  }

  recordInspection(input: Parameters<ComplaintActivities['complaintRecordInspection']>[0]): Promise<void> {
    return this.within(input.complaintId, async (complaint, tx) => {
      if (complaint.status !== 'UNDER_INSPECTION') return;
      await this.repo.update(complaint.id, { status: 'ACCEPTED' }, tx);
      await this.record(
        complaint,
        'COMPLAINT_INSPECTION_ENDED',
        null,
        { inspectionCaseId: input.inspectionCaseId, result: input.result },
        tx,
      );
    });
  }

  recordVerification(input: Parameters<ComplaintActivities['complaintRecordVerification']>[0]): Promise<void> {
    return this.within(input.complaintId, async (complaint, tx) => {
      if (complaint.verifiedAt) return;
      await this.repo.update(
        complaint.id,
        {
          verifiedTrue: input.verifiedTrue,
          verifiedGrade: input.grade,
          findings: input.findings,
          verifiedAt: new Date(input.at),
          status: 'VERIFIED',
        },
        tx,
      );
      await this.record(
        complaint,
        'COMPLAINT_VERIFIED',
        input.actorId,
        { verifiedTrue: input.verifiedTrue, grade: input.grade },
        tx,
      );
    });
  }

  recordResult(input: Parameters<ComplaintActivities['complaintRecordResult']>[0]): Promise<void> {
    return this.within(input.complaintId, async (complaint, tx) => {
      if (complaint.resultAt) return;
      await this.repo.update(
        complaint.id,
        { result: input.result, resultAt: new Date(input.at), status: 'HANDLED' },
        tx,
      );
      await this.record(complaint, 'COMPLAINT_RESULT_RECORDED', input.actorId, {}, tx);
    });
  }

  /** 反馈: the text the informant reads; on time when given before the feedback task's due instant. */
  recordFeedback(input: Parameters<ComplaintActivities['complaintRecordFeedback']>[0]): Promise<void> {
    return this.within(input.complaintId, async (complaint, tx) => {
      if (complaint.feedbackAt) return;
      const dueAt = await this.repo.taskDueAt(input.taskKey, tx);
      const at = new Date(input.at);
      const onTime = dueAt === null || at.getTime() <= dueAt.getTime();
      await this.repo.update(
        complaint.id,
        { feedback: input.feedback, feedbackAt: at, feedbackOnTime: onTime, status: 'ANSWERED' },
        tx,
      );
      await this.record(complaint, 'COMPLAINT_ANSWERED', input.actorId, { method: input.method, onTime }, tx);
    });
  }

  recordReward(input: Parameters<ComplaintActivities['complaintRecordReward']>[0]): Promise<void> {
    return this.within(input.complaintId, async (complaint, tx) => {
      const stageKey = `${input.stage}:${input.round}`;
      if (complaint.rewardStatus === stageKey || (complaint.rewardStatus === 'PAID' && input.stage === 'PAID')) return;
      await this.repo.update(
        complaint.id,
        {
          rewardStatus: input.stage === 'PAID' ? 'PAID' : stageKey,
          rewardAmountYuan: input.amountYuan === null ? null : input.amountYuan.toFixed(2),
          rewardPaidAt: input.stage === 'PAID' ? new Date(input.at) : null,
        },
        tx,
      );
      await this.record(
        complaint,
        `COMPLAINT_REWARD_${input.stage}`,
        input.actorId,
        { round: input.round, amountYuan: input.amountYuan, note: input.note },
        tx,
      );
    });
  }

  close(input: Parameters<ComplaintActivities['complaintClose']>[0]): Promise<void> {
    return this.within(input.complaintId, async (complaint, tx) => {
      if (complaint.closedAt) return;
      await this.repo.update(complaint.id, { closedAt: new Date(input.at), status: 'CLOSED' }, tx);
    });
  }
}
