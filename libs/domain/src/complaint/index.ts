export * from './policy';
export * from './intake';
export * from './confidentiality';
export * from './status';
