export * from './measures';
export * from './targets';
