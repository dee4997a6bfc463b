import { describe, expect, it } from "vitest";
import {
  decodeResultEntry,
  decodeSiteJob,
  redisOptions,
  SITE_JOB_SCHEMA,
  siteJobId,
} from "../../src/pipeline/queue/codec.ts";

describe("queue codec", () => {
  it("reads redis:// and rediss:// URLs, and refuses anything else", () => {
    expect(redisOptions("redis://10.0.0.5:6380/2")).toMatchObject({ host: "10.0.0.5", port: 6380, db: 2 });
    expect(redisOptions("rediss://u:p%40ss@h")).toMatchObject({
      host: "h",
      port: 6379,
      username: "u",
      password: "p@ss",
      tls: {},
    });
    expect(() => redisOptions("http://h:6379")).toThrow(/redis:\/\//);
    expect(() => redisOptions("h:6379")).toThrow(/redis:\/\//);
  });

  it("job ids are deterministic and free of ':' (BullMQ forbids it)", () => {
    const id = siteJobId("2026-12-01T03-00-00Z-run-abc123", 7);
    expect(id).toBe("2026-12-01T03-00-00Z-run-abc123--7");
    expect(id).not.toContain(":");
  });

  it("a job in another format is refused; defaults fill what an older planner left out", () => {
    expect(() => decodeSiteJob({ runId: "x" })).toThrow(/формате/);
    expect(() =>
      decodeSiteJob({ schema: SITE_JOB_SCHEMA, runId: "../x", index: 0, key: "k", url: "u" }),
    ).toThrow();
    expect(
      decodeSiteJob({ schema: SITE_JOB_SCHEMA, runId: "r", index: 0, key: "k", url: "u" }),
    ).toMatchObject({
      render: "auto",
      hostIntervalMs: 500,
      reuse: true,
    });
  });

  it("result entries: a result or an error; anything else is skipped", () => {
    expect(decodeResultEntry('{"key":"k","worker":"w","attempt":1,"error":"boom"}')?.error).toBe("boom");
    expect(decodeResultEntry('{"key":"k"}')).toBeNull();
    expect(decodeResultEntry("{torn")).toBeNull();
  });
});
