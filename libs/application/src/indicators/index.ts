export * from './indicator.module';
export * from './indicator-jurisdiction';
export * from './indicator-admin.service';
export * from './indicator-report.service';
export * from './indicator-published.service';
