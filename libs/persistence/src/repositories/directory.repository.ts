import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { DepartmentEntity, EnterpriseEntity, UserEntity } from '../entities';

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

  listEnterprises(f: {
    departmentIds: string[];
    sectorCode?: string;
    riskGrade?: string;
    offset: number;
    limit: number;
  }): Promise<[EnterpriseEntity[], number]> {
    const where: Record<string, unknown> = {
      enforcementDepartmentId: In(f.departmentIds.length ? f.departmentIds : ['00000000-0000-0000-0000-000000000000']),
    };
    if (f.sectorCode) where.sectorCode = f.sectorCode;
    if (f.riskGrade) where.riskGrade = f.riskGrade;
    return this.ds
      .getRepository(EnterpriseEntity)
      .findAndCount({ where, order: { name: 'ASC' }, skip: f.offset, take: f.limit });
  }

  listUsers(f: {
    departmentIds: string[];
    activeOnly?: boolean;
    offset: number;
    limit: number;
  }): Promise<[UserEntity[], number]> {
    return this.ds.getRepository(UserEntity).findAndCount({
      where: {
        departmentId: In(f.departmentIds.length ? f.departmentIds : ['00000000-0000-0000-0000-000000000000']),
        ...(f.activeOnly ? { active: true } : {}),
      },
      order: { username: 'ASC' },
      skip: f.offset,
      take: f.limit,
    });
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
