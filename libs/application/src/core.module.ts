import { Module } from '@nestjs/common';
import {
  AuditRepository,
  CaseRepository,
  DirectoryRepository,
  OrganisationRepository,
  TaskRepository,
  UnitOfWork,
} from '@safety/persistence';
import { AuditService } from './audit.service';
import { CalendarService } from './calendar.service';
import { CaseEvidenceService } from './case-evidence.service';
import { CaseService } from './case.service';
import { DenialAuditService } from './denial-audit.service';
import { IdentityService } from './identity.service';
import { LinkedCaseService } from './linked-case.service';
import { OrganisationService } from './organisation.service';
import { TaskService } from './task.service';

const providers = [
  UnitOfWork,
  AuditRepository,
  CaseRepository,
  OrganisationRepository,
  DirectoryRepository,
  TaskRepository,
  AuditService,
  DenialAuditService,
  CalendarService,
  CaseService,
  LinkedCaseService,
  CaseEvidenceService,
  IdentityService,
  TaskService,
  OrganisationService,
];

/** The case machinery every area builds on (cases, tasks, audit, calendar, identity, directory): one instance each. */
@Module({ providers, exports: providers })
export class CoreModule {}
