import { AttachmentEntity, AuditEntryEntity, CaseEntity, TaskEntity } from './case.entities';
import { DepartmentEntity, EnterpriseEntity, HolidayYearEntity, RegionEntity, SectorEntity, UserEntity } from './organisation.entities';

export * from './case.entities';
export * from './organisation.entities';

export const ALL_ENTITIES = [
  RegionEntity, DepartmentEntity, SectorEntity, EnterpriseEntity, UserEntity, HolidayYearEntity,
  CaseEntity, TaskEntity, AttachmentEntity, AuditEntryEntity,
];
