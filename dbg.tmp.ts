import { readFileSync } from "node:fs";
import { extractArtifacts } from "./src/extract/index.ts";
const f = process.argv[2]!;
const body = readFileSync(f);
const kind = f.endsWith(".txt") ? "other" : "html";
const a = await extractArtifacts({ url: "http://x/a/", finalUrl: "http://x/a/", contentKind: kind as "html", headers: { "content-type": kind === "html" ? "text/html; charset=utf-8" : "text/plain; charset=utf-8" }, body });
console.log(a.mainText.slice(0, Number(process.argv[3] ?? 700)));
console.log("breadcrumbs:", a.breadcrumbs);
for (const d of a.documents ?? []) console.log(JSON.stringify({ ...d, head: d.head.slice(0, 80) }));
