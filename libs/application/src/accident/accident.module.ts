import { Module } from '@nestjs/common';
import { CoreModule } from '../core.module';
import { AccidentRepository } from '@safety/persistence';
import { AccidentInsightService } from './accident-insight.service';
import { AccidentPolicyService } from './accident-policy.service';
import { AccidentWorkflowService } from './accident-workflow.service';
import { AccidentService } from './accident.service';
import { DisciplineReferralService } from './discipline-referral.service';

const exported = [
  AccidentRepository,
  AccidentPolicyService,
  AccidentService,
  AccidentWorkflowService,
  AccidentInsightService,
  DisciplineReferralService,
];

/** The accident area: accident cases, discipline referrals, statistics and public reports. */
@Module({
  imports: [CoreModule],
  providers: exported,
  exports: exported,
})
export class AccidentModule {}
