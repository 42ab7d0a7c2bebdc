import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DepartmentEntity, EnterpriseEntity, HolidayYearEntity, SectorEntity, UserEntity } from '../entities';
import { managerOf, Transaction } from '../unit-of-work';

@Injectable()
export class OrganisationRepository {
  constructor(private readonly ds: DataSource) {}

  findUserByUsername(username: string): Promise<UserEntity | null> {
    return this.ds.getRepository(UserEntity).findOne({ where: { username } });
  }

  /** In the caller's transaction when given: a transaction that asks the pool for a second connection can starve it. */
  findUserById(id: string, tx?: Transaction): Promise<UserEntity | null> {
    return managerOf(this.ds, tx).getRepository(UserEntity).findOne({ where: { id } });
  }

  /** The departments of some kinds that are in office today, top level first, at most `limit`. */
  departmentsOfKinds(kinds: readonly string[], limit: number): Promise<DepartmentEntity[]> {
    return this.ds
      .getRepository(DepartmentEntity)
      .createQueryBuilder('d')
      .where('d.kind IN (:...kinds)', { kinds })
      .andWhere('(d.valid_to IS NULL OR d.valid_to >= CURRENT_DATE)')
      .orderBy(`array_position(ARRAY['PROVINCE','CITY','COUNTY','TOWN','PARK']::varchar[], d.level)`, 'ASC')
      .addOrderBy('d.code', 'ASC')
      .limit(limit)
      .getMany();
  }

  findDepartment(id: string): Promise<DepartmentEntity | null> {
    return this.ds.getRepository(DepartmentEntity).findOne({ where: { id } });
  }

  findEnterprise(id: string, tx?: Transaction): Promise<EnterpriseEntity | null> {
    return managerOf(this.ds, tx).getRepository(EnterpriseEntity).findOne({ where: { id } });
  }

  findSector(code: string): Promise<SectorEntity | null> {
    return this.ds.getRepository(SectorEntity).findOne({ where: { code } });
  }

  /** Which of the sector codes exist. */
  async existingSectorCodes(codes: string[]): Promise<string[]> {
    const rows: Array<{ code: string }> = await this.ds.query('SELECT code FROM sectors WHERE code = ANY($1::text[])', [
      codes,
    ]);
    return rows.map((r) => r.code);
  }

  async regionExists(id: string): Promise<boolean> {
    const rows: unknown[] = await this.ds.query('SELECT 1 FROM regions WHERE id = $1', [id]);
    return rows.length > 0;
  }

  /** The department and every department below it (supervisors see the levels below). */
  async departmentSubtree(rootId: string): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.ds.query(
      `WITH RECURSIVE sub AS (SELECT id FROM departments WHERE id = $1
         UNION ALL SELECT d.id FROM departments d JOIN sub ON d.parent_id = sub.id)
       SELECT id FROM sub`,
      [rootId],
    );
    return rows.map((r) => r.id);
  }

  listHolidayYears(): Promise<HolidayYearEntity[]> {
    return this.ds.getRepository(HolidayYearEntity).find({ order: { year: 'ASC' } });
  }

  findHolidayYear(year: number): Promise<HolidayYearEntity | null> {
    return this.ds.getRepository(HolidayYearEntity).findOne({ where: { year } });
  }

  async upsertHolidayYear(y: Omit<HolidayYearEntity, 'updatedAt'>): Promise<void> {
    await this.ds.query(
      `INSERT INTO holiday_years (year, notice_number, notice_date, source, holidays, makeup_workdays, updated_by, updated_at)
       VALUES ($1,$2,$3,$4,$5::date[],$6::date[],$7,now())
       ON CONFLICT (year) DO UPDATE SET notice_number = EXCLUDED.notice_number, notice_date = EXCLUDED.notice_date,
         source = EXCLUDED.source, holidays = EXCLUDED.holidays, makeup_workdays = EXCLUDED.makeup_workdays,
         updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [y.year, y.noticeNumber, y.noticeDate, y.source, y.holidays, y.makeupWorkdays, y.updatedBy],
    );
  }
}
