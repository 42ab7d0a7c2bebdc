import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { managerOf, Transaction } from '../unit-of-work';
import { DocumentEntity } from '../entities/enforcement.entities';

export interface NewDocument {
  caseId: string | null;
  departmentId: string;
  kind: string;
  year: number;
  title: string;
  data: Record<string, unknown>;
  idempotencyKey: string | null;
  issuedBy: string | null;
  issuedAt: Date;
}

@Injectable()
export class DocumentRepository {
  constructor(private readonly ds: DataSource) {}

  private em(tx?: Transaction): EntityManager {
    return managerOf(this.ds, tx);
  }

  findByKey(key: string, tx?: Transaction): Promise<DocumentEntity | null> {
    return this.em(tx)
      .getRepository(DocumentEntity)
      .findOne({ where: { idempotencyKey: key } });
  }

  /**
   * Reserves the next number of (department, kind, year). The upsert takes the counter row's lock
   * until the caller's transaction ends, so concurrent issuers queue and a rollback frees the number.
   */
  async nextSeq(departmentId: string, kind: string, year: number, tx: Transaction): Promise<number> {
    const rows: Array<{ last_seq: number }> = await this.em(tx).query(
      `INSERT INTO document_counters (department_id, kind, year, last_seq) VALUES ($1, $2, $3, 1)
       ON CONFLICT (department_id, kind, year) DO UPDATE SET last_seq = document_counters.last_seq + 1
       RETURNING last_seq`,
      [departmentId, kind, year],
    );
    return Number(rows[0].last_seq);
  }

  async insert(
    d: NewDocument & { seq: number; number: string; html: string; sha256: string },
    tx: Transaction,
  ): Promise<DocumentEntity> {
    const repo = this.em(tx).getRepository(DocumentEntity);
    const saved = await repo.save(repo.create(d));
    delete (saved as Partial<DocumentEntity>).html;
    return saved;
  }

  findById(id: string): Promise<DocumentEntity | null> {
    return this.ds.getRepository(DocumentEntity).findOne({ where: { id } });
  }

  async html(
    id: string,
  ): Promise<{ html: string; sha256: string; caseId: string | null; departmentId: string } | null> {
    const d = await this.ds
      .getRepository(DocumentEntity)
      .createQueryBuilder('d')
      .addSelect('d.html')
      .where('d.id = :id', { id })
      .getOne();
    return d ? { html: d.html, sha256: d.sha256, caseId: d.caseId, departmentId: d.departmentId } : null;
  }

  allForCase(caseId: string, tx?: Transaction): Promise<DocumentEntity[]> {
    return this.em(tx)
      .getRepository(DocumentEntity)
      .find({ where: { caseId }, order: { issuedAt: 'ASC', number: 'ASC' } });
  }
}
