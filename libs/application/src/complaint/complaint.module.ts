import { Module } from '@nestjs/common';
import { ComplaintRepository, LoginThrottleRepository } from '@safety/persistence';
import { CoreModule } from '../core.module';
import { EnforcementModule } from '../enforcement/enforcement.module';
import { ComplaintIntakeService } from './complaint-intake.service';
import { ComplaintPolicyService } from './complaint-policy.service';
import { ComplaintReadService } from './complaint-read.service';
import { ComplaintWorkflowService } from './complaint-workflow.service';

const exported = [
  ComplaintRepository,
  ComplaintIntakeService,
  ComplaintReadService,
  ComplaintPolicyService,
  ComplaintWorkflowService,
];

/** 投诉举报 (12350): complaints and tip-offs. */
@Module({
  imports: [CoreModule, EnforcementModule],
  providers: [...exported, LoginThrottleRepository],
  exports: exported,
})
export class ComplaintModule {}
