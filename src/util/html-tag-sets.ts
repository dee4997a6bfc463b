/**
 * The HTML spec's tag categories parse-html.ts's watcher needs to tell where parse5 and htmlparser2 build
 * different trees.
 */

export const FORMATTING = new Set([
  "a",
  "b",
  "big",
  "code",
  "em",
  "font",
  "i",
  "nobr",
  "s",
  "small",
  "strike",
  "strong",
  "tt",
  "u",
]);

/** The HTML spec's "special" category (HTML namespace). */
export const SPECIAL = new Set(
  (
    "address applet area article aside base basefont bgsound blockquote body br button caption center col colgroup " +
    "dd details dir div dl dt embed fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head " +
    "header hgroup hr html iframe img input keygen li link listing main marquee menu meta nav noembed noframes " +
    "noscript object ol p param plaintext pre script search section select source style summary table tbody td " +
    "template textarea tfoot th thead title tr track ul wbr xmp"
  ).split(" "),
);

/** Elements that bound "has an element in scope" (and button scope adds button). */
export const SCOPE_BOUNDARY = new Set([
  "applet",
  "caption",
  "html",
  "table",
  "td",
  "th",
  "marquee",
  "object",
  "template",
]);

/** Start tags before which parse5 closes an open <p> in button scope. */
export const CLOSES_P = new Set(
  (
    "address article aside blockquote center details dialog dir div dl fieldset figcaption figure footer form h1 " +
    "h2 h3 h4 h5 h6 header hgroup hr li dd dt listing main menu nav ol p plaintext pre search section summary " +
    "table ul xmp"
  ).split(" "),
);

export const HEADINGS = new Set(["h1", "h2", "h3", "h4", "h5", "h6"]);
export const TABLE_PARTS = new Set([
  "caption",
  "colgroup",
  "col",
  "tbody",
  "thead",
  "tfoot",
  "tr",
  "td",
  "th",
]);
export const TABLE_CONTAINERS = new Set(["table", "tbody", "thead", "tfoot", "tr"]);
/** What parse5 inserts in place under table/tbody/thead/tfoot/tr (anything else is moved before the table). */
export const TABLE_CHILDREN: Record<string, Set<string>> = {
  table: new Set(["caption", "colgroup", "tbody", "thead", "tfoot", "tr", "script", "style"]),
  tbody: new Set(["tr", "script", "style"]),
  thead: new Set(["tr", "script", "style"]),
  tfoot: new Set(["tr", "script", "style"]),
  tr: new Set(["td", "th", "script", "style"]),
};
export const HEAD_CONTENT = new Set([
  "html",
  "head",
  "title",
  "meta",
  "link",
  "script",
  "style",
  "base",
  "noscript",
]);
/** parse5 reads these elements' content as text, or treats them in ways htmlparser2 does not imitate. */
export const EXOTIC = new Set([
  "plaintext",
  "xmp",
  "noembed",
  "noframes",
  "frameset",
  "frame",
  "image",
  "isindex",
  "template",
  "math",
  // RCDATA in parse5 (entities decoded); htmlparser2 leaves them as written.
  "textarea",
  // parse5's column-group and caption modes.
  "colgroup",
  "caption",
]);
/** HTML elements that break out of an <svg> in parse5. */
export const SVG_BREAKOUT = new Set(
  (
    "b big blockquote body br center code dd div dl dt em embed h1 h2 h3 h4 h5 h6 head hr i img li listing menu " +
    "meta nobr ol p pre ruby s small span strong strike sub sup table tt u ul var font"
  ).split(" "),
);
/** Elements htmlparser2 reads as raw text or closes by HTML rules even inside an <svg>. */
export const SVG_UNSAFE = new Set([
  ...[
    "noscript",
    "script",
    "iframe",
    "textarea",
    "xmp",
    "noembed",
    "noframes",
    "option",
    "optgroup",
    "select",
  ],
  // Void in HTML, ordinary elements in an <svg> for parse5.
  ...[
    "input",
    "button",
    "form",
    "link",
    "area",
    "base",
    "basefont",
    "col",
    "keygen",
    "param",
    "source",
    "track",
  ],
  ...["wbr", "frame", "isindex", "command"],
]);
/** Raw-text containers in parse5: an element opened inside one would be text there. */
export const RAW_TEXT = new Set(["iframe", "noembed", "noframes", "xmp"]);

/** HTML's whitespace (not JavaScript's, which counts a no-break space). */
export const isBlank = (text: string): boolean => !/[^ \t\n\f\r]/.test(text);
/** Start tags after which htmlparser2 closes an open form control (its `formTags`). */
export const FORM_OPENERS = new Set(["select", "input", "output", "button", "datalist", "textarea"]);
/** Elements whose `/>` parse5 ignores while their content is raw text to the end tag. */
export const RAW_CONTENT = new Set([
  "title",
  "style",
  "script",
  "textarea",
  "xmp",
  "iframe",
  "noembed",
  "noframes",
  "noscript",
]);

export const SELECT_PARTS = new Set(["select", "option", "optgroup"]);
export const LI = new Set(["li"]);
export const TABLE_SECTIONS = new Set(["tbody", "thead", "tfoot", "caption", "colgroup"]);
export const TABLE_ENDS = new Set(["table", "tbody", "thead", "tfoot", "tr", "td", "th", "caption"]);
export const IN_SELECT = new Set(["option", "optgroup", "hr", "script"]);
export const DDT = new Set(["dd", "dt"]);
/**
 * htmlparser2's own void list (it closes these at once), not the spec's that extract/nesting-cap.ts uses:
 * the watcher must know which implied ends htmlparser2 reports, so the two lists differ on purpose.
 */
export const VOID = new Set([
  "area",
  "base",
  "basefont",
  "br",
  "col",
  "command",
  "embed",
  "frame",
  "hr",
  "img",
  "input",
  "isindex",
  "keygen",
  "link",
  "meta",
  "param",
  "source",
  "track",
  "wbr",
]);
