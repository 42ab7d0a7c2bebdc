export * from './application.module';
export * from './audit.service';
export * from './calendar.service';
export * from './case.service';
export * from './identity.service';
export * from './task.service';
export * from './organisation.service';
export * from './config/app-config';
