import { UsageError } from "./errors.ts";

/** Parses a site address typed by a person: adds https:// when the scheme is missing, refuses the rest. */
export function parseTargetUrl(input: string): string {
  const raw = input.trim();
  if (!raw) throw new UsageError("не указан адрес сайта (URL)");
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `https://${raw}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new UsageError(`некорректный адрес сайта: «${input}»`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new UsageError(`поддерживаются только адреса http:// и https://, получено «${input}»`);
  if (
    !url.hostname ||
    (!url.hostname.includes(".") && url.hostname !== "localhost" && !url.hostname.includes(":"))
  )
    throw new UsageError(`некорректное имя хоста в адресе «${input}»`);
  return url.toString();
}

export function parseAsOf(input: string | undefined, fallback: string): string {
  if (input === undefined) return fallback;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input) || Number.isNaN(Date.parse(`${input}T00:00:00Z`)))
    throw new UsageError(`дата --as-of должна быть в формате ГГГГ-ММ-ДД, получено «${input}»`);
  return input;
}

/** Today as YYYY-MM-DD (UTC): the default reference date. */
export function todayIso(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** `--region 71 77`, `--region 71,77`: both work. */
export function splitList(values: readonly string[] | undefined): string[] {
  return (values ?? [])
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter(Boolean);
}
