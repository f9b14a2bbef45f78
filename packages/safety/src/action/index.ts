export * from './command';
export * from './gate';
export * from './inputs';
export * from './plan';
export * from './report';
export * from './run-probes';
