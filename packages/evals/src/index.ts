export * from './validate/command';
