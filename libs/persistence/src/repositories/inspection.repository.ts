import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { KeysetPage, keysetQuery, newestFirst, PageRequest } from '../keyset';
import { managerOf, Transaction } from '../unit-of-work';
import {
  CaseEntity,
  DepartmentEntity,
  EnterpriseEntity,
  InspectionConflictEntity,
  InspectionDrawEntity,
  InspectionDrawTargetEntity,
  InspectionPlanEntity,
  UserEntity,
} from '../entities';

const NEWEST_PUBLISHED_DRAWS = newestFirst('d.published_at', 'd.id');

const NONE = ['00000000-0000-0000-0000-000000000000'];
const ids = (xs: string[]) => (xs.length ? xs : NONE);

/** SQL of the inspection area: plans, conflicts, draws and their targets, numbering, case-data patches. */
@Injectable()
export class InspectionRepository {
  constructor(private readonly ds: DataSource) {}

  private em(tx?: Transaction): EntityManager {
    return managerOf(this.ds, tx);
  }

  // ---- plans ----
  insertPlan(p: Partial<InspectionPlanEntity>, tx?: Transaction): Promise<InspectionPlanEntity> {
    const repo = this.em(tx).getRepository(InspectionPlanEntity);
    return repo.save(repo.create(p));
  }

  findPlan(id: string, tx?: Transaction): Promise<InspectionPlanEntity | null> {
    return this.em(tx).getRepository(InspectionPlanEntity).findOne({ where: { id } });
  }

  listPlans(
    departmentIds: string[],
    f: { year?: number; status?: string; offset: number; limit: number },
  ): Promise<[InspectionPlanEntity[], number]> {
    const where: Record<string, unknown> = { departmentId: In(ids(departmentIds)) };
    if (f.year) where.year = f.year;
    if (f.status) where.status = f.status;
    return this.ds
      .getRepository(InspectionPlanEntity)
      .findAndCount({ where, order: { createdAt: 'DESC' }, skip: f.offset, take: f.limit });
  }

  /** DRAFT → APPROVED as a compare-and-set; false when the plan was no longer a draft. */
  async approvePlan(id: string, by: string, tx: Transaction): Promise<boolean> {
    const res: [unknown[], number] = await this.em(tx).query(
      `UPDATE inspection_plans SET status = 'APPROVED', approved_by = $2, approved_at = now(), updated_at = now(), version = version + 1
        WHERE id = $1 AND status = 'DRAFT'`,
      [id, by],
    );
    return res[1] > 0;
  }

  // ---- conflicts of interest ----
  insertConflict(c: Partial<InspectionConflictEntity>, tx: Transaction): Promise<InspectionConflictEntity> {
    const repo = this.em(tx).getRepository(InspectionConflictEntity);
    return repo.save(repo.create(c));
  }

  findActiveConflict(
    officerId: string,
    enterpriseId: string,
    tx?: Transaction,
  ): Promise<InspectionConflictEntity | null> {
    return this.em(tx)
      .getRepository(InspectionConflictEntity)
      .findOne({ where: { officerId, enterpriseId, active: true } });
  }

  findConflict(id: string): Promise<InspectionConflictEntity | null> {
    return this.ds.getRepository(InspectionConflictEntity).findOne({ where: { id } });
  }

  listConflicts(
    departmentIds: string[],
    f: { officerId?: string; enterpriseId?: string; active?: boolean; offset: number; limit: number },
  ): Promise<[InspectionConflictEntity[], number]> {
    const where: Record<string, unknown> = { departmentId: In(ids(departmentIds)) };
    if (f.officerId) where.officerId = f.officerId;
    if (f.enterpriseId) where.enterpriseId = f.enterpriseId;
    if (f.active !== undefined) where.active = f.active;
    return this.ds
      .getRepository(InspectionConflictEntity)
      .findAndCount({ where, order: { createdAt: 'DESC' }, skip: f.offset, take: f.limit });
  }

  async deactivateConflict(id: string, by: string, tx: Transaction): Promise<boolean> {
    const res: [unknown[], number] = await this.em(tx).query(
      `UPDATE inspection_conflicts SET active = false, deactivated_by = $2, deactivated_at = now() WHERE id = $1 AND active`,
      [id, by],
    );
    return res[1] > 0;
  }

  activeConflicts(departmentId: string, tx?: Transaction): Promise<InspectionConflictEntity[]> {
    return this.em(tx)
      .getRepository(InspectionConflictEntity)
      .find({ where: { departmentId, active: true } });
  }

  // ---- draw pool ----
  /** Enterprises the department enforces (一家企业对应一个层级执法主体), limited to the plan's sectors when it names any. */
  supervisedEnterprises(departmentId: string, sectorCodes: string[], tx?: Transaction): Promise<EnterpriseEntity[]> {
    const where: Record<string, unknown> = { enforcementDepartmentId: departmentId };
    if (sectorCodes.length) where.sectorCode = In(sectorCodes);
    return this.em(tx)
      .getRepository(EnterpriseEntity)
      .find({ where, order: { id: 'ASC' } });
  }

  /** Active, credentialed (持证) enforcement officers of the department. */
  async credentialedOfficers(departmentId: string, tx?: Transaction): Promise<UserEntity[]> {
    return this.em(tx)
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .where('u.department_id = :departmentId AND u.active AND u.credential_no IS NOT NULL AND :role = ANY(u.roles)', {
        departmentId,
        role: 'ENFORCEMENT_OFFICER',
      })
      .orderBy('u.id', 'ASC')
      .getMany();
  }

