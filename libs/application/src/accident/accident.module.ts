import { Module } from '@nestjs/common';
import { AccidentRepository, AuditRepository, CaseRepository, OrganisationRepository, TaskRepository } from '@safety/persistence';
import { AuditService } from '../audit.service';
import { CalendarService } from '../calendar.service';
import { CaseService } from '../case.service';
import { AccidentInsightService } from './accident-insight.service';
import { AccidentPolicyService } from './accident-policy.service';
import { AccidentWorkflowService } from './accident-workflow.service';
import { AccidentService } from './accident.service';
import { DisciplineReferralService } from './discipline-referral.service';

const exported = [AccidentRepository, AccidentPolicyService, AccidentService, AccidentWorkflowService, AccidentInsightService, DisciplineReferralService];

/** The accident area (issue 5): accident cases, discipline referrals, statistics and public reports. */
@Module({
  providers: [...exported, AuditRepository, CaseRepository, OrganisationRepository, TaskRepository, AuditService, CalendarService, CaseService],
  exports: exported,
})
export class AccidentModule {}
