/** `nok registry import-busgov` and `nok registry verify` as a user runs them: output, files, exit codes. */
import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { documentXml, positionXml, typical, zipOf } from "./fixture.ts";

const BIN = new URL("../../bin/nok.js", import.meta.url).pathname;
let dir: string;

function nok(args: string[]) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((done) => {
    execFile(process.execPath, [BIN, ...args], (err, stdout, stderr) =>
      done({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "nok-registry-cli-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

it("import-busgov writes the registry, names bad positions on stderr, sums up on stdout", async () => {
  const zip = join(dir, "data.zip");
  const xml = documentXml([
    positionXml(typical(1, "86.10"), 1),
    positionXml({ ...typical(2), inn: "7100000001" }, 2),
    positionXml({ ...typical(3, "90.01"), www: "" }, 3),
  ]);
  await writeFile(zip, await zipOf({ "part.xml": xml }));
  const out = join(dir, "institutions.yaml");
  const r = await nok(["registry", "import-busgov", zip, "--region", "Тульская область", "--out", out]);
  expect(r.code).toBe(0);
  expect(r.stderr).toMatch(/data\.zip\/part\.xml:15: .*контрольных цифр/);
  expect(r.stdout).toContain("Учреждений в реестре: с сайтом — 1, без сайта — 1");
  expect(r.stdout).toContain("Ошибок: 1");
  expect(await readFile(out, "utf8")).toContain('sphere: "здравоохранение"');
});

it("import-busgov with nothing readable is a usage error and writes nothing", async () => {
  const out = join(dir, "none.yaml");
  const r = await nok(["registry", "import-busgov", join(dir, "missing.zip"), "--out", out]);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain("файл или папка не найдены");
  await expect(readFile(out)).rejects.toThrow();
});

it("verify of a registry without sites is a usage error", async () => {
  const file = join(dir, "empty.yaml");
  await writeFile(file, "sites: []\n");
  const r = await nok(["registry", "verify", file, "--out", join(dir, "verify")]);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain("нет сайтов для проверки");
});
