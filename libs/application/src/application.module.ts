import { Module } from '@nestjs/common';
import { AuditRepository, CaseRepository, DirectoryRepository, OrganisationRepository, TaskRepository } from '@safety/persistence';
import { OrganisationService } from './organisation.service';
import { AuditService } from './audit.service';
import { CalendarService } from './calendar.service';
import { CaseService } from './case.service';
import { IdentityService } from './identity.service';
import { TaskService } from './task.service';

const providers = [AuditRepository, CaseRepository, OrganisationRepository, DirectoryRepository, TaskRepository, AuditService, CalendarService, CaseService, IdentityService, TaskService, OrganisationService];

/** Application services shared by the API and the worker. Needs a TypeORM DataSource provider in scope. */
@Module({ providers, exports: providers })
export class ApplicationModule {}
