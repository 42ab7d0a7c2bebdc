export * from './complaint.module';
export * from './complaint-intake.service';
export * from './complaint-policy.service';
export * from './complaint-read.service';
export * from './complaint-workflow.service';
