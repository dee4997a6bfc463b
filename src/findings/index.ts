export * from "./aggregate-run.ts";
export * from "./diff.ts";
export * from "./national-summary.ts";
export * from "./region-summary.ts";
export * from "./rule-order.ts";
export * from "./score.ts";
export * from "./sphere-names.ts";
export * from "./status-order.ts";
export type * from "./types.ts";
