// The few DOM helpers every view of <resv-calculator> builds with. Text from data is always set
// as text (never markup), so an insurer called `<img src=x onerror=alert(1)>` shows as exactly that.

/** An element with optional text and class. */
export function el(tag, text, cls) {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (cls) e.className = cls;
  return e;
}

/** A `<button type="button">` that runs `run` when clicked. */
export function button(label, run, cls) {
  const b = el("button", label, cls);
  b.type = "button";
  b.addEventListener("click", run);
  return b;
}

const SVG = "http://www.w3.org/2000/svg";
/** An SVG element with attributes and optional text. */
export function svgEl(tag, attrs = {}, text) {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}
