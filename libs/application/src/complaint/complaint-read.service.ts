import { Injectable } from '@nestjs/common';
import { InformantContact, mayReadInformant } from '@safety/domain/complaint';
import { DomainError, ErrorCode } from '@safety/domain/errors';
import { Actor, hasAnyRole, Role } from '@safety/domain/identity/roles';
import {
  CaseEntity,
  CaseRepository,
  ComplaintEntity,
  ComplaintRepository,
  ComplaintStatisticsGrouping,
  ComplaintStatisticsRow,
  KeysetPage,
  PageRequest,
} from '@safety/persistence';
import { AuditService } from '../audit.service';

/** A complaint as its reader may see it: the informant only for the keepers (registering and handling officers). */
export interface ComplaintRead {
  complaint: ComplaintEntity;
  c: CaseEntity;
  informant: InformantContact | null;
}

/**
 * 投诉举报 (12350) for officers: a complaint, the list of a jurisdiction, and statistics. The
 * informant's identity and contact are read only by the registering and handling officers, and every
 * such read is audited on the complaint's record; nothing public or of another department carries them.
 */
@Injectable()
export class ComplaintReadService {
  constructor(
    private readonly repo: ComplaintRepository,
    private readonly cases: CaseRepository,
    private readonly audit: AuditService,
  ) {}

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
    q: { from: Date; to: Date; groupBy: ComplaintStatisticsGrouping },
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
}
