/** Shared vocabulary of every stage. */

export type Sphere = "social" | "health" | "culture" | "education" | "sport";
export const SPHERES: readonly Sphere[] = ["social", "health", "culture", "education", "sport"];

export type TargetKind = "authority" | "institution" | "busgov";

export type Status = "pass" | "warn" | "fail" | "unknown" | "n/a";
export const STATUSES: readonly Status[] = ["pass", "warn", "fail", "unknown", "n/a"];

/** Per-page and per-site error taxonomy (GSA site-scanning style): "site down" is never "section missing". */
export type ErrorCode =
  | "dns"
  | "connect"
  | "tls"
  | "timeout"
  | "reset"
  | "http-4xx"
  | "http-5xx"
  | "http-429"
  | "robots"
  | "too-large"
  | "redirect-loop"
  | "too-many-redirects"
  | "unsupported-type"
  | "out-of-scope"
  | "empty"
  | "circuit-open"
  | "decode"
  | "parse"
  | "invalid-url"
  | "browser"
  /** An anti-bot challenge (DDoS-Guard, Qrator, «Проверка браузера»…) answered instead of the page. */
  | "bot-wall"
  | "unknown";

export interface CrawlError {
  code: ErrorCode;
  message: string;
}
