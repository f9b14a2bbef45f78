export * from './prompt-file';
export * from './validate';
export * from './gate';
