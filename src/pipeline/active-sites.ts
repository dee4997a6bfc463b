/**
 * The sites in flight of a national run, for its progress events (one per page read): their pages and errors
 * are kept as running totals, and the list of their URLs is rebuilt only when a site starts or ends. Summing
 * over every site in flight per event cost O(sites in flight) per page — hundreds under the host scheduler.
 */
export class ActiveSites {
  private readonly sites = new Map<string, { url: string; pages: number; errors: number }>();
  private urlList: readonly string[] | null = null;
  /** Pages read so far by the sites in flight. */
  pages = 0;
  /** Page errors so far of the sites in flight. */
  errors = 0;

  start(key: string, url: string): void {
    this.end(key);
    this.sites.set(key, { url, pages: 0, errors: 0 });
    this.urlList = null;
  }

  /** A site's latest counts (they only grow while it runs). */
  report(key: string, url: string, counts: { pages: number; errors: number }): void {
    let site = this.sites.get(key);
    if (!site) {
      this.start(key, url);
      site = this.sites.get(key)!;
    }
    this.pages += counts.pages - site.pages;
    this.errors += counts.errors - site.errors;
    site.pages = counts.pages;
    site.errors = counts.errors;
  }

  end(key: string): void {
    const site = this.sites.get(key);
    if (!site) return;
    this.pages -= site.pages;
    this.errors -= site.errors;
    this.sites.delete(key);
    this.urlList = null;
  }

  /** Start URLs in flight, in start order; one array shared by events until a site starts or ends. */
  urls(): string[] {
    this.urlList ??= [...this.sites.values()].map((s) => s.url);
    return this.urlList as string[];
  }
}
