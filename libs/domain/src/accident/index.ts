export * from './grading';
export * from './reporting';
export * from './investigation';
export * from './four-not-let-go';
export * from './policy';
export * from './jurisdiction';
export * from './proposals';
export * from './accountability';
