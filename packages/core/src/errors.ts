/** A problem the user can fix (bad input, bad file, unreachable endpoint): shown as one line, no stack. */
export class UserError extends Error {
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;

  constructor(message: string, location?: { file?: string; line?: number; column?: number }) {
    super(message);
    this.name = 'UserError';
    this.file = location?.file;
    this.line = location?.line;
    this.column = location?.column;
  }
}

/** An input value that does not parse: bad usage, not a failed run. */
export class InputError extends UserError {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError;
}

/** "file:line:col: message" — how a UserError reads in logs and terminals. */
export function formatUserError(error: UserError): string {
  if (!error.file) return error.message;
  const at = [error.file, error.line, error.column].filter((part) => part !== undefined).join(':');
  return `${at}: ${error.message}`;
}
