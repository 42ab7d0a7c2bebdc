import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { DepartmentEntity, EnterpriseEntity, UserEntity } from '../entities';
import { KeysetPage, keysetQuery, PageRequest } from '../keyset';

const NO_DEPARTMENT = ['00000000-0000-0000-0000-000000000000'];

/** An ILIKE pattern matching text that contains the part, its wildcards taken literally. */
const containsPattern = (part: string): string => `%${part.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Read and administration queries over the organisation directory (departments, enterprises, users). */
@Injectable()
export class DirectoryRepository {
  constructor(private readonly ds: DataSource) {}

  listDepartments(f: {
    ids?: string[];
    level?: string;
    kind?: string;
    offset: number;
    limit: number;
  }): Promise<[DepartmentEntity[], number]> {
    const where: Record<string, unknown> = {};
    if (f.ids) where.id = In(f.ids);
    if (f.level) where.level = f.level;
    if (f.kind) where.kind = f.kind;
    return this.ds
      .getRepository(DepartmentEntity)
      .findAndCount({ where, order: { code: 'ASC' }, skip: f.offset, take: f.limit });
  }

  /**
   * Keyset page of the departments in existence today (not dissolved or merged away), by code; with a name part,
   * those whose name or code contains it.
   */
  currentDepartmentsPage(f: PageRequest & { nameContains?: string }): Promise<KeysetPage<DepartmentEntity>> {
    const qb = this.ds
      .getRepository(DepartmentEntity)
      .createQueryBuilder('d')
      .where('d.valid_from <= CURRENT_DATE')
      .andWhere('(d.valid_to IS NULL OR d.valid_to >= CURRENT_DATE)');
    if (f.nameContains) {
      const pattern = containsPattern(f.nameContains);
      qb.andWhere('(d.name ILIKE :pattern OR d.code ILIKE :pattern)', { pattern });
    }
    return keysetQuery(
      qb,
      {
        sort: 'code',
        direction: 'ASC',
        columns: [
          { sql: 'd.code', part: 'text' },
          { sql: 'd.id', part: 'uuid' },
        ],
      },
      f,
    );
  }

  /** Keyset page of the enterprises the departments supervise, by name. */
  enterprisesPage(
    f: PageRequest & { departmentIds: string[]; sectorCode?: string; riskGrade?: string },
  ): Promise<KeysetPage<EnterpriseEntity>> {
    const qb = this.ds
      .getRepository(EnterpriseEntity)
      .createQueryBuilder('e')
      .where('e.enforcement_department_id IN (:...deps)', {
        deps: f.departmentIds.length ? f.departmentIds : NO_DEPARTMENT,
      });
    if (f.sectorCode) qb.andWhere('e.sector_code = :sector', { sector: f.sectorCode });
    if (f.riskGrade) qb.andWhere('e.risk_grade = :risk', { risk: f.riskGrade });
    return keysetQuery(
      qb,
      {
        sort: 'name',
        direction: 'ASC',
        columns: [
          { sql: 'e.name', part: 'text' },
          { sql: 'e.id', part: 'uuid' },
        ],
      },
      f,
    );
  }

  /** Keyset page of the users of the departments, by username. */
  /** Users of the given departments (`null`: of every department), by username. */
  usersPage(
    f: PageRequest & { departmentIds: string[] | null; activeOnly?: boolean; nameContains?: string; ids?: string[] },
  ): Promise<KeysetPage<UserEntity>> {
    const qb = this.ds.getRepository(UserEntity).createQueryBuilder('u').where('true');
    if (f.ids) qb.andWhere('u.id IN (:...ids)', { ids: f.ids });
    if (f.departmentIds)
      qb.andWhere('u.department_id IN (:...deps)', { deps: f.departmentIds.length ? f.departmentIds : NO_DEPARTMENT });
    if (f.activeOnly) qb.andWhere('u.active = true');
    if (f.nameContains) {
      const pattern = containsPattern(f.nameContains);
      qb.andWhere('(u.display_name ILIKE :pattern OR u.username ILIKE :pattern)', { pattern });
    }
    return keysetQuery(qb, { sort: 'username', direction: 'ASC', columns: [{ sql: 'u.username', part: 'text' }] }, f);
  }

  async insertUser(
    u: Pick<
      UserEntity,
      'username' | 'passwordHash' | 'displayName' | 'departmentId' | 'roles' | 'credentialNo' | 'legalQualified'
    >,
  ): Promise<UserEntity | null> {
    const rows: Array<{ id: string }> = await this.ds.query(
      `INSERT INTO users (username, password_hash, display_name, department_id, roles, credential_no, legal_qualified)
       VALUES ($1,$2,$3,$4,$5,$6,$7) ON CONFLICT (username) DO NOTHING RETURNING id`,
      [u.username, u.passwordHash, u.displayName, u.departmentId, u.roles, u.credentialNo, u.legalQualified],
    );
    return rows.length ? this.ds.getRepository(UserEntity).findOne({ where: { id: rows[0].id } }) : null;
  }

  async setPasswordHash(id: string, passwordHash: string): Promise<void> {
    await this.ds.getRepository(UserEntity).update({ id }, { passwordHash });
  }

  async setUserActive(id: string, active: boolean): Promise<void> {
    await this.ds.getRepository(UserEntity).update({ id }, { active });
  }
}
