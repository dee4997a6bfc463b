/** JSON Lines: one JSON value per line, appended as things finish; a crash leaves at worst a torn last line. */
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createInterface } from "node:readline";

/** Every non-blank line of a JSONL file (none if the file is missing), with `value` null where it does not parse. */
export async function* jsonLines<T>(
  path: string,
): AsyncGenerator<{ lineNo: number; text: string; value: T | null }> {
  try {
    await stat(path);
  } catch {
    return;
  }
  const rl = createInterface({ input: createReadStream(path, "utf8"), crlfDelay: Number.POSITIVE_INFINITY });
  let lineNo = 0;
  for await (const text of rl) {
    lineNo++;
    if (!text.trim()) continue;
    let value: T | null = null;
    try {
      value = JSON.parse(text) as T;
    } catch {
      value = null;
    }
    yield { lineNo, text, value };
  }
}
