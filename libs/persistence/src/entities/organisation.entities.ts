import { Column, CreateDateColumn, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

export type AdminLevel = 'PROVINCE' | 'CITY' | 'COUNTY' | 'TOWN' | 'PARK';

@Entity('regions')
export class RegionEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column() code!: string;
  @Column() name!: string;
  @Column({ type: 'varchar' }) level!: AdminLevel;
  @Column({ name: 'parent_id', type: 'uuid', nullable: true }) parentId!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

@Entity('departments')
export class DepartmentEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column() code!: string;
  @Column() name!: string;
  @Column() kind!: string;
  @Column({ type: 'varchar' }) level!: AdminLevel;
  @Column({ name: 'region_id', type: 'uuid' }) regionId!: string;
  @Column({ name: 'parent_id', type: 'uuid', nullable: true }) parentId!: string | null;
  @Column({ name: 'predecessor_id', type: 'uuid', nullable: true }) predecessorId!: string | null;
  @Column({ name: 'valid_from', type: 'date' }) validFrom!: string;
  @Column({ name: 'valid_to', type: 'date', nullable: true }) validTo!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

@Entity('sectors')
export class SectorEntity {
  @PrimaryColumn() code!: string;
  @Column() name!: string;
  @Column({ name: 'supervising_department_kind' }) supervisingDepartmentKind!: string;
}

@Entity('enterprises')
export class EnterpriseEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'credit_code' }) creditCode!: string;
  @Column() name!: string;
  @Column({ name: 'sector_code' }) sectorCode!: string;
  @Column({ name: 'region_id', type: 'uuid' }) regionId!: string;
  /** 一家企业对应一个层级执法主体: exactly one enforcing department (and so one level). */
  @Column({ name: 'enforcement_department_id', type: 'uuid' }) enforcementDepartmentId!: string;
  @Column({ name: 'risk_grade' }) riskGrade!: 'RED' | 'ORANGE' | 'YELLOW' | 'BLUE';
  @Column({ name: 'credit_status' }) creditStatus!: string;
  @Column({ name: 'principal_name', type: 'varchar', nullable: true }) principalName!: string | null;
  @Column({ name: 'principal_phone', type: 'varchar', nullable: true }) principalPhone!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column() username!: string;
  @Column({ name: 'password_hash' }) passwordHash!: string;
  @Column({ name: 'display_name' }) displayName!: string;
  @Column({ name: 'department_id', type: 'uuid' }) departmentId!: string;
  @Column({ type: 'text', array: true }) roles!: string[];
  /** 执法证号: officers on investigation steps must hold credentials (行政处罚法 Art.42). */
  @Column({ name: 'credential_no', type: 'varchar', nullable: true }) credentialNo!: string | null;
  @Column({ name: 'legal_qualified' }) legalQualified!: boolean;
  @Column() active!: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

@Entity('holiday_years')
export class HolidayYearEntity {
  @PrimaryColumn({ type: 'integer' }) year!: number;
  @Column({ name: 'notice_number' }) noticeNumber!: string;
  @Column({ name: 'notice_date', type: 'date' }) noticeDate!: string;
  @Column() source!: string;
  @Column({ type: 'date', array: true }) holidays!: string[];
  @Column({ name: 'makeup_workdays', type: 'date', array: true }) makeupWorkdays!: string[];
  @Column({ name: 'updated_by', type: 'uuid', nullable: true }) updatedBy!: string | null;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
