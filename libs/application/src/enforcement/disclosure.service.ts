import { caseParty } from '@safety/domain/enforcement/party';
import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '@safety/domain/errors';
import { Actor, hasAnyRole, Role } from '@safety/domain/identity/roles';
import { plusDays, toLocalDate, compareLocalDates } from '@safety/domain/calendar';
import { maskPersonalData } from '@safety/domain/privacy/mask';
import {
  CaseRepository,
  CreditRepairRequestEntity,
  DishonestEntityEntity,
  EnforcementRepository,
  OrganisationRepository,
  PageRequest,
  PublishedDecisionEntity,
  UnitOfWork,
} from '@safety/persistence';
import { AuditService, Page } from '../audit.service';
import { PenaltyPolicyService } from './penalty-policy.service';

/** The public view of a published decision: enterprise-level facts only, personal data masked at publication. */
/** What anyone may read of a decision: its public number identifies it, no internal ids. */
export const publicDecisionView = (p: PublishedDecisionEntity) => ({
  department: p.departmentName,
  partyName: p.partyName,
  creditCode: p.creditCode,
  decisionNumber: p.decisionNumber,
  violation: p.violation,
  legalBasis: p.legalBasis,
  penalty: p.penalty,
  fineYuan: p.fineYuan === null ? null : Number(p.fineYuan),
  decisionDate: p.decisionDate,
  publishedAt: p.publishedAt.toISOString(),
});

export const internalPublicationView = (p: PublishedDecisionEntity) => ({
  id: p.id,
  ...publicDecisionView(p),
  caseId: p.caseId,
  status: p.status,
  withdrawnAt: p.withdrawnAt?.toISOString() ?? null,
  withdrawalReason: p.withdrawalReason,
});

export const publicListingView = (l: DishonestEntityEntity) => ({
  partyName: l.partyName,
  creditCode: l.creditCode,
  reason: l.reason,
  decisionNumber: l.decisionNumber,
  listedOn: l.listedOn,
});

export const listingView = (l: DishonestEntityEntity) => ({
  id: l.id,
  ...publicListingView(l),
  enterpriseId: l.enterpriseId,
  caseId: l.caseId,
  departmentId: l.departmentId,
  status: l.status,
  removedOn: l.removedOn,
});

export const repairView = (r: CreditRepairRequestEntity) => ({
  id: r.id,
  dishonestEntityId: r.dishonestEntityId,
  departmentId: r.departmentId,
  requestedBy: r.requestedBy,
  statement: r.statement,
  rectificationEvidence: r.rectificationEvidence,
  status: r.status,
  decidedBy: r.decidedBy,
  decidedAt: r.decidedAt?.toISOString() ?? null,
  decisionComment: r.decisionComment,
  createdAt: r.createdAt.toISOString(),
});

/**
 * 行政执法公示 of penalty decisions (安全生产法 Art.78; withdrawal 行政处罚法 Art.48), the serious
 * dishonest-entity list (严重失信主体名单) and its 信用修复 path.
 */
