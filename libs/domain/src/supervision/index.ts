export * from './policy';
export * from './item';
