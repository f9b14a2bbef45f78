export * from './load';
export * from './schema';
export * from './template';
export * from './types';
