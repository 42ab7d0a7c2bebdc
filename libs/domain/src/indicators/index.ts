export * from './measures';
export * from './targets';
export * from './published';
