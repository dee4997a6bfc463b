import type { Command } from "commander";
import { parseTargetUrl } from "../../util/target-url.ts";
import { parsePositiveInt } from "../options.ts";
import { createProgress } from "../progress.ts";

export function registerCrawl(program: Command): void {
  program
    .command("crawl")
    .description("отладка: обойти один сайт и показать, что загружено (с кодами ошибок)")
    .argument("<url>", "адрес сайта")
    .option("--max-pages <n>", "не более N страниц", parsePositiveInt)
    .option("--out <dir>", "папка снимков (по умолчанию snapshots/)")
    .option("--json", "вывести сводку манифеста в stdout")
    .action(async (rawUrl: string, opts) => {
      const { crawlOnly } = await import("../../index.ts");
      const url = parseTargetUrl(rawUrl);
      const progress = createProgress();
      const result = await crawlOnly(url, {
        ...(opts.maxPages ? { maxPages: opts.maxPages } : {}),
        ...(opts.out ? { snapshotsDir: opts.out } : {}),
        onPage: (e) =>
          progress.line(
            `${String(e.status).padStart(3)} ${e.contentKind.padEnd(5)} d${e.depth} ${String(e.size).padStart(8)} B ${(e.error?.code ?? "").padEnd(14)} ${e.finalUrl}${e.title ? ` — ${e.title.slice(0, 60)}` : ""}`,
          ),
      });
      const s = result.summary;
      const summary = {
        runId: result.runId,
        manifest: `${result.snapshotsDir}/runs/${result.runId}/manifest.jsonl`,
        status: s.status,
        siteError: s.siteError,
        pages: s.pages,
        documents: s.documents,
        bytes: s.bytes,
        errors: s.errors,
        skippedByRobots: s.skippedByRobots,
        budgetExhausted: s.budgetExhausted,
        durationMs: s.durationMs,
        entries: result.entries.map((e) => ({
          url: e.url,
          finalUrl: e.finalUrl,
          status: e.status,
          kind: e.contentKind,
          depth: e.depth,
          size: e.size,
          hash: e.hash,
          linkText: e.linkText,
          error: e.error?.code ?? null,
          title: e.title,
          textChars: e.textChars,
        })),
      };
      if (opts.json) process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
      else
        process.stdout.write(
          `\nИтого: ${s.status}; страниц ${s.pages}, документов ${s.documents}, ${s.bytes} байт, ошибок ${s.errors}, запрещено robots.txt ${s.skippedByRobots}${s.siteError ? `; ${s.siteError.code}: ${s.siteError.message}` : ""}\nМанифест: ${summary.manifest}\n`,
        );
      process.exitCode = s.status === "unreachable" || s.status === "blocked" ? 3 : 0;
    });
}
