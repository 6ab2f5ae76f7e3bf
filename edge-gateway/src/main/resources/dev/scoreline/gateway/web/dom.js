// Element helpers and the one way the page turns data into markup.

export const $ = (selector, root = document) => root.querySelector(selector);

/** An element whose text is set as text: it is never parsed as markup. */
export function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = String(text);
  return node;
}

const ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

// Only html`` makes one, so a value of this class is markup the page wrote itself, with every
// interpolated value already escaped.
class Markup {
  constructor(text) {
    this.text = text;
  }

  toString() {
    return this.text;
  }
}

function interpolate(value) {
  if (value instanceof Markup) return value.text;
  if (Array.isArray(value)) return value.map(interpolate).join("");
  return String(value ?? "").replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/**
 * A tagged template: every `${value}` is escaped (quotes too, so it is safe inside an attribute)
 * unless it is itself an html`` result; an array interpolates as its items, each by that rule;
 * null and undefined as nothing. Markup therefore has to be written out in a template to be
 * markup: a data value cannot become one by forgetting to escape it.
 */
export function html(strings, ...values) {
  let text = strings[0];
  values.forEach((value, i) => {
    text += interpolate(value) + strings[i + 1];
  });
  return new Markup(text);
}

/** The items with the separator between them, as one html`` result. */
export function joined(items, separator) {
  return html`${items.flatMap((item, i) => (i === 0 ? [item] : [separator, item]))}`;
}

// Refusing a plain string keeps the rule checkable: data reaches innerHTML only through html``.
export function setHtml(node, markup) {
  if (!(markup instanceof Markup)) {
    throw new TypeError("setHtml takes an html`` result, not a string");
  }
  node.innerHTML = markup.text;
}
