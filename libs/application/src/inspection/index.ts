export * from './inspection.module';
export * from './inspection-plan.service';
export * from './inspection-draw.service';
export * from './inspection-case.service';
