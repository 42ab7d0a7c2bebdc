import { Module } from '@nestjs/common';
import { AccidentModule } from './accident/accident.module';
import { ComplaintModule } from './complaint/complaint.module';
import { SupervisionModule } from './supervision/supervision.module';
import { CoreModule } from './core.module';
import { EnforcementModule } from './enforcement/enforcement.module';
import { IndicatorModule } from './indicators/indicator.module';
import { InspectionModule } from './inspection/inspection.module';

const modules = [
  CoreModule,
  EnforcementModule,
  InspectionModule,
  AccidentModule,
  ComplaintModule,
  IndicatorModule,
  SupervisionModule,
];

/** Application services shared by the API and the worker. Needs a TypeORM DataSource provider in scope. */
@Module({ imports: modules, exports: modules })
export class ApplicationModule {}
