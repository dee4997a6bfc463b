/** The server's address guard is the crawler's one address policy (src/crawl/address-policy.ts). */
export * from "../crawl/address-policy.ts";
