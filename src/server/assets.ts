import { REPORT_CSS } from "../index.ts";

/** The dashboard's only static files: one stylesheet (the report's plus a few layout rules) and one small script. */

const DASHBOARD_CSS = `
form.dispute{display:grid;grid-template-columns:minmax(0,1fr);gap:6px;max-width:760px;margin:8px 0 16px;background:#f4f7fb;border:1px solid #d5e0ee;padding:10px 14px}
form.dispute select,form.dispute input{max-width:100%}
form.dispute label{display:flex;flex-direction:column;gap:2px}
form.dispute button{justify-self:start}
header.top{background:#1f4e79;color:#fff}
header.top nav{max-width:1200px;margin:0 auto;padding:8px 24px;display:flex;gap:18px;align-items:baseline;flex-wrap:wrap}
header.top a{color:#fff;text-decoration:none;font-weight:600}
header.top a.on{text-decoration:underline}
header.top .brand{font-size:16px;margin-right:12px}
form.filters,form.check{display:flex;gap:12px;flex-wrap:wrap;align-items:flex-end;margin:10px 0;background:#f4f7fb;border:1px solid #d5e0ee;padding:10px 14px}
form.check{flex-direction:column;align-items:stretch;max-width:640px}
form label{display:flex;flex-direction:column;gap:3px;font-size:13px;color:#333}
form input[type=url],form input[type=text],form select{font:inherit;padding:5px 7px;border:1px solid #9aa9bb;border-radius:3px;min-width:220px}
form button{font:inherit;font-weight:600;padding:6px 16px;background:#1f4e79;color:#fff;border:0;border-radius:3px;cursor:pointer}
form .hint{font-size:12px;color:#666}
.error{background:#ffc7ce;color:#9c0006;border:1px solid #e8a0a8;padding:8px 12px;margin:10px 0}
.ok{background:#c6efce;color:#0b5a1e;border:1px solid #9fd3a9;padding:8px 12px;margin:10px 0}
.tiles{display:grid;grid-template-columns:repeat(auto-fill,minmax(122px,1fr));gap:4px;margin:4px 0 12px}
a.tile{display:flex;flex-direction:column;justify-content:space-between;min-height:58px;padding:4px 6px;border-radius:3px;text-decoration:none;border:1px solid rgba(0,0,0,.08);word-break:normal}
a.tile:hover,a.tile:focus{outline:2px solid #1f4e79}
a.tile .code{font-size:11px;opacity:.8}
a.tile .name{font-size:12px;font-weight:600;line-height:1.2;overflow-wrap:anywhere;hyphens:auto}
a.tile .val{font-size:12px;font-weight:700}
a.tile.none{background:#fafafa;color:#888;border-style:dashed}
h3.district{margin:12px 0 2px;font-size:14px;color:#1f4e79}
table.trend td.spark{width:130px;padding:2px 4px}
svg.spark{display:block}
svg.spark polyline{fill:none;stroke:#1f4e79;stroke-width:1.5}
svg.spark circle{fill:#1f4e79}
.delta-up{color:#0b5a1e;font-weight:600}.delta-down{color:#9c0006;font-weight:600}
progress{width:100%;max-width:480px;height:16px}
dl.progress{display:grid;grid-template-columns:max-content 1fr;gap:2px 14px}
dl.progress dt{color:#555}dl.progress dd{margin:0;word-break:break-all}
pre.snapshot{white-space:pre-wrap;word-break:break-word;background:#fafafa;border:1px solid #ddd;padding:10px;font-size:13px;max-height:none}
.downloads a{margin-right:12px}
a.snap{word-break:normal;white-space:nowrap}
`;

export const DASHBOARD_STYLESHEET = `${REPORT_CSS}\n${DASHBOARD_CSS}`;

/**
 * Live progress of a self-check: polls `/api/checks/:id` and fills the page's `data-field` elements
 * (textContent only); reloads into the result page when the check ends. Without JavaScript the page refreshes
 * itself (`<noscript><meta http-equiv="refresh">`).
 */
export const DASHBOARD_SCRIPT = `(function () {
  var root = document.querySelector("[data-check-id]");
  if (!root) return;
  var id = root.getAttribute("data-check-id");
  function set(name, value) {
    var nodes = root.querySelectorAll('[data-field="' + name + '"]');
    for (var i = 0; i < nodes.length; i++) nodes[i].textContent = value == null ? "—" : String(value);
  }
  function tick() {
    fetch("/api/checks/" + encodeURIComponent(id), { headers: { accept: "application/json" } })
      .then(function (r) { return r.json(); })
      .then(function (job) {
        if (job.state === "done" || job.state === "failed") { location.reload(); return; }
        set("state", job.stateLabel);
        set("position", job.position);
        var p = job.progress || {};
        set("pages", p.pages || 0);
        set("documents", p.documents || 0);
        set("errors", p.errors || 0);
        set("decided", (p.decided || 0) + " из " + (p.rules || "—"));
        set("lastUrl", p.lastUrl || "—");
        var bar = root.querySelector("progress");
        if (bar && p.rules) { bar.max = p.rules; bar.value = p.decided || 0; }
        var pos = root.querySelector("[data-when=queued]");
        if (pos) pos.hidden = job.state !== "queued";
        setTimeout(tick, 1000);
      })
      .catch(function () { setTimeout(tick, 3000); });
  }
  setTimeout(tick, 1000);
})();
`;
