export * from './complaint.module';
export * from './complaint.service';
