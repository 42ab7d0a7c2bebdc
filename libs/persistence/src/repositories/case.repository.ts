import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { managerOf, Transaction } from '../unit-of-work';
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

  private em(tx?: Transaction): EntityManager {
    return managerOf(this.ds, tx);
  }

  private repo(tx?: Transaction) {
    return this.em(tx).getRepository(CaseEntity);
  }

  findById(id: string, tx?: Transaction): Promise<CaseEntity | null> {
    return this.repo(tx).findOne({ where: { id } });
  }

  findByWorkflowId(workflowId: string, tx?: Transaction): Promise<CaseEntity | null> {
    return this.repo(tx).findOne({ where: { workflowId } });
  }

  async exists(id: string): Promise<boolean> {
    const rows: unknown[] = await this.ds.query('SELECT 1 FROM cases WHERE id = $1', [id]);
    return rows.length > 0;
  }

  async workflowIdTaken(workflowId: string, tx?: Transaction): Promise<boolean> {
    const rows: unknown[] = await this.em(tx).query('SELECT 1 FROM cases WHERE workflow_id = $1', [workflowId]);
    return rows.length > 0;
  }

  /** Row lock on the case until the caller's transaction ends (serialises work numbered per case). */
  async lock(id: string, tx: Transaction): Promise<void> {
    await this.em(tx).query('SELECT id FROM cases WHERE id = $1 FOR UPDATE', [id]);
  }

  /** How many cases of the type were opened from the source case. */
  async countLinkedFrom(sourceCaseId: string, caseType: string, tx?: Transaction): Promise<number> {
    const rows: Array<{ n: string }> = await this.em(tx).query(
      `SELECT count(*) AS n FROM cases WHERE case_type = $2 AND data->>'sourceCaseId' = $1`,
      [sourceCaseId, caseType],
    );
    return Number(rows[0].n);
  }

  async insert(c: Partial<CaseEntity>, tx?: Transaction): Promise<CaseEntity> {
    return this.repo(tx).save(this.repo(tx).create(c));
  }

  async updateStatus(
    id: string,
    status: string,
    dataPatch: Record<string, unknown> | undefined,
    tx?: Transaction,
  ): Promise<void> {
    await this.em(tx).query(
      `UPDATE cases SET status = $2, data = data || $3::jsonb, updated_at = now(), version = version + 1 WHERE id = $1`,
      [id, status, JSON.stringify(dataPatch ?? {})],
    );
  }

  /** Merges the patch into the case's data. */
  async patchData(id: string, dataPatch: Record<string, unknown>, tx?: Transaction): Promise<void> {
    await this.em(tx).query(
      `UPDATE cases SET data = data || $2::jsonb, updated_at = now(), version = version + 1 WHERE id = $1`,
      [id, JSON.stringify(dataPatch)],
    );
  }

  async moveToDepartment(id: string, departmentId: string, tx?: Transaction): Promise<void> {
    await this.em(tx).query(
      `UPDATE cases SET department_id = $2, updated_at = now(), version = version + 1 WHERE id = $1`,
      [id, departmentId],
    );
  }

  async setHandlers(id: string, handlerIds: string[], tx?: Transaction): Promise<void> {
    await this.em(tx).query(
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

  async addAttachment(a: Partial<AttachmentEntity>, tx?: Transaction): Promise<AttachmentEntity> {
    const repo = this.em(tx).getRepository(AttachmentEntity);
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
