export * from './entities';
export * from './data-source';
export * from './repositories/audit.repository';
export * from './repositories/case.repository';
export * from './repositories/organisation.repository';
export * from './repositories/directory.repository';
export * from './repositories/task.repository';
