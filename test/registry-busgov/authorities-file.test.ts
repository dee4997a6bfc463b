/** registry/authorities.yaml: loads cleanly, every row says where it comes from, every gap is listed. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { parseDocument } from "yaml";
import { loadRegions, loadRegistry, SPHERE_TITLES } from "../../src/registry/index.ts";

const FILE = join(import.meta.dirname, "../../registry/authorities.yaml");

it("loads without errors; every row has a source URL and the date seen", async () => {
  const { sites, errors } = await loadRegistry([FILE]);
  expect(errors).toEqual([]);
  expect(sites.length).toBeGreaterThan(0);
  const raw = parseDocument(readFileSync(FILE, "utf8")).toJS().sites as Record<string, string>[];
  for (const row of raw) {
    expect(row.source).toMatch(/^https?:\/\//);
    expect(row.seen).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  }
});

it("lists in its header every subject × sphere it has no row for", async () => {
  const text = readFileSync(FILE, "utf8");
  const { sites } = await loadRegistry([FILE]);
  const have = new Set(sites.map((s) => `${s.region}/${s.sphere}`));
  for (const r of loadRegions()) {
    const line = text.split("\n").find((l) => l.startsWith(`#   ${r.code} `)) ?? "";
    for (const sphere of ["social", "health", "culture", "education"] as const) {
      const listed = line.includes(SPHERE_TITLES[sphere]);
      expect(listed, `${r.code} ${sphere}`).toBe(!have.has(`${r.code}/${sphere}`));
    }
  }
});
