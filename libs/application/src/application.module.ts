import { Module } from '@nestjs/common';
import { AuditRepository, CaseRepository, DirectoryRepository, OrganisationRepository, TaskRepository } from '@safety/persistence';
import { OrganisationService } from './organisation.service';
import { AuditService } from './audit.service';
import { CalendarService } from './calendar.service';
import { CaseService } from './case.service';
import { IdentityService } from './identity.service';
import { TaskService } from './task.service';
import { EnforcementModule } from './enforcement/enforcement.module';
import { AccidentModule } from './accident/accident.module';
import { InspectionModule } from './inspection/inspection.module';

const providers = [AuditRepository, CaseRepository, OrganisationRepository, DirectoryRepository, TaskRepository, AuditService, CalendarService, CaseService, IdentityService, TaskService, OrganisationService];

/** Application services shared by the API and the worker. Needs a TypeORM DataSource provider in scope. */
@Module({ imports: [EnforcementModule, AccidentModule, InspectionModule], providers, exports: [...providers, EnforcementModule, AccidentModule, InspectionModule] })
export class ApplicationModule {}
