import { Module } from '@nestjs/common';
import { CoreModule } from '../core.module';
import { EnforcementModule } from '../enforcement/enforcement.module';
import { AccidentReportingRepository, AccidentRepository } from '@safety/persistence';
import { AccidentInsightService } from './accident-insight.service';
import { AccidentDepartmentPolicyService } from './accident-department-policy.service';
import { AccidentPolicyService } from './accident-policy.service';
import { AccidentWorkflowService } from './accident-workflow.service';
import { AccidentReportWorkflowService } from './accident-report-workflow.service';
import { AccidentAccountabilityWorkflowService } from './accident-accountability-workflow.service';
import { AccidentFollowUpWorkflowService } from './accident-follow-up-workflow.service';
import { AccidentService } from './accident.service';
import { AccidentIntakeService } from './accident-intake.service';
import { AccidentPreCheckService } from './accident-pre-check.service';
import { AccidentGateService } from './accident-gate.service';
import { AccidentReferralService } from './accident-referral.service';
import { ReferralOpeningService } from './referral-opening.service';
import { ReferralProposalService } from './referral-proposal.service';
import { SentReferralService } from './sent-referral.service';
import { AccidentUpwardReportService } from './accident-upward-report.service';
import { AccidentReportingViolationService } from './accident-reporting-violation.service';
import { AccidentReportNotificationService } from './accident-report-notification.service';

const exported = [
  AccidentRepository,
  AccidentReportingRepository,
  AccidentPolicyService,
  AccidentDepartmentPolicyService,
  AccidentService,
  AccidentIntakeService,
  AccidentPreCheckService,
  AccidentGateService,
  AccidentWorkflowService,
  AccidentReportWorkflowService,
  AccidentAccountabilityWorkflowService,
  AccidentFollowUpWorkflowService,
  AccidentInsightService,
  ReferralOpeningService,
  AccidentReferralService,
  ReferralProposalService,
  SentReferralService,
  AccidentUpwardReportService,
  AccidentReportingViolationService,
  AccidentReportNotificationService,
];

/** The accident area: accident cases, discipline referrals, statistics and public reports. */
@Module({
  imports: [CoreModule, EnforcementModule],
  providers: exported,
  exports: exported,
})
export class AccidentModule {}
