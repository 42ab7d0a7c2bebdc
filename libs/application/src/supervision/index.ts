export * from './supervision.module';
export * from './supervision-intake.service';
export * from './supervision-policy.service';
export * from './supervision-read.service';
export * from './supervision-workflow.service';
