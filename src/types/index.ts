export type * from "./artifacts.ts";
export type * from "./busgov.ts";
export type * from "./busgov-answers.ts";
export * from "./common.ts";
export type * from "./crawl.ts";
export * from "./result.ts";
export type * from "./rules.ts";
export type * from "./snapshot.ts";
