/** Russian number, date, size and duration formatting for reports. */

const int = new Intl.NumberFormat("ru-RU", { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat("ru-RU", { maximumFractionDigits: 1 });

export function formatInt(n: number): string {
  return int.format(n);
}

/** 0.4567 → «45,7 %». */
export function formatShare(share: number | null): string {
  return share === null ? "—" : `${oneDecimal.format(share * 100)} %`;
}

/** YYYY-MM-DD (or an ISO timestamp) → DD.MM.YYYY; anything else unchanged. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return "—";
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : iso;
}

/** ISO timestamp → «DD.MM.YYYY HH:MM» (UTC as written, no time-zone guessing). */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return "—";
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(iso);
  return m ? `${m[3]}.${m[2]}.${m[1]} ${m[4]}:${m[5]}` : formatDate(iso);
}

export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return "—";
  if (bytes < 1024) return `${bytes} Б`;
  if (bytes < 1024 * 1024) return `${oneDecimal.format(bytes / 1024)} КБ`;
  if (bytes < 1024 ** 3) return `${oneDecimal.format(bytes / 1024 ** 2)} МБ`;
  return `${oneDecimal.format(bytes / 1024 ** 3)} ГБ`;
}

/** «sha256:0123456789ab…» → «0123456789ab». */
export function shortHash(hash: string | null | undefined): string {
  if (!hash) return "";
  return hash.replace(/^sha256:/, "").slice(0, 12);
}

/** Cut long crawled text at a word boundary. */
export function truncate(text: string, max: number): string {
  const t = text.replace(/\s+/g, " ").trim();
  if (t.length <= max) return t;
  const cut = t.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

export function capitalize(text: string): string {
  return text ? text[0]!.toUpperCase() + text.slice(1) : text;
}

/** Only http(s) URLs become links (no javascript:, data:, file:). Returns the parsed href or null. */
export function safeHref(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url.trim());
    return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
  } catch {
    return null;
  }
}
