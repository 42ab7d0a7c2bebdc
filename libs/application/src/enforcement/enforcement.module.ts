import { Module } from '@nestjs/common';
import { AuditRepository, CaseRepository, DocumentRepository, EnforcementRepository, OrganisationRepository, TaskRepository } from '@safety/persistence';
import { AuditService } from '../audit.service';
import { CalendarService } from '../calendar.service';
import { CaseService } from '../case.service';
import { DocumentService } from '../documents/document.service';
import { ArchiveService } from './archive.service';
import { DisclosureService } from './disclosure.service';
import { PenaltyCaseService } from './penalty-case.service';
import { PenaltyPolicyService } from './penalty-policy.service';

const own = [EnforcementRepository, DocumentRepository, DocumentService, PenaltyPolicyService, DisclosureService, ArchiveService, PenaltyCaseService];
// The core services this area uses. They are stateless (all state is in PostgreSQL), so this
// module's own instances behave exactly like ApplicationModule's and no circular import is needed.
const core = [AuditRepository, CaseRepository, OrganisationRepository, TaskRepository, AuditService, CalendarService, CaseService];

/** Penalty general procedure, documents, disclosure and archive services (issue 4). */
@Module({ providers: [...own, ...core], exports: own })
export class EnforcementModule {}
