export * from './accident.module';
export * from './accident-policy.service';
export * from './accident.service';
export * from './accident-workflow.service';
export * from './accident-insight.service';
export * from './discipline-referral.service';
