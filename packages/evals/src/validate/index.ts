export * from './checks';
export * from './command';
export * from './models';
export * from './run';
export * from './tokens';
export * from './version-bump';
export * from './tokenize-server';
