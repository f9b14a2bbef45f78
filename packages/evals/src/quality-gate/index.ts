export * from './command';
export * from './merge';
export * from './report';
export * from './prices';
