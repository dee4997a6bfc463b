import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { aggregateRun } from "../../src/findings/aggregate-run.ts";
import { loadContacts, notifyRun, regionChanges } from "../../src/notify/index.ts";
import type { RunResult } from "../../src/types/result.ts";
import { nationalRun, REGIONS, run, site } from "../report/fixtures.ts";
import { startSilent, startSmtp, startWebhook } from "./local-servers.ts";

const FAST = { attempts: 2, baseDelayMs: 10 };
let dir: string;
let contactsFile: string;
let national: RunResult;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "nok-notify-"));
  contactsFile = join(dir, "sites.yaml");
  await writeFile(
    contactsFile,
    [
      "regions:",
      '  - { code: "13", contacts: ["nok@e-mordovia.example.ru"] }',
      "sites:",
      "  - url: https://38-health.example.ru/",
      "    contacts:",
      "      - minzdrav@irkutsk.example.ru",
      "      - позвонить в приёмную",
      "  - url: https://38-culture.example.ru/",
      '    contacts: "culture@irkutsk.example.ru; culture2@irkutsk.example.ru"',
      "",
    ].join("\n"),
  );
  national = aggregateRun(nationalRun(), { regions: REGIONS });
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe("contacts", () => {
  it("reads region and site contacts and reports a non-e-mail with file and line", async () => {
    const c = await loadContacts({ registryFiles: [contactsFile] });
    expect(c.byRegion.get("13")).toEqual(["nok@e-mordovia.example.ru"]);
    expect(c.bySite.get("38-health.example.ru")).toEqual(["minzdrav@irkutsk.example.ru"]);
    expect(c.bySite.get("38-culture.example.ru")).toHaveLength(2);
    expect(c.issues).toEqual([
      {
        file: contactsFile,
        line: 7,
        message: "контакт «позвонить в приёмную» — не адрес электронной почты; пропущен",
      },
    ]);
  });
});

describe("region changes", () => {
  it("groups the run's comparison per region", () => {
    const changes = regionChanges(national);
    expect(changes.map((c) => [c.code, c.newGaps.length, c.fixed.length])).toEqual([
      ["13", 1, 0],
      ["38", 0, 1],
    ]);
  });

  it("reports every fail as new on a first run", () => {
    const first = run({
      sites: [site({ region: "71", sphere: "health", statuses: { "authority/results": "fail" } })],
    });
    expect(regionChanges(first)[0]?.newGaps.map((g) => g.rule)).toEqual(["authority/results"]);
  });
});

describe("nok notify", () => {
  it("sends one e-mail per region over SMTP, parsed back with mailparser", async () => {
    const smtp = await startSmtp();
    try {
      const res = await notifyRun(national, {
        outDir: join(dir, "smtp"),
        smtp: smtp.url,
        registryFiles: [contactsFile],
        retry: FAST,
      });
      expect(res.deliveries.map((d) => [d.region, d.channel, d.ok])).toEqual([
        ["13", "email", true],
        ["38", "email", true],
      ]);
      expect(smtp.envelopes).toEqual([["nok@e-mordovia.example.ru"], ["minzdrav@irkutsk.example.ru"]]);
      const mail = smtp.messages[0]!;
      expect(mail.subject).toBe(
        "НОК: результаты мониторинга сайтов\u00a0— Республика Мордовия (на 01.03.2025)",
      );
      expect(mail.text).toContain("Новые недостатки\u00a0— 1:");
      expect(mail.text).toContain("в сфере здравоохранения: https://13-health.example.ru/");
      expect(mail.text).toContain("по состоянию на 1\u00a0февраля 2025\u00a0г.");
      const json = JSON.parse(mail.attachments[0]!.content.toString("utf8"));
      expect(json.schema).toBe("nok-monitor/notification@1");
      expect(json.counts).toEqual({ newGaps: 1, fixed: 0, stillMissing: 0, newlyUnknown: 0 });
      expect(smtp.messages[1]!.text).toContain("Устранено\u00a0— 1:");
      expect(res.contactIssues).toHaveLength(1);
    } finally {
      await smtp.close();
    }
  });

  it("retries a refusing SMTP server with backoff, records the failure and goes on", async () => {
    const smtp = await startSmtp({ refuse: true });
    try {
      const out = join(dir, "refused");
      const res = await notifyRun(national, {
        outDir: out,
        smtp: smtp.url,
        registryFiles: [contactsFile],
        retry: FAST,
      });
      expect(res.deliveries).toHaveLength(2);
      for (const d of res.deliveries) {
        expect(d.ok).toBe(false);
        expect(d.attempts).toHaveLength(2);
        expect(d.error).toMatch(/550|mailbox unavailable/);
      }
      const log = JSON.parse(await readFile(join(out, "deliveries.json"), "utf8"));
      expect(log.deliveries[0].ok).toBe(false);
    } finally {
      await smtp.close();
    }
  });

  it("gives up on a hanging SMTP server after its timeout", async () => {
    const silent = await startSilent();
    try {
      const res = await notifyRun(national, {
        outDir: join(dir, "hang"),
        smtp: silent.url,
        registryFiles: [contactsFile],
        regions: ["13"],
        retry: FAST,
        timeoutMs: 300,
      });
      expect(res.deliveries[0]?.ok).toBe(false);
      expect(res.deliveries[0]?.attempts).toHaveLength(2);
    } finally {
      await silent.close();
    }
  });

  it("posts JSON to a webhook, retrying a 503", async () => {
    const hook = await startWebhook(1);
    try {
      const res = await notifyRun(national, {
        outDir: join(dir, "hook"),
        webhook: hook.url,
        registryFiles: [contactsFile],
        retry: FAST,
      });
      expect(res.deliveries.map((d) => [d.channel, d.ok, d.attempts.length])).toEqual([
        ["webhook", true, 2],
        ["webhook", true, 1],
      ]);
      expect(hook.bodies).toHaveLength(2);
      expect((hook.bodies[0] as { region: { code: string } }).region.code).toBe("13");
    } finally {
      await hook.close();
    }
  });

  it("writes one .eml per message in a dry run, and names regions without addresses", async () => {
    const out = join(dir, "dry");
    const only13 = join(dir, "only13.yaml");
    await writeFile(only13, 'regions:\n  - { code: "13", contacts: ["nok@e-mordovia.example.ru"] }\n');
    const res = await notifyRun(national, { outDir: out, dryRun: true, registryFiles: [only13] });
    expect(res.deliveries.map((d) => [d.channel, d.path?.endsWith("13.eml")])).toEqual([["eml", true]]);
    expect(res.withoutRecipients).toEqual(["38"]);
    const mail = await simpleParser(await readFile(join(out, "13.eml")));
    expect(mail.subject).toContain("Республика Мордовия");
    expect(mail.text).toContain("Новые недостатки");
  });
});
