export * from './types';
export * from './retry';
export * from './limiter';
export * from './cache';
export * from './client';
export * from './probe';
export * from './runner';
export * from './sse';
