export * from "./match.ts";
export * from "./normalize.ts";
export * from "./stem.ts";
export * from "./tokens.ts";
