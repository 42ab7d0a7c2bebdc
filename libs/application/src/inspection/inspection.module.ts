import { Module } from '@nestjs/common';
import { CoreModule } from '../core.module';
import { EnforcementModule } from '../enforcement/enforcement.module';
import { InspectionRepository } from '@safety/persistence';
import { InspectionCaseService } from './inspection-case.service';
import { InspectionDrawService } from './inspection-draw.service';
import { InspectionPlanService } from './inspection-plan.service';

const own = [InspectionRepository, InspectionPlanService, InspectionDrawService, InspectionCaseService];

/** Inspection plans and draws, inspections, 简易程序 and criminal transfers. */
@Module({ imports: [CoreModule, EnforcementModule], providers: own, exports: own })
export class InspectionModule {}
