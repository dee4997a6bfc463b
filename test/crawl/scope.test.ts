import { describe, expect, it } from "vitest";
import { createScope } from "../../src/crawl/scope.ts";

describe("createScope", () => {
  it("treats http↔https and www/non-www as one site", () => {
    const scope = createScope("http://minzdrav.example.ru/");
    expect(scope.inScope("https://minzdrav.example.ru/nok/")).toBe(true);
    expect(scope.inScope("https://www.minzdrav.example.ru/nok/")).toBe(true);
    expect(createScope("https://www.example.ru/").inScope("http://example.ru/a")).toBe(true);
  });

  it("includes subdomains of the start host, not its siblings on a shared portal", () => {
    const scope = createScope("https://minzdrav.tularegion.ru/");
    expect(scope.inScope("https://docs.minzdrav.tularegion.ru/a.pdf")).toBe(true);
    expect(scope.inScope("https://minobr.tularegion.ru/")).toBe(false);
    expect(scope.inScope("https://tularegion.ru/")).toBe(false);
    const school = createScope("https://school12.gosweb.gosuslugi.ru/");
    expect(school.inScope("https://school13.gosweb.gosuslugi.ru/")).toBe(false);
  });

  it("can widen to the registrable domain (public-suffix aware)", () => {
    const scope = createScope("https://minzdrav.tularegion.ru/", { registrableDomain: true });
    expect(scope.inScope("https://minobr.tularegion.ru/")).toBe(true);
    expect(scope.inScope("https://other.ru/")).toBe(false);
    // spb.ru is a public suffix: two sites under it are different registrable domains.
    const spb = createScope("https://a.spb.ru/", { registrableDomain: true });
    expect(spb.inScope("https://b.spb.ru/")).toBe(false);
  });

  it("uses the exact host and port for IP hosts", () => {
    const scope = createScope("http://127.0.0.1:8001/");
    expect(scope.inScope("http://127.0.0.1:8001/a")).toBe(true);
    expect(scope.inScope("http://127.0.0.1:8002/a")).toBe(false);
    expect(scope.inScope("http://127.0.0.2:8001/a")).toBe(false);
  });

  it("rejects other sites and non-web URLs", () => {
    const scope = createScope("https://example.ru/");
    expect(scope.inScope("https://example.com/")).toBe(false);
    expect(scope.inScope("https://notexample.ru/")).toBe(false);
    expect(scope.inScope("mailto:a@example.ru")).toBe(false);
  });

  it("allowHost accepts a redirect target and records it", () => {
    const scope = createScope("http://old-minzdrav.test:8080/");
    expect(scope.inScope("http://minzdrav.test:9090/")).toBe(false);
    scope.allowHost("http://minzdrav.test:9090/");
    expect(scope.inScope("http://minzdrav.test:9090/nok/")).toBe(true);
    expect(scope.inScope("http://www.minzdrav.test:9090/nok/")).toBe(true);
    expect(scope.widened).toEqual(["minzdrav.test"]);
    scope.allowHost("minzdrav.test");
    expect(scope.widened).toEqual(["minzdrav.test"]);
  });
});
