/** The check types by name, and parsing of a rule's `check` block into a type and its parameters. */
import type { CheckType } from "../../types/index.ts";
import { accessibleVersionCheck } from "./accessible-version.ts";
import { actReferencesCheck } from "./act-references.ts";
import { busgovDataCheck } from "./busgov-data.ts";
import { clauseListCheck } from "./clause-list.ts";
import { allCheck, anyCheck } from "./compose.ts";
import { documentCheck } from "./document.ts";
import { externalLinkCheck } from "./external-link.ts";
import { feedbackChannelsCheck } from "./feedback-channels.ts";
import { nestedDocumentCheck } from "./nested-document.ts";
import { ParamError } from "./params.ts";
import { sectionCheck } from "./section.ts";
import { statedScoresCheck } from "./stated-scores.ts";
import { tableFormCheck } from "./table-form.ts";

// biome-ignore lint/suspicious/noExplicitAny: each check type has its own parameter type
type AnyCheckType = CheckType<any>;

let registry: Map<string, AnyCheckType> | null = null;

/** Built on first use: `any`/`all` import this module back (they parse their children here). */
export function checkTypes(): Map<string, AnyCheckType> {
  registry ??= new Map<string, AnyCheckType>(
    [
      sectionCheck,
      documentCheck,
      nestedDocumentCheck,
      actReferencesCheck,
      externalLinkCheck,
      accessibleVersionCheck,
      busgovDataCheck,
      feedbackChannelsCheck,
      statedScoresCheck,
      tableFormCheck,
      clauseListCheck,
      anyCheck,
      allCheck,
    ].map((c) => [c.name, c]),
  );
  return registry;
}

export function getCheckType(name: string): AnyCheckType | undefined {
  return checkTypes().get(name);
}

export interface ParsedCheck {
  type: AnyCheckType;
  params: unknown;
}

/** Validates a `check` block: a known type and parameters its `parse` accepts (ParamError otherwise). */
export function parseCheck(check: Record<string, unknown>): ParsedCheck {
  const name = check.type;
  if (typeof name !== "string" || name.length === 0)
    throw new ParamError([{ path: ["type"], message: "не указан тип проверки (type)" }]);
  const type = getCheckType(name);
  if (!type)
    throw new ParamError([
      {
        path: ["type"],
        message: `неизвестный тип проверки «${name}»; известны: ${[...checkTypes().keys()].join(", ")}`,
      },
    ]);
  const { type: _omit, ...params } = check;
  return { type, params: type.parse(params) };
}
