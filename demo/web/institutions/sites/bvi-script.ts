/**
 * A small build of the «Button visually impaired» (bvi) widget that many institution sites embed: the
 * `.bvi-open` link switches the page to large type and high contrast in place (no separate URL), which
 * is why the checker recognises the widget by its script rather than by a link target.
 */
export const BVI_JS = `/*! Button visually impaired (bvi) v2 — сборка для сайта учреждения */
(function (w, d) {
  "use strict";
  function Bvi(options) {
    var o = options || {};
    var size = o.fontSize || 150;
    function apply(on) {
      d.body.classList.toggle("bvi-active", on);
      d.documentElement.style.fontSize = on ? size + "%" : "";
      var imgs = d.querySelectorAll("img");
      for (var i = 0; i < imgs.length; i++) imgs[i].style.display = on ? "none" : "";
      try { w.localStorage.setItem("bvi-panel-active", on ? "true" : "false"); } catch (e) {}
    }
    var links = d.querySelectorAll(".bvi-open");
    for (var j = 0; j < links.length; j++)
      links[j].addEventListener("click", function (ev) { ev.preventDefault(); apply(!d.body.classList.contains("bvi-active")); });
    try { if (w.localStorage.getItem("bvi-panel-active") === "true") apply(true); } catch (e) {}
  }
  w.isvek = { Bvi: Bvi };
})(window, document);
`;

export const BVI_CSS = `.bvi-active { background: #fff !important; color: #000 !important; }
.bvi-active a { color: #00f !important; text-decoration: underline !important; }
.bvi-eye::before { content: "\\1F441"; }
`;
