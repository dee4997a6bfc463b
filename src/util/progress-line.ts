/** One line describing a national run's progress (the CLI bar and the daemon's log share it). */

import type { NationalProgress } from "../index.ts";
import { formatDuration } from "./ru.ts";

/** `[######------] 12/45 сайтов · страниц 340 · ошибок 5 · недоступно 1 · осталось ~3 мин · сейчас: host1, host2` */
export function progressLine(p: NationalProgress, barWidth: number): string {
  const share = p.total > 0 ? p.done / p.total : 1;
  const filled = Math.round(share * barWidth);
  const bar = barWidth > 0 ? `[${"#".repeat(filled)}${"-".repeat(barWidth - filled)}] ` : "";
  const parts = [
    `${bar}${p.done}/${p.total} сайтов (${Math.round(share * 100)} %)`,
    `страниц ${p.pages}`,
    `ошибок ${p.errors}`,
  ];
  if (p.unreachable > 0) parts.push(`недоступно ${p.unreachable}`);
  parts.push(
    p.etaMs === null ? "осталось: оценка после первого сайта" : `осталось ~${formatDuration(p.etaMs)}`,
  );
  if (p.active.length > 0) parts.push(`сейчас: ${p.active.map(host).join(", ")}`);
  return parts.join(" · ");
}

function host(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
