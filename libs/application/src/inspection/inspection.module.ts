import { Module } from '@nestjs/common';
import { AuditRepository, CaseRepository, InspectionRepository, OrganisationRepository } from '@safety/persistence';
import { AuditService } from '../audit.service';
import { CaseService } from '../case.service';
import { InspectionCaseService } from './inspection-case.service';
import { InspectionDrawService } from './inspection-draw.service';
import { InspectionPlanService } from './inspection-plan.service';

const own = [InspectionRepository, InspectionPlanService, InspectionDrawService, InspectionCaseService];
// Core services used here; stateless, so this module's own instances behave like ApplicationModule's
// and no circular module import is needed (same pattern as EnforcementModule).
const core = [AuditRepository, CaseRepository, OrganisationRepository, AuditService, CaseService];

/** Inspection plans and draws, inspections, 简易程序 and criminal transfers (issue 4, first half). */
@Module({ providers: [...own, ...core], exports: own })
export class InspectionModule {}
