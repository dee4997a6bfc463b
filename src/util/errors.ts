/** Bad user input (URL, option, registry or rule file): the CLI exits with code 2 and prints the message. */
export class UsageError extends Error {
  override name = "UsageError";
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
