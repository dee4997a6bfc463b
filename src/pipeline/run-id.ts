import { randomBytes } from "node:crypto";

/** Sortable, filesystem-safe run ids: `2026-11-22T07-50-03Z-check-1a2b3c`. */
export function newRunId(mode: string, now = new Date()): string {
  const stamp = now
    .toISOString()
    .replace(/\.\d+Z$/, "Z")
    .replace(/:/g, "-");
  return `${stamp}-${mode}-${randomBytes(3).toString("hex")}`;
}
