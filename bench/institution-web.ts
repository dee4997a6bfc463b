/**
 * A synthetic registry's web for the scale measurement: N small institution sites on one local server, told
 * apart by their host name (`i123.inst.test`, resolved to 127.0.0.1 by the crawler's static lookup), so ten
 * thousand hosts need one port. Each site is like a small school or clinic site: a home page with a menu, a
 * «Сведения об организации» page, a «Независимая оценка качества» page with the rating link and results, and
 * contacts; no robots.txt, no sitemap (404).
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export const INSTITUTION_DOMAIN = "inst.test";

export function institutionHost(i: number): string {
  return `i${i}.${INSTITUTION_DOMAIN}`;
}

const shell = (
  i: number,
  title: string,
  main: string,
) => `<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8">
<title>${title} — ГБУ «Центр социального обслуживания № ${i}»</title></head><body>
<header><div class="logo">ГБУ «Центр социального обслуживания № ${i}»</div><nav><ul>
<li><a href="/">Главная</a></li><li><a href="/sveden/">Сведения об организации</a></li>
<li><a href="/nok/">Независимая оценка качества</a></li><li><a href="/contacts/">Контакты</a></li></ul></nav></header>
<main><h1>${title}</h1>${main}</main>
<footer><p>Телефон: +7 (800) 100-${String(i % 100).padStart(2, "0")}-${String(i % 97).padStart(2, "0")}, e-mail: info${i}@${INSTITUTION_DOMAIN}</p></footer></body></html>`;

export function institutionPage(i: number, path: string): string | null {
  switch (path) {
    case "/":
      return shell(
        i,
        "Главная",
        `<p>Учреждение оказывает социальные услуги в стационарной и полустационарной форме.</p>
<ul><li><a href="/news/">Новости учреждения</a></li></ul>`,
      );
    case "/sveden/":
      return shell(
        i,
        "Сведения об организации",
        "<p>Учредитель: министерство социальной защиты населения области. Режим работы: ежедневно с 8:00 до 20:00.</p>",
      );
    case "/nok/":
      return shell(
        i,
        "Независимая оценка качества условий оказания услуг",
        `<p>В 2025 году проведена независимая оценка качества условий оказания услуг учреждением. Итоговый балл — 92,4.</p>
<p><a href="https://bus.gov.ru/qrcode/rate/${100_000 + i}">Оценить качество условий оказания услуг на bus.gov.ru</a></p>
<p>План по устранению недостатков, выявленных в ходе независимой оценки качества условий оказания услуг, на 2026 год утверждён приказом от 15.01.2026 № 12.</p>`,
      );
    case "/contacts/":
      return shell(i, "Контакты", "<p>Адрес: ул. Центральная, д. 1.</p>");
    case "/news/":
      return shell(i, "Новости", "<p>Новостей пока нет.</p>");
    default:
      return null;
  }
}

export interface InstitutionWeb {
  port: number;
  close(): Promise<void>;
}

/** One server for every institution: the Host header names the site. `latencyMs` delays each answer. */
export async function startInstitutionWeb(latencyMs = 0): Promise<InstitutionWeb> {
  const server: Server = createServer((req, res) => {
    const host = (req.headers.host ?? "").split(":")[0] ?? "";
    const m = /^i(\d+)\./.exec(host);
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    const answer = () => {
      const body = m ? institutionPage(Number(m[1]), path) : null;
      if (body === null) {
        res.writeHead(404, { "content-type": "text/plain" }).end("not found");
        return;
      }
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(body);
    };
    if (latencyMs > 0) setTimeout(answer, latencyMs);
    else answer();
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
