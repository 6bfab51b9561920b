/**
 * A command line the CLI cannot run: exit code 2, the message on one line, and a pointer to the
 * help of `command` (the command the user was typing), not every command's usage.
 */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly command?: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}
