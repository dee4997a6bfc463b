import type { RunResult } from "../types/index.ts";

const STATUS_RU: Record<string, string> = {
  pass: "соответствует",
  warn: "частично",
  fail: "НЕ соответствует",
  unknown: "не удалось проверить",
  "n/a": "не применяется",
};

/** The short table a person sees at the end of `nok check`: rule, status, where found. */
export function summaryTable(run: RunResult): string {
  const out: string[] = [];
  for (const site of run.sites) {
    out.push("");
    out.push(`${site.name ?? site.url} — ${site.url}`);
    out.push(
      `  обход: ${crawlStatus(site.status)}; страниц ${site.crawl.pages}, документов ${site.crawl.documents}, ошибок ${site.crawl.errors}; оценка ${site.score ?? "—"}${site.error ? `; ${site.error.code}: ${site.error.message}` : ""}`,
    );
    const width = Math.max(...site.findings.map((f) => f.rule.length));
    for (const f of site.findings) {
      const where = f.evidence[0]?.url ?? "";
      out.push(`  ${f.rule.padEnd(width)}  ${(STATUS_RU[f.status] ?? f.status).padEnd(20)}  ${where}`);
    }
  }
  return out.join("\n");
}

function crawlStatus(status: string): string {
  return (
    { ok: "полностью", partial: "с ошибками", unreachable: "сайт недоступен", blocked: "доступ запрещён" }[
      status
    ] ?? status
  );
}
