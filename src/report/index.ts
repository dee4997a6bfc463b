export * from "./csv.ts";
export * from "./escape-html.ts";
export * from "./html.ts";
export * from "./labels.ts";
export * from "./markdown.ts";
export * from "./model.ts";
export * from "./write-reports.ts";
export * from "./xlsx.ts";
