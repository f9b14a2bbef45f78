export { validatePromptsCommand } from './command';
export { loadModelTable } from './models';
export { validatePrompts } from './run';
export type { ValidateOptions } from './run';
export { countTokensWithServer } from './tokenize-server';
export { countChatTokens } from './tokens';
export { isVersionRaised } from './version-bump';
