import { Module } from '@nestjs/common';
import { SupervisionRepository } from '@safety/persistence';
import { CoreModule } from '../core.module';
import { EnforcementModule } from '../enforcement/enforcement.module';
import { SupervisionIntakeService } from './supervision-intake.service';
import { SupervisionPolicyService } from './supervision-policy.service';
import { SupervisionReadService } from './supervision-read.service';
import { SupervisionWorkflowService } from './supervision-workflow.service';

const exported = [
  SupervisionRepository,
  SupervisionIntakeService,
  SupervisionReadService,
  SupervisionPolicyService,
  SupervisionWorkflowService,
];

/** 督办 and 约谈: supervision items and summonses. */
@Module({ imports: [CoreModule, EnforcementModule], providers: exported, exports: exported })
export class SupervisionModule {}
