export { accessibleVersionCheck } from "./accessible-version.ts";
export { actReferencesCheck } from "./act-references.ts";
export { allCheck, anyCheck } from "./compose.ts";
export { documentCheck } from "./document.ts";
export { externalLinkCheck } from "./external-link.ts";
export { nestedDocumentCheck } from "./nested-document.ts";
export { ParamError, type ParamIssue } from "./params.ts";
export { checkTypes, getCheckType, type ParsedCheck, parseCheck } from "./registry.ts";
export { sectionCheck } from "./section.ts";
