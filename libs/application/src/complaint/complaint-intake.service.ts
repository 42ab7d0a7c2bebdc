import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import {
  assertReceivedAt,
  COMPLAINT_RECEIVING_DEPARTMENT_KINDS,
  ComplaintChannel,
  enterpriseNameKey,
  InformantContact,
  matchEnterprise,
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
  DepartmentEntity,
  LoginThrottleRepository,
  OrganisationRepository,
  ThrottleKey,
  UnitOfWork,
} from '@safety/persistence';
import { AuditService } from '../audit.service';
import { CaseEvidenceService, EvidenceFile, PreparedEvidence } from '../case-evidence.service';

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

const notFoundPublic = () => new DomainError(ErrorCode.NOT_FOUND, 'no complaint with this code and secret');

/**
 * 投诉举报 (12350) from the public's side: intake (online without an account, or registered by an
 * officer) and the informant's tracking lookup, both throttled per client address. The record of
 * intake says how a complaint came in, never who sent it.
 */
@Injectable()
export class ComplaintIntakeService {
  private readonly logger = new Logger('Complaints');

  constructor(
    private readonly uow: UnitOfWork,
    private readonly repo: ComplaintRepository,
    private readonly cases: CaseRepository,
    private readonly evidence: CaseEvidenceService,
    private readonly org: OrganisationRepository,
    private readonly throttle: LoginThrottleRepository,
    private readonly audit: AuditService,
  ) {}

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

  /** The departments the public may address a complaint to when its enterprise is not in the directory. */
  receivingDepartments(): Promise<DepartmentEntity[]> {
    return this.org.departmentsOfKinds(COMPLAINT_RECEIVING_DEPARTMENT_KINDS, 1000);
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
      const checked = await this.evidence.prepareEvidence({ ...file, kind: 'FILE' });
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
        await this.evidence.storeEvidence(
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
}
