export * from './prng';
export * from './draw';
export * from './policy';
export * from './dangerous-operation';
export * from './record';
export * from './joint';
