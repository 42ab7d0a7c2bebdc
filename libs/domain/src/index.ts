export * from './errors';
export * from './calendar';
export * from './accident';
export * from './enforcement';
export * from './inspection';
export * from './identity/roles';
export * from './privacy/mask';
export * from './complaint';
