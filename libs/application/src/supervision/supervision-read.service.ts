import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '@safety/domain/errors';
import { Actor } from '@safety/domain/identity/roles';
import { maySeeSupervisionItem } from '@safety/domain/supervision';
import {
  KeysetPage,
  PageRequest,
  SummonsCommitmentEntity,
  SummonsEntity,
  SupervisionItemEntity,
  SupervisionReportEntity,
  SupervisionRepository,
} from '@safety/persistence';
import { AuditService } from '../audit.service';

export interface SupervisionItemRead {
  item: SupervisionItemEntity;
  reports: SupervisionReportEntity[];
}

export interface SummonsRead {
  summons: SummonsEntity;
  commitments: SummonsCommitmentEntity[];
  /** The department that summoned reads the names; the item's other departments read them masked. */
  full: boolean;
}

/** A published summons record for the public list. */
export interface PublishedSummons {
  summons: SummonsEntity;
  departmentName: string | null;
  commitments: SummonsCommitmentEntity[];
}

/**
 * Reads of supervision items and summonses. An item is seen only by those whose jurisdiction
 * includes one of its departments (issuer, lead, co-responsible); a summons by its department's
 * jurisdiction and by the departments of the item it was opened from. Reads are audited.
 */
@Injectable()
export class SupervisionReadService {
  constructor(
    private readonly repo: SupervisionRepository,
    private readonly audit: AuditService,
  ) {}

  async visibleItem(actor: Actor, id: string): Promise<SupervisionItemEntity> {
    const item = await this.repo.findItem(id);
    if (!item) throw new DomainError(ErrorCode.NOT_FOUND, `supervision item ${id} not found`);
    if (!maySeeSupervisionItem(actor.visibleDepartmentIds, item))
      throw new DomainError(
        ErrorCode.FORBIDDEN_JURISDICTION,
        'your department takes no part in this supervision item',
        {
          itemId: id,
        },
      );
    return item;
  }

  async item(actor: Actor, id: string, requestId?: string): Promise<SupervisionItemRead> {
    const item = await this.visibleItem(actor, id);
    await this.audit.record({
      caseId: item.caseId,
      actorId: actor.userId,
      actorRole: actor.roles[0],
      action: 'SUPERVISION_READ',
      requestId,
      summary: { itemId: id },
    });
    return { item, reports: await this.repo.reportsOf(id) };
  }

  listItems(actor: Actor, q: PageRequest & { status?: string }): Promise<KeysetPage<SupervisionItemEntity>> {
    return this.repo.pageItems({ ...q, departmentIds: actor.visibleDepartmentIds });
  }

  async summons(actor: Actor, id: string, requestId?: string): Promise<SummonsRead> {
    const summons = await this.repo.findSummons(id);
    if (!summons) throw new DomainError(ErrorCode.NOT_FOUND, `summons ${id} not found`);
    const full = actor.visibleDepartmentIds.includes(summons.departmentId);
    const item = !full && summons.supervisionItemId ? await this.repo.findItem(summons.supervisionItemId) : null;
    if (!full && !(item && maySeeSupervisionItem(actor.visibleDepartmentIds, item)))
      throw new DomainError(ErrorCode.FORBIDDEN_JURISDICTION, 'this summons is held by another department', {
        summonsId: id,
      });
    await this.audit.record({
      caseId: summons.caseId,
      actorId: actor.userId,
      actorRole: actor.roles[0],
      action: 'SUMMONS_READ',
      requestId,
      summary: { summonsId: id, full },
    });
    return { summons, commitments: await this.repo.commitmentsOf(id), full };
  }

  /** The public side: published summons records with their commitments and the summoning department's name. */
  async listPublishedSummonses(q: PageRequest & { departmentId?: string }): Promise<KeysetPage<PublishedSummons>> {
    const page = await this.repo.pagePublishedSummonses(q);
    const ids = page.items.map((summons) => summons.id);
    const [commitments, departments] = await Promise.all([
      this.repo.commitmentsOfAll(ids),
      this.repo.departmentNames([...new Set(page.items.map((summons) => summons.departmentId))]),
    ]);
    return {
      ...page,
      items: page.items.map((summons) => ({
        summons,
        departmentName: departments.get(summons.departmentId) ?? null,
        commitments: commitments.filter((commitment) => commitment.summonsId === summons.id),
      })),
    };
  }

  listSummonses(actor: Actor, q: PageRequest & { status?: string }): Promise<KeysetPage<SummonsEntity>> {
    return this.repo.pageSummonses({ ...q, departmentIds: actor.visibleDepartmentIds });
  }
}
