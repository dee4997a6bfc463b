export * from "./manifest.ts";
export * from "./object-store.ts";
export * from "./paths.ts";
export * from "./run-store.ts";
