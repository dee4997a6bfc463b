/**
 * Notification addresses for the demo's regions, so that `npm run demo` can show its dry-run `.eml` files. The
 * domain is `.invalid` (RFC 2606): nothing can ever be delivered there, even by mistake.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { Document } from "yaml";

export const DEMO_CONTACTS_FILE = "contacts-demo.yaml";

export function demoContact(code: string): string {
  return `nok-${code}@region.demo.invalid`;
}

/** Writes `regions: [{ code, contacts }]` for the given region codes; returns the file's path. */
export async function writeDemoContacts(dir: string, codes: readonly string[]): Promise<string> {
  await mkdir(dir, { recursive: true });
  const path = join(dir, DEMO_CONTACTS_FILE);
  const doc = new Document({
    regions: [...new Set(codes)].sort().map((code) => ({ code, contacts: [demoContact(code)] })),
  });
  doc.commentBefore = " Адреса уведомлений демо-сети nok-monitor (домен .invalid — доставка невозможна).";
  await writeFile(path, doc.toString({ lineWidth: 0 }), "utf8");
  return path;
}
