import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DemoWeb } from "../../demo/web/web.ts";
import { checkDemoSite, demoWeb } from "./demo-site-check.ts";

// The Irkutsk culture site lists only the road agency's council (its regulation and minutes) under «Общественные
// советы»; the ministry's own council is not published.
const SITE = "irkutsk-culture";
let web: DemoWeb;
beforeAll(async () => {
  web = await demoWeb([SITE]);
});
afterAll(async () => {
  await web?.close();
});

describe("another body's council on the site", () => {
  it("is not read when the crawl stops on settled verdicts, and the verdicts are those of the whole crawl", async () => {
    const focused = await checkDemoSite(web, SITE);
    const whole = await checkDemoSite(web, SITE, false);
    const foreign = "/public-council/dorozhnoe-hozyaystvo/";
    expect(whole.urls).toContain(foreign);
    expect(focused.urls).not.toContain(foreign);
    // Nor the files it lists (its regulation and minutes).
    const foreignFiles = whole.urls.filter((u) => u.startsWith("/upload/") && !focused.urls.includes(u));
    expect(foreignFiles.length).toBeGreaterThan(0);
    expect(focused.statuses).toEqual(whole.statuses);
    expect(focused.statuses["authority/council-regulation"]).toBe("fail");
  });
});
