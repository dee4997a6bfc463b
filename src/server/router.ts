/** A route table: method + path pattern (`/region/:code`) → handler with decoded parameters. */
import type { IncomingMessage, ServerResponse } from "node:http";

export interface RequestContext {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  params: Record<string, string>;
}

export type Handler = (ctx: RequestContext) => Promise<void> | void;

interface Route {
  method: string;
  pattern: RegExp;
  names: string[];
  handler: Handler;
}

export interface Match {
  handler: Handler;
  params: Record<string, string>;
}

export class Router {
  private readonly routes: Route[] = [];

  on(method: "GET" | "POST", path: string, handler: Handler): this {
    const names: string[] = [];
    const source = path
      .split("/")
      .map((part) => {
        if (!part.startsWith(":")) return part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
        names.push(part.slice(1));
        return "([^/]+)";
      })
      .join("/");
    this.routes.push({ method, pattern: new RegExp(`^${source}$`), names, handler });
    return this;
  }

  /**
   * The handler for a request; `"method"` when the path exists under another method (405), null when no route
   * matches (404). HEAD is answered as GET (node leaves the body out).
   */
  match(method: string, pathname: string): Match | "method" | null {
    const wanted = method === "HEAD" ? "GET" : method;
    let otherMethod = false;
    for (const route of this.routes) {
      const m = route.pattern.exec(pathname);
      if (!m) continue;
      if (route.method !== wanted) {
        otherMethod = true;
        continue;
      }
      const params: Record<string, string> = {};
      let bad = false;
      route.names.forEach((name, i) => {
        try {
          params[name] = decodeURIComponent(m[i + 1]!);
        } catch {
          bad = true;
        }
      });
      if (bad) return null;
      return { handler: route.handler, params };
    }
    return otherMethod ? "method" : null;
  }
}
