/** The workflow commands as a user runs them: letters, a dry-run notification, a refused dispute. */
import { spawn } from "node:child_process";
import { mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aggregateRun } from "../../src/findings/aggregate-run.ts";
import { nationalRun, REGIONS } from "../report/fixtures.ts";

const BIN = new URL("../../bin/nok.js", import.meta.url).pathname;
let dir: string;
let env: Record<string, string>;
const RUN = "2025-03-01T02-00-00Z";

function nok(args: string[]) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => {
      stdout += d;
    });
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    child.on("close", (code) => done({ code, stdout, stderr }));
  });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "nok-workflow-cli-"));
  env = {
    NOK_DATA_DIR: join(dir, "data"),
    NOK_SNAPSHOTS_DIR: join(dir, "snapshots"),
    NOK_REPORTS_DIR: join(dir, "reports"),
  };
  const run = aggregateRun(nationalRun(), { regions: REGIONS });
  await mkdir(join(dir, "snapshots", "runs", RUN), { recursive: true });
  await writeFile(join(dir, "snapshots", "runs", RUN, "result.json"), JSON.stringify(run));
  await writeFile(
    join(dir, "contacts.yaml"),
    'regions:\n  - { code: "13", contacts: ["nok@e-mordovia.example.ru", "телефон приёмной"] }\n',
  );
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("workflow commands", () => {
  it("nok letters latest writes the letters and says where", async () => {
    const r = await nok(["letters", "latest", "--deadline", "2025-04-01"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Республика Калмыкия: недостатков");
    const files = await readdir(join(dir, "reports", RUN, "letters"));
    expect(files.sort()).toEqual([
      "cover-note.docx",
      "letter-08.docx",
      "letter-13.docx",
      "letter-38.docx",
      "letter-71.docx",
    ]);
  });

  it("nok notify --dry-run writes .eml files and reports a bad contact with file and line", async () => {
    const r = await nok(["notify", "latest", "--dry-run", "--registry", join(dir, "contacts.yaml")]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`${join(dir, "contacts.yaml")}:2: контакт «телефон приёмной»`);
    expect(r.stdout).toContain("нет адресов в реестре (contacts:) у субъектов: 38");
    expect(await readdir(join(dir, "reports", RUN, "notifications"))).toContain("13.eml");
  });

  it("nok notify without a channel, and a dispute of a site not in the run, are usage errors", async () => {
    expect((await nok(["notify", "latest"])).code).toBe(2);
    const d = await nok([
      "dispute",
      "add",
      RUN,
      "https://nowhere.example.ru/",
      "authority/nok-section",
      "--url",
      "https://nowhere.example.ru/nok",
      "--comment",
      "есть",
    ]);
    expect(d.code).toBe(2);
    expect(d.stderr).toContain("сайта «https://nowhere.example.ru/» нет в прогоне");
  });
});
