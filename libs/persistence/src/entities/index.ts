import { AttachmentEntity, AuditEntryEntity, CaseEntity, TaskEntity } from './case.entities';
import { INSPECTION_ENTITIES } from './inspection.entities';
import { ENFORCEMENT_ENTITIES } from './enforcement.entities';
import { ACCIDENT_ENTITIES } from './accident.entities';
import { COMPLAINT_ENTITIES } from './complaint.entities';
import { INDICATOR_ENTITIES } from './indicator.entities';
import { SUPERVISION_ENTITIES } from './supervision.entities';
import {
  DepartmentEntity,
  EnterpriseEntity,
  HolidayYearEntity,
  RegionEntity,
  SectorEntity,
  UserEntity,
} from './organisation.entities';

export * from './case.entities';
export * from './organisation.entities';
export * from './inspection.entities';
export * from './enforcement.entities';
export * from './accident.entities';
export * from './complaint.entities';
export * from './indicator.entities';
export * from './supervision.entities';

export const ALL_ENTITIES = [
  RegionEntity,
  DepartmentEntity,
  SectorEntity,
  EnterpriseEntity,
  UserEntity,
  HolidayYearEntity,
  CaseEntity,
  TaskEntity,
  AttachmentEntity,
  AuditEntryEntity,
  ...INSPECTION_ENTITIES,
  ...ENFORCEMENT_ENTITIES,
  ...ACCIDENT_ENTITIES,
  ...COMPLAINT_ENTITIES,
  ...INDICATOR_ENTITIES,
  ...SUPERVISION_ENTITIES,
];
