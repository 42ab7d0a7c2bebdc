// Contracts and constants only: safe for the API, the worker and (by relative import) workflow code.
export * from './task-queues';
export * from './activities';
export * from './contracts/human-task.contract';
export * from './contracts/penalty-case.contract';
export * from './contracts/criminal-transfer.contract';
export * from './inspection.activities';
export * from './contracts/inspection.contract';
export * from './contracts/simple-penalty.contract';
export * from './penalty.activities';
export * from './accident.activities';
export * from './contracts/accident.contract';
export * from './contracts/discipline-referral.contract';
export * from './complaint.activities';
export * from './contracts/complaint.contract';
export * from './supervision.activities';
export * from './contracts/supervision.contract';
export * from './contracts/reporting-consequence.contract';
