import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '@safety/domain/errors';
import { Actor, hasAnyRole, Role } from '@safety/domain/identity/roles';
import {
  CatalogueEntry,
  defaultCatalogue,
  normaliseCatalogue,
} from '@safety/domain/enforcement/legal-review-catalogue';
import { EnforcementRepository, OrganisationRepository, UnitOfWork } from '@safety/persistence';
import { AuditService } from '../audit.service';
import { PenaltyPolicyService } from './penalty-policy.service';

/** A department's 法制审核目录 as the API and the penalty workflow see it. */
export interface LegalReviewCatalogueView {
  departmentId: string;
  /** True while the department has stored no catalogue of its own: the entries are the default. */
  isDefault: boolean;
  entries: CatalogueEntry[];
  updatedAt: string | null;
  updatedBy: string | null;
}

const ADMIN_ROLES = [Role.SYSTEM_ADMIN, Role.DEPARTMENT_ADMIN];

/**
 * 重大执法决定法制审核目录清单 per department (行政处罚法 Art.58): read by anyone whose jurisdiction includes
 * the department, replaced by its head or an administrator over it, every change audited with before/after.
 */
@Injectable()
export class LegalReviewCatalogueService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly repo: EnforcementRepository,
    private readonly org: OrganisationRepository,
    private readonly policies: PenaltyPolicyService,
    private readonly audit: AuditService,
  ) {}

  /** The department's stored catalogue, else the default built from its effective hearing thresholds. */
  async catalogue(departmentId: string): Promise<LegalReviewCatalogueView> {
    const stored = await this.repo.findLegalReviewCatalogue(departmentId);
    if (stored) {
      return {
        departmentId,
        isDefault: false,
        entries: stored.entries as CatalogueEntry[],
        updatedAt: stored.updatedAt.toISOString(),
        updatedBy: stored.updatedBy,
      };
    }
    const policy = await this.policies.effectivePolicy(departmentId);
    return { departmentId, isDefault: true, entries: defaultCatalogue(policy), updatedAt: null, updatedBy: null };
  }

  async catalogueFor(actor: Actor, departmentId: string): Promise<LegalReviewCatalogueView> {
    await this.assertExists(departmentId);
    if (!actor.visibleDepartmentIds.includes(departmentId))
      throw new DomainError(ErrorCode.FORBIDDEN_JURISDICTION, 'this department is outside your jurisdiction', {
        departmentId,
      });
    return this.catalogue(departmentId);
  }

  /** Replaces the department's catalogue as a whole (a published list is replaced, not patched). */
  async putCatalogue(
    actor: Actor,
    departmentId: string,
    input: Parameters<typeof normaliseCatalogue>[0],
    requestId?: string,
  ): Promise<LegalReviewCatalogueView> {
    await this.assertMayConfigure(actor, departmentId);
    const entries = normaliseCatalogue(input);
    const before = await this.catalogue(departmentId);
    const saved = await this.uow.transaction(async (tx) => {
      const row = await this.repo.upsertLegalReviewCatalogue(departmentId, entries, actor.userId, tx);
      await this.audit.record(
        {
          actorId: actor.userId,
          actorRole: actor.roles[0],
          action: 'LEGAL_REVIEW_CATALOGUE_SAVED',
          requestId,
          summary: {
            departmentId,
            before: { isDefault: before.isDefault, entries: before.entries },
            after: { entries },
          },
        },
        tx,
      );
      return row;
    });
    return {
      departmentId,
      isDefault: false,
      entries,
      updatedAt: saved.updatedAt.toISOString(),
      updatedBy: actor.userId,
    };
  }

  private async assertExists(departmentId: string): Promise<void> {
    if (!(await this.org.findDepartment(departmentId)))
      throw new DomainError(ErrorCode.NOT_FOUND, `department ${departmentId} not found`);
  }

  /** Administrators over the department (their own or one below), or the head of the department itself. */
  private async assertMayConfigure(actor: Actor, departmentId: string): Promise<void> {
    const admin = hasAnyRole(actor, ADMIN_ROLES);
    if (!admin && !hasAnyRole(actor, [Role.AGENCY_HEAD]))
      throw new DomainError(ErrorCode.FORBIDDEN_ROLE, 'only the head or an administrator sets the catalogue');
    await this.assertExists(departmentId);
    const inJurisdiction = admin
      ? actor.visibleDepartmentIds.includes(departmentId)
      : actor.departmentId === departmentId;
    if (!inJurisdiction)
      throw new DomainError(
        ErrorCode.FORBIDDEN_JURISDICTION,
        admin
          ? 'you may configure only your own department and those below it'
          : "a head sets only their own department's catalogue",
        { departmentId },
      );
  }
}
