import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { AttachmentEntity, CaseEntity } from '../entities';

export interface CaseListFilter {
  departmentIds: string[];
  caseType?: string;
  status?: string;
  offset: number;
  limit: number;
}

@Injectable()
export class CaseRepository {
  constructor(private readonly ds: DataSource) {}

  private repo(m?: EntityManager) {
    return (m ?? this.ds.manager).getRepository(CaseEntity);
  }

  findById(id: string, m?: EntityManager): Promise<CaseEntity | null> {
    return this.repo(m).findOne({ where: { id } });
  }

  async insert(c: Partial<CaseEntity>, m?: EntityManager): Promise<CaseEntity> {
    return this.repo(m).save(this.repo(m).create(c));
  }

  async updateStatus(
    id: string,
    status: string,
    dataPatch: Record<string, unknown> | undefined,
    m?: EntityManager,
  ): Promise<void> {
    await (m ?? this.ds.manager).query(
      `UPDATE cases SET status = $2, data = data || $3::jsonb, updated_at = now(), version = version + 1 WHERE id = $1`,
      [id, status, JSON.stringify(dataPatch ?? {})],
    );
  }

  findByLinkKey(linkKey: string, m?: EntityManager): Promise<CaseEntity | null> {
    return this.repo(m).findOne({ where: { linkKey } });
  }

  /**
   * The next workflow id `<prefix>-<sourceCaseId>-<n>` for a case linked to `sourceCaseId`. Locks the
   * source case row, so concurrent openings (from its workflow and over HTTP) number one after the
   * other; call it in the transaction that inserts the linked case.
   */
  async nextLinkedWorkflowId(sourceCaseId: string, prefix: string, m: EntityManager): Promise<string> {
    await m.query('SELECT id FROM cases WHERE id = $1 FOR UPDATE', [sourceCaseId]);
    const stem = `${prefix}-${sourceCaseId}-`;
    const rows: Array<{ workflow_id: string }> = await m.query(
      `SELECT workflow_id FROM cases WHERE starts_with(workflow_id, $1)`,
      [stem],
    );
    const taken = rows.map((r) => Number(r.workflow_id.slice(stem.length))).filter((n) => Number.isInteger(n));
    return `${stem}${Math.max(0, ...taken) + 1}`;
  }

  async setHandlers(id: string, handlerIds: string[], m?: EntityManager): Promise<void> {
    await (m ?? this.ds.manager).query(
      'UPDATE cases SET handler_ids = $2, updated_at = now(), version = version + 1 WHERE id = $1',
      [id, handlerIds],
    );
  }

  list(f: CaseListFilter): Promise<[CaseEntity[], number]> {
    const where: Record<string, unknown> = {
      departmentId: In(f.departmentIds.length ? f.departmentIds : ['00000000-0000-0000-0000-000000000000']),
    };
    if (f.caseType) where.caseType = f.caseType;
    if (f.status) where.status = f.status;
    return this.repo().findAndCount({ where, order: { createdAt: 'DESC' }, skip: f.offset, take: f.limit });
  }

  async addAttachment(a: Partial<AttachmentEntity>, m?: EntityManager): Promise<AttachmentEntity> {
    const repo = (m ?? this.ds.manager).getRepository(AttachmentEntity);
    const saved = await repo.save(repo.create(a));
    delete (saved as Partial<AttachmentEntity>).content;
    return saved;
  }

  /** Which of the ids are attachments of this case. */
  async attachmentIdsOfCase(caseId: string, ids: string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows: Array<{ id: string }> = await this.ds.query(
      'SELECT id FROM attachments WHERE case_id = $1 AND id = ANY($2::uuid[])',
      [caseId, ids],
    );
    return rows.map((r) => r.id);
  }

  listAttachments(caseId: string): Promise<AttachmentEntity[]> {
    return this.ds.getRepository(AttachmentEntity).find({ where: { caseId }, order: { createdAt: 'ASC' } });
  }

  async attachmentContent(caseId: string, id: string): Promise<AttachmentEntity | null> {
    return this.ds
      .getRepository(AttachmentEntity)
      .createQueryBuilder('a')
      .addSelect('a.content')
      .where('a.id = :id AND a.case_id = :caseId', { id, caseId })
      .getOne();
  }
}
