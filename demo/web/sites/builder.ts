/** What a shape produces: a path → resource table plus where each rule's evidence (and decoys) sit. */
import type { RenderedDoc } from "../docs/render.ts";
import type { DocItem } from "../model.ts";
import type { AuthorityRuleId } from "../rule-ids.ts";

export interface RenderCtx {
  /** The accessible ("for the visually impaired") version was requested and the site really has one. */
  special: boolean;
  /** `http://127.0.0.1:PORT`, for the few resources that need absolute URLs (sitemap, robots). */
  origin: string;
}

export type Resource =
  | { kind: "page"; render(ctx: RenderCtx): string; lastModified?: string; status?: number }
  | { kind: "file"; doc: DocItem; file: RenderedDoc; disposition?: "inline" | "attachment" }
  | { kind: "text"; contentType: string; render(ctx: RenderCtx): string }
  | { kind: "redirect"; location: string; status: 301 | 302 };

/** Transport details of a CMS family. */
export interface ShapeHttp {
  /** `utf-8`, or `windows-1251` for legacy sites (charset then only in the page's meta). */
  charset: "utf-8" | "windows-1251";
  /** Whether the Content-Type header names the charset. */
  charsetInHeader: boolean;
  server: string;
  poweredBy?: string;
  /** Query parameter that requests the accessible version, e.g. ["special", "Y"]. */
  accessibleParam: [name: string, value: string] | null;
  /** Requests for `/dir` are redirected to `/dir/` when only the latter exists. */
  slashRedirects: boolean;
  /** Apache's DirectoryIndex: `/dir/` serves `/dir/index.php` and vice versa. */
  directoryIndex?: string;
  /** HTML pages carry an ETag of their bytes (a CMS page cache); without it only a dated page has a validator. */
  pageEtags?: boolean;
}

export interface SiteBuild {
  http: ShapeHttp;
  resources: Map<string, Resource>;
  notFound: Resource & { kind: "page" };
  evidence: Map<AuthorityRuleId, string[]>;
  decoys: Map<AuthorityRuleId, string[]>;
}

export type DocFiles = (item: DocItem) => RenderedDoc;

export class SiteBuilder {
  readonly resources = new Map<string, Resource>();
  private readonly evidence = new Map<AuthorityRuleId, string[]>();
  private readonly decoys = new Map<AuthorityRuleId, string[]>();

  constructor(private readonly files: DocFiles) {}

  private note(map: Map<AuthorityRuleId, string[]>, rules: readonly AuthorityRuleId[], path: string): void {
    for (const r of rules) {
      const list = map.get(r) ?? [];
      if (!list.includes(path)) list.push(path);
      map.set(r, list);
    }
  }

  page(
    path: string,
    render: (ctx: RenderCtx) => string,
    opts: { rules?: AuthorityRuleId[]; decoys?: AuthorityRuleId[]; lastModified?: string } = {},
  ): string {
    if (this.resources.has(path)) throw new Error(`duplicate demo path ${path}`);
    this.resources.set(path, { kind: "page", render, lastModified: opts.lastModified });
    this.note(this.evidence, opts.rules ?? [], path);
    this.note(this.decoys, opts.decoys ?? [], path);
    return path;
  }

  /** Registers a document at `path` and returns its rendered form (for labels like «PDF, 245 Кб»). */
  file(path: string, doc: DocItem, disposition?: "inline" | "attachment"): RenderedDoc {
    const file = this.files(doc);
    if (!this.resources.has(path)) {
      this.resources.set(path, { kind: "file", doc, file, disposition });
      this.note(this.evidence, doc.rules, path);
      this.note(this.decoys, doc.decoyFor, path);
    }
    return file;
  }

  text(path: string, contentType: string, render: (ctx: RenderCtx) => string): void {
    this.resources.set(path, { kind: "text", contentType, render });
  }

  redirect(from: string, to: string, status: 301 | 302 = 301): void {
    this.resources.set(from, { kind: "redirect", location: to, status });
  }

  /** Marks evidence carried by a page registered elsewhere (e.g. the accessible switch on every page). */
  evidenceAt(rules: AuthorityRuleId[], path: string): void {
    this.note(this.evidence, rules, path);
  }

  /** Marks a page that looks like evidence for rules but must not count (e.g. NOK material outside a section). */
  decoyAt(rules: AuthorityRuleId[], path: string): void {
    this.note(this.decoys, rules, path);
  }

  pagePaths(): string[] {
    return [...this.resources.entries()].filter(([, r]) => r.kind === "page").map(([p]) => p);
  }

  build(http: ShapeHttp, notFound: (ctx: RenderCtx) => string): SiteBuild {
    // Shapes register documents while rendering their listings; one render of every page up front
    // registers them all (and proves every page renders) before the first request arrives.
    for (const r of [...this.resources.values()])
      if (r.kind === "page") r.render({ special: false, origin: "" });
    return {
      http,
      resources: this.resources,
      notFound: { kind: "page", render: notFound, status: 404 },
      evidence: this.evidence,
      decoys: this.decoys,
    };
  }
}

/** `<url>` entries of a sitemap for the given page paths. */
export function sitemapXml(origin: string, paths: string[], lastmod: string): string {
  const urls = paths
    .filter((p) => !p.includes("?"))
    .map((p) => `  <url><loc>${origin}${p}</loc><lastmod>${lastmod}</lastmod></url>`)
    .join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls}\n</urlset>\n`;
}
