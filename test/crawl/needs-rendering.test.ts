import { describe, expect, it } from "vitest";
import { needsRendering } from "../../src/crawl/browser/needs-rendering.ts";
import { extractHtml } from "../../src/extract/html.ts";

const links = (n: number) => Array.from({ length: n }, (_, i) => `<a href="/p${i}">Раздел ${i}</a>`).join("");
const text = (n: number) => "Текст страницы. ".repeat(Math.ceil(n / 16));

/** Joomla's e-mail cloaking, as its content plugin writes it. */
const JOOMLA_CLOAK = `<body>${links(12)}<p>${text(600)}</p>
<p>Электронная почта: <span id="cloak4f1c2a">Этот адрес электронной почты защищён от спам-ботов. У вас должен быть включен JavaScript для просмотра.</span>
<script type="text/javascript">
  document.getElementById('cloak4f1c2a').innerHTML = '';
  var prefix = '&#109;a' + 'i&#108;' + '&#116;o';
  var addy4f1c2a = 'nok' + '&#64;' + 'minsoc' + '&#46;' + 'ru';
  document.getElementById('cloak4f1c2a').innerHTML += '<a ' + 'href=' + prefix + ':' + addy4f1c2a + '>' + addy4f1c2a + '<\\/a>';
</script></p></body>`;

const CF_EMAIL = `<body>${links(12)}<p>${text(600)}</p><a href="/cdn-cgi/l/email-protection" class="__cf_email__" data-cfemail="1a2b">[email&#160;protected]</a><script src="/cdn-cgi/scripts/5c5dd728/cloudflare-static/email-decode.min.js"></script></body>`;

const DOCUMENT_WRITE = `<body>${links(12)}<p>${text(600)}</p><script>document.write('<a href="mailto:' + 'priem' + '@' + 'school5.ru">почта</a>')</script></body>`;

const cases: [string, string, boolean][] = [
  ["Joomla cloak", JOOMLA_CLOAK, true],
  ["Cloudflare email protection", CF_EMAIL, true],
  ["document.write of a mailto", DOCUMENT_WRITE, true],
  [
    "a cloak beside a readable address",
    JOOMLA_CLOAK.replace(
      "<p>Электронная",
      '<p><a href="mailto:info@minsoc.ru">info@minsoc.ru</a> Электронная',
    ),
    false,
  ],
  [
    "an SPA shell with an empty body",
    `<body><div id="root"></div><script src="/main.js"></script></body>`,
    true,
  ],
  ["an ordinary page", `<body>${links(20)}${text(600)}<script src="/jquery.js"></script></body>`, false],
];

describe("one heuristic for pages that need a browser", () => {
  it.each(cases)("%s", (_name, html, expected) => {
    const verdict = needsRendering(html);
    expect(verdict.render).toBe(expected);
    // The extract stage's flag is the same decision, never a second opinion.
    expect(extractHtml(`<html>${html}</html>`, "https://a.ru/", "https://a.ru/").scriptShell).toBe(expected);
  });

  it("names e-mail cloaking as the reason", () => {
    expect(needsRendering(JOOMLA_CLOAK).reason).toContain("e-mail");
  });
});
