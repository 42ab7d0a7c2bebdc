import { Module } from '@nestjs/common';
import { ComplaintRepository, LoginThrottleRepository } from '@safety/persistence';
import { CoreModule } from '../core.module';
import { EnforcementModule } from '../enforcement/enforcement.module';
import { ComplaintService } from './complaint.service';

const exported = [ComplaintRepository, ComplaintService];

/** 投诉举报 (12350): complaints and tip-offs. */
@Module({
  imports: [CoreModule, EnforcementModule],
  providers: [...exported, LoginThrottleRepository],
  exports: exported,
})
export class ComplaintModule {}