@Injectable()
export class DisclosureService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly repo: EnforcementRepository,
    private readonly cases: CaseRepository,
    private readonly org: OrganisationRepository,
    private readonly policies: PenaltyPolicyService,
    private readonly audit: AuditService,
  ) {}

  /** Called by the workflow's publication step (idempotent by key). Masks personal data before storing. */
  async publish(input: {
    publicationKey: string;
    caseId: string;
    actorId: string;
    decisionNumber: string;
    decisionDate: string;
    violation: string;
    legalBasis: string;
    penalty: string;
    fineYuan: number | null;
    seriousViolation: boolean;
  }): Promise<{ publicationId: string; dishonestListingId: string | null }> {
    const c = await this.cases.findById(input.caseId);
    if (!c) throw new DomainError(ErrorCode.NOT_FOUND, `case ${input.caseId} not found`);
    const dept = await this.org.findDepartment(c.departmentId);
    const ent = c.enterpriseId ? await this.org.findEnterprise(c.enterpriseId) : null;
    const names = ent?.principalName ? [ent.principalName] : [];
    const mask = (t: string) => maskPersonalData(t, names);
    const party = caseParty(c.data, ent);
    return this.uow.transaction(async (tx) => {
      const existing = await this.repo.findPublicationByKey(input.publicationKey, tx);
      if (existing) {
        const listing = await this.repo.findListingByCase(c.id, tx);
        return { publicationId: existing.id, dishonestListingId: listing?.id ?? null };
      }
      const pub = await this.repo.insertPublication(
        {
          caseId: c.id,
          publicationKey: input.publicationKey,
          departmentId: c.departmentId,
          departmentName: dept?.name ?? '',
          // An individual party (also a principal held to account for the enterprise) is never named in public; an
          // organisation's name and credit code are public facts.
          partyName: party.type === 'ORGANISATION' ? party.name : '个人（姓名已隐去）',
          creditCode: party.type === 'ORGANISATION' ? party.creditCode : null,
          decisionNumber: input.decisionNumber,
          violation: mask(input.violation),
          legalBasis: mask(input.legalBasis),
          penalty: mask(input.penalty),
          fineYuan: input.fineYuan === null ? null : input.fineYuan.toFixed(2),
          decisionDate: input.decisionDate,
          publishedAt: new Date(),
        },
        tx,
      );
      await this.audit.record(
        {
          caseId: c.id,
          actorId: input.actorId,
          action: 'DECISION_PUBLISHED',
          summary: { publicationId: pub.id, decisionNumber: input.decisionNumber, decisionDate: input.decisionDate },
        },
        tx,
      );
      let listingId: string | null = null;
      // The enterprise is listed for its own serious violation, not for a decision against its principal.
      if (input.seriousViolation && ent && party.type === 'ORGANISATION') {
        const listing = await this.repo.insertListing(
          {
            enterpriseId: ent.id,
            caseId: c.id,
            departmentId: c.departmentId,
            partyName: ent.name,
            creditCode: ent.creditCode,
            reason: mask(input.violation),
            decisionNumber: input.decisionNumber,
            listedOn: input.decisionDate,
          },
          tx,
        );
        if (listing) {
          listingId = listing.id;
          const before = await this.repo.setEnterpriseCreditStatus(ent.id, 'DISHONEST', tx);
          await this.audit.record(
            {
              caseId: c.id,
              actorId: input.actorId,
              action: 'DISHONEST_ENTITY_LISTED',
              summary: { listingId, enterpriseId: ent.id, before, after: 'DISHONEST' },
            },
            tx,
          );
        }
      }
      return { publicationId: pub.id, dishonestListingId: listingId };
    });
  }

  /** Withdraws the case's live publications (Art.48); idempotent by event key through the caller. */
  async withdraw(input: { caseId: string; actorId: string; reason: string }): Promise<number> {
    return this.uow.transaction(async (tx) => {
      const n = await this.repo.withdrawPublications(input.caseId, input.reason, tx);
      if (n > 0) {
        await this.audit.record(
          {
            caseId: input.caseId,
            actorId: input.actorId,
            action: 'DECISION_PUBLICATION_WITHDRAWN',
            summary: { withdrawn: n, reason: input.reason, before: 'PUBLISHED', after: 'WITHDRAWN' },
          },
          tx,
        );
      }
      return n;
    });
  }

  async listPublic(page: PageRequest) {
    const found = await this.repo.publicationsPage({ ...page, status: 'PUBLISHED' });
    return { ...found, items: found.items.map(publicDecisionView) };
  }

  async listForCase(caseId: string) {
    return (await this.repo.publicationsOfCase(caseId)).map(internalPublicationView);
  }

  async listPublicDishonest(page: PageRequest) {
    const found = await this.repo.listingsPage({ ...page, status: 'LISTED' });
    return { ...found, items: found.items.map(publicListingView) };
  }

  async listDishonest(actor: Actor, q: PageRequest & { status?: string }) {
    const found = await this.repo.listingsPage({ ...q, departmentIds: actor.visibleDepartmentIds });
    return { ...found, items: found.items.map(listingView) };
  }

  private async visibleListing(actor: Actor, id: string): Promise<DishonestEntityEntity> {
    const l = await this.repo.findListing(id);
    if (!l) throw new DomainError(ErrorCode.NOT_FOUND, `listing ${id} not found`);
    if (!actor.visibleDepartmentIds.includes(l.departmentId))
      throw new DomainError(ErrorCode.FORBIDDEN_JURISDICTION, 'this listing belongs to another department');
    return l;
  }

  /** 信用修复 application, recorded by an officer of the listing department on the enterprise's behalf. */
  async requestRepair(
    actor: Actor,
    listingId: string,
    input: { statement: string; rectificationEvidence: string },
    requestId?: string,
  ) {
    if (!hasAnyRole(actor, [Role.ENFORCEMENT_OFFICER, Role.AGENCY_HEAD]))
      throw new DomainError(ErrorCode.FORBIDDEN_ROLE, 'only officers and heads record credit-repair applications');
    const l = await this.visibleListing(actor, listingId);
    if (l.departmentId !== actor.departmentId)
      throw new DomainError(ErrorCode.FORBIDDEN_JURISDICTION, 'only the listing department handles its credit repair');
    if (l.status !== 'LISTED')
      throw new DomainError(ErrorCode.STEP_OUT_OF_ORDER, `the listing is ${l.status.toLowerCase()}`);
    return this.uow.transaction(async (tx) => {
      const open = (
        await this.repo.listRepairRequests({
          departmentIds: [l.departmentId],
          status: 'PENDING',
          offset: 0,
          limit: 100,
        })
      )[0].some((r) => r.dishonestEntityId === l.id);
      if (open)
        throw new DomainError(
          ErrorCode.ALREADY_EXISTS,
          'a credit-repair application for this listing is already pending',
        );
      const r = await this.repo.insertRepairRequest(
        { dishonestEntityId: l.id, departmentId: l.departmentId, requestedBy: actor.userId, ...input },
        tx,
      );
      await this.audit.record(
        {
          caseId: l.caseId,
          actorId: actor.userId,
          actorRole: actor.roles[0],
          action: 'CREDIT_REPAIR_REQUESTED',
          requestId,
          summary: { requestId: r.id, listingId: l.id, after: 'PENDING' },
        },
        tx,
      );
      return repairView(r);
    });
  }

  /** The head decides; approving removes the listing from the public list and restores the credit status. */
  async decideRepair(actor: Actor, id: string, input: { approve: boolean; comment: string }, requestId?: string) {
    if (!hasAnyRole(actor, [Role.AGENCY_HEAD]))
      throw new DomainError(ErrorCode.FORBIDDEN_ROLE, 'only an agency head decides credit repair');
    const pending = await this.repo.findRepairRequest(id);
    if (!pending) throw new DomainError(ErrorCode.NOT_FOUND, `credit-repair request ${id} not found`);
    if (pending.departmentId !== actor.departmentId)
      throw new DomainError(ErrorCode.FORBIDDEN_JURISDICTION, 'this request belongs to another department');
    if (pending.requestedBy === actor.userId)
      throw new DomainError(
        ErrorCode.FORBIDDEN_SEPARATION_OF_DUTIES,
        'the person who recorded the application may not decide it',
      );
    const policy = await this.policies.effectivePolicy(pending.departmentId);
    const today = toLocalDate(new Date());
    return this.uow.transaction(async (tx) => {
      const r = await this.repo.lockRepairRequest(id, tx);
      if (!r || r.status !== 'PENDING')
        throw new DomainError(ErrorCode.TASK_ALREADY_COMPLETED, 'this request is already decided');
      const l = (await this.repo.lockListing(r.dishonestEntityId, tx))!;
      if (input.approve) {
        const earliest = plusDays(l.listedOn, policy.creditRepairMinListedDays);
        if (compareLocalDates(today, earliest) < 0) {
          throw new DomainError(
            ErrorCode.RULE_VIOLATION,
            `credit repair may be granted from ${earliest} (listed ${l.listedOn}, minimum ${policy.creditRepairMinListedDays} days)`,
            { earliest },
          );
        }
        await this.repo.setListingStatus(l.id, 'REPAIRED', today, tx);
        let creditBefore: string | null = null;
        if (!(await this.repo.enterpriseHasOtherListing(l.enterpriseId, l.id, tx)))
          creditBefore = await this.repo.setEnterpriseCreditStatus(l.enterpriseId, 'NORMAL', tx);
        await this.audit.record(
          {
            caseId: l.caseId,
            actorId: actor.userId,
            actorRole: Role.AGENCY_HEAD,
            action: 'DISHONEST_ENTITY_REPAIRED',
            requestId,
            summary: { listingId: l.id, before: 'LISTED', after: 'REPAIRED', creditBefore },
          },
          tx,
        );
      }
      await this.repo.decideRepairRequest(
        r.id,
        input.approve ? 'APPROVED' : 'REJECTED',
        actor.userId,
        input.comment,
        tx,
      );
      await this.audit.record(
        {
          caseId: l.caseId,
          actorId: actor.userId,
          actorRole: Role.AGENCY_HEAD,
          action: input.approve ? 'CREDIT_REPAIR_APPROVED' : 'CREDIT_REPAIR_REJECTED',
          requestId,
          summary: {
            requestId: r.id,
            listingId: l.id,
            before: 'PENDING',
            after: input.approve ? 'APPROVED' : 'REJECTED',
            comment: input.comment,
          },
        },
        tx,
      );
      return repairView((await this.repo.findRepairRequest(r.id, tx))!);
    });
  }

  async listRepairs(
    actor: Actor,
    q: { status?: string; offset: number; limit: number },
  ): Promise<Page<ReturnType<typeof repairView>>> {
    const [rows, total] = await this.repo.listRepairRequests({ departmentIds: actor.visibleDepartmentIds, ...q });
    return { items: rows.map(repairView), total, offset: q.offset, limit: q.limit };
  }
}
