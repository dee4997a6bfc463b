/** A self-check submission (form or JSON) turned into a CheckRequest, or a Russian reason to refuse it. */
import type { LookupFunction } from "node:net";
import { SPHERES, type Sphere } from "../types/index.ts";
import { errorMessage } from "../util/errors.ts";
import { parseTargetUrl } from "../util/target-url.ts";
import type { CheckKind, CheckRequest } from "./check-queue.ts";
import { refuseTarget, type TargetPolicy } from "./ssrf-guard.ts";

export interface SubmissionInput {
  url?: unknown;
  kind?: unknown;
  sphere?: unknown;
  region?: unknown;
}

export type SubmissionError = {
  code: "invalid-url" | "invalid-kind" | "invalid-sphere" | "invalid-region" | "refused-target";
  message: string;
};

export type SubmissionResult = { ok: true; request: CheckRequest } | ({ ok: false } & SubmissionError);

const text = (v: unknown): string => (typeof v === "string" ? v.trim() : "");

export async function parseSubmission(
  input: SubmissionInput,
  policy: TargetPolicy,
  lookup?: LookupFunction,
): Promise<SubmissionResult> {
  const rawUrl = text(input.url);
  if (rawUrl.length > 2000)
    return { ok: false, code: "invalid-url", message: "Слишком длинный адрес сайта." };
  let url: string;
  try {
    url = parseTargetUrl(rawUrl);
  } catch (err) {
    const message = errorMessage(err);
    return { ok: false, code: "invalid-url", message: message.charAt(0).toUpperCase() + message.slice(1) };
  }
  const kind = text(input.kind) || "authority";
  if (kind !== "authority" && kind !== "institution") {
    return {
      ok: false,
      code: "invalid-kind",
      message: "Вид сайта: «authority» (орган власти) или «institution» (организация).",
    };
  }
  const sphere = text(input.sphere);
  if (sphere && !(SPHERES as readonly string[]).includes(sphere)) {
    return {
      ok: false,
      code: "invalid-sphere",
      message: `Неизвестная сфера; допустимо: ${SPHERES.join(", ")}.`,
    };
  }
  const region = text(input.region);
  if (region && !/^\d{2}$/.test(region)) {
    return { ok: false, code: "invalid-region", message: "Код субъекта — две цифры (например, 71)." };
  }
  const refusal = await refuseTarget(url, policy, lookup);
  if (refusal) {
    const message = refusal.message.charAt(0).toUpperCase() + refusal.message.slice(1);
    return { ok: false, code: "refused-target", message: `${message}.` };
  }
  return {
    ok: true,
    request: {
      url,
      kind: kind as CheckKind,
      sphere: sphere ? (sphere as Sphere) : null,
      region: region || null,
    },
  };
}
