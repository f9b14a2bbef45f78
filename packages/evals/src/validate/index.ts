export { validatePrompts, validatePromptsCommand } from './action/command';
export type { ValidateOptions } from './action/plan';
export { loadModelTable } from './models';
export { countTokensWithServer } from './tokenize-server';
export { countChatTokens } from './tokens';
export { isVersionRaised } from './version-bump';
