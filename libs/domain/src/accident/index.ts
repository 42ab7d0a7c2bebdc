export * from './grading';
export * from './reporting';
export * from './investigation';
export * from './four-not-let-go';
