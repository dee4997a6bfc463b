import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { startSteppedChild } from "../../bench/child.ts";

const echo = fileURLToPath(new URL("./fixtures/stepped-echo.ts", import.meta.url));

describe("stepped bench child", () => {
  it("reports once when ready and once per step, in order", { timeout: 60_000 }, async () => {
    const child = await startSteppedChild<{ count: number; command: string }>(echo, ["готов"]);
    try {
      expect(child.ready).toEqual({ ready: "готов" });
      expect(await child.step("pass")).toEqual({ count: 1, command: "pass" });
      expect(await child.step("again")).toEqual({ count: 2, command: "again" });
    } finally {
      await child.stop();
    }
  });

  it("rejects a step when the child dies, with its stderr", { timeout: 60_000 }, async () => {
    const child = await startSteppedChild<unknown>(echo, []);
    await expect(child.step("crash")).rejects.toThrow(/exited with 3.*упал по просьбе теста/s);
    await child.stop();
  });
});
