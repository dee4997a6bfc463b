import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { cardPayload, commonInfoEntry, infoCardHtml, plansPayload, searchPayload } from "./payloads.ts";
import type { BusGovMock, BusGovMockOptions, MockAgency } from "./types.ts";

export type { BusGovMock, BusGovMockOptions, MockAgency } from "./types.ts";

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  type = "application/json;charset=UTF-8",
): void {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  res.writeHead(status, { "content-type": type, "content-length": Buffer.byteLength(text) });
  res.end(text);
}

/**
 * A local stand-in for bus.gov.ru on 127.0.0.1 (ephemeral port): the JSON endpoints the client calls,
 * at the real paths, plus the human info card. Unknown paths answer 404.
 */
export async function startBusGovMock(
  data: MockAgency[],
  options: BusGovMockOptions = {},
): Promise<BusGovMock> {
  const byId = new Map(data.map((a) => [a.id, a]));
  const requests: BusGovMock["requests"] = [];
  let toFail = options.failFirst ?? 0;

  const server = createServer((req, res) => {
    requests.push({ path: req.url ?? "/", at: Date.now() });
    const answer = () => {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      const q = url.searchParams;
      if (toFail > 0) {
        toFail--;
        return send(
          res,
          503,
          "<html><body>Сервис временно недоступен</body></html>",
          "text/html;charset=UTF-8",
        );
      }
      switch (url.pathname) {
        case "/public-rest/api/agency/extendedSearchAgencyNew":
          return send(res, 200, searchPayload(data, q.get("searchString") ?? ""));
        case "/public/agency/agency.json": {
          const a = byId.get(q.get("agency") ?? "");
          return a ? send(res, 200, cardPayload(a)) : send(res, 404, { error: "agency not found" });
        }
        case "/public-rating/api/ratingCompare/commonInfo": {
          const map: Record<string, unknown> = {};
          for (const id of q.getAll("compareAgencyIds")) {
            const a = byId.get(id);
            if (a) map[id] = commonInfoEntry(a);
          }
          return send(res, 200, map);
        }
        case "/public-rating/api/improvementPlan/list": {
          const a = byId.get(q.get("agencyId") ?? "");
          return a ? send(res, 200, plansPayload(a)) : send(res, 200, { plans: [] });
        }
      }
      const card = /^\/pub\/info-card\/(\d+)$/.exec(url.pathname);
      const a = card ? byId.get(card[1]!) : undefined;
      if (a) return send(res, 200, infoCardHtml(a), "text/html;charset=UTF-8");
      return send(res, 404, { error: "not found" });
    };
    if (options.latencyMs) setTimeout(answer, options.latencyMs);
    else answer();
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