  // ---- numbering ----
  /** Next number in a per-department, per-kind, per-year sequence (atomic upsert; no gaps from races). */
  async nextNumber(departmentId: string, kind: string, year: number, tx: Transaction): Promise<number> {
    const rows: Array<{ last_no: number }> = await this.em(tx).query(
      `INSERT INTO inspection_sequences (department_id, kind, year, last_no) VALUES ($1,$2,$3,1)
       ON CONFLICT (department_id, kind, year) DO UPDATE SET last_no = inspection_sequences.last_no + 1
       RETURNING last_no`,
      [departmentId, kind, year],
    );
    return Number(rows[0].last_no);
  }

  // ---- draws ----
  async insertDraw(
    d: Partial<InspectionDrawEntity>,
    targets: Array<Partial<InspectionDrawTargetEntity>>,
    tx: Transaction,
  ): Promise<InspectionDrawEntity> {
    const repo = this.em(tx).getRepository(InspectionDrawEntity);
    const saved = await repo.save(repo.create(d));
    const trepo = this.em(tx).getRepository(InspectionDrawTargetEntity);
    if (targets.length)
      await trepo.save(targets.map((t) => trepo.create({ ...t, drawId: saved.id, inspectionCaseId: null })));
    return saved;
  }

  findDraw(id: string): Promise<InspectionDrawEntity | null> {
    return this.ds.getRepository(InspectionDrawEntity).findOne({ where: { id } });
  }

  listDraws(
    departmentIds: string[],
    f: { planId?: string; offset: number; limit: number },
  ): Promise<[InspectionDrawEntity[], number]> {
    const where: Record<string, unknown> = { departmentId: In(ids(departmentIds)) };
    if (f.planId) where.planId = f.planId;
    return this.ds
      .getRepository(InspectionDrawEntity)
      .findAndCount({ where, order: { drawnAt: 'DESC' }, skip: f.offset, take: f.limit });
  }

  /** Published draws, newest publication first (双随机一公开). */
  publishedDrawsPage(q: PageRequest & { departmentId?: string }): Promise<KeysetPage<InspectionDrawEntity>> {
    const qb = this.ds.getRepository(InspectionDrawEntity).createQueryBuilder('d').where('d.published_at IS NOT NULL');
    if (q.departmentId) qb.andWhere('d.department_id = :dep', { dep: q.departmentId });
    return keysetQuery(qb, NEWEST_PUBLISHED_DRAWS, q);
  }

  targetsOf(drawIds: string[], tx?: Transaction): Promise<InspectionDrawTargetEntity[]> {
    return this.em(tx)
      .getRepository(InspectionDrawTargetEntity)
      .find({ where: { drawId: In(ids(drawIds)) }, order: { position: 'ASC' } });
  }

  findTarget(id: string, tx?: Transaction): Promise<InspectionDrawTargetEntity | null> {
    return this.em(tx).getRepository(InspectionDrawTargetEntity).findOne({ where: { id } });
  }

  /** Links a target to the inspection opened for it, once (compare-and-set). */
  async claimTarget(targetId: string, caseId: string, tx: Transaction): Promise<boolean> {
    const res: [unknown[], number] = await this.em(tx).query(
      `UPDATE inspection_draw_targets SET inspection_case_id = $2 WHERE id = $1 AND inspection_case_id IS NULL`,
      [targetId, caseId],
    );
    return res[1] > 0;
  }

  // ---- lookups for views ----
  enterprisesByIds(list: string[]): Promise<EnterpriseEntity[]> {
    return this.ds.getRepository(EnterpriseEntity).find({ where: { id: In(ids(list)) } });
  }

  usersByIds(list: string[], tx?: Transaction): Promise<UserEntity[]> {
    return this.em(tx)
      .getRepository(UserEntity)
      .find({ where: { id: In(ids(list)) } });
  }

  departmentsByIds(list: string[]): Promise<DepartmentEntity[]> {
    return this.ds.getRepository(DepartmentEntity).find({ where: { id: In(ids(list)) } });
  }

  // ---- cases of the area ----
  /**
   * Merges `patch` into cases.data once per `key` (an activity retry finds the key and does nothing).
   * Returns false when the key was already applied. Locks the row, so concurrent patches serialise.
   */
  async patchCaseData(caseId: string, key: string, patch: Record<string, unknown>, tx: Transaction): Promise<boolean> {
    const rows: Array<{ data: Record<string, unknown> }> = await this.em(tx).query(
      `SELECT data FROM cases WHERE id = $1 FOR UPDATE`,
      [caseId],
    );
    if (!rows.length) return false;
    const applied = (rows[0].data?._applied ?? {}) as Record<string, boolean>;
    if (applied[key]) return false;
    await this.em(tx).query(
      `UPDATE cases SET data = data || $2::jsonb || jsonb_build_object('_applied', coalesce(data->'_applied', '{}'::jsonb) || jsonb_build_object($3::text, true)),
              updated_at = now(), version = version + 1 WHERE id = $1`,
      [caseId, JSON.stringify(patch), key],
    );
    return true;
  }

  async setReferenceNo(caseId: string, referenceNo: string, tx: Transaction): Promise<void> {
    await this.em(tx).query(`UPDATE cases SET reference_no = $2 WHERE id = $1`, [caseId, referenceNo]);
  }

  linkedCases(sourceCaseId: string, caseType: string): Promise<CaseEntity[]> {
    return this.ds
      .getRepository(CaseEntity)
      .createQueryBuilder('c')
      .where(`c.case_type = :caseType AND c.data->>'sourceCaseId' = :sourceCaseId`, { caseType, sourceCaseId })
      .orderBy('c.created_at', 'ASC')
      .getMany();
  }

  async workflowIdTaken(workflowId: string): Promise<boolean> {
    return (await this.ds.getRepository(CaseEntity).count({ where: { workflowId } })) > 0;
  }
}
