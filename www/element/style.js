// The element's styles, adopted into its shadow root (a constructed stylesheet, so a strict
// `style-src 'self'` CSP allows it). Every colour, font and spacing is a design token: a CSS
// custom property the embedding page may set on `resv-calculator` (our own neutral tokens,
// named like NL Design System tokens, no government or city brand).
export const CSS = `
:host {
  --_text: var(--resv-color-text, #1b1b1f);
  --_muted: var(--resv-color-muted, #4a4a55);
  --_bg: var(--resv-color-bg, #ffffff);
  --_surface: var(--resv-color-surface, #f4f4f6);
  --_border: var(--resv-color-border, #8a8a96);
  --_accent: var(--resv-color-accent, #1f4e8c);
  --_accent-text: var(--resv-color-accent-text, #ffffff);
  --_error: var(--resv-color-error, #a4161a);
  --_focus: var(--resv-color-focus, #1f4e8c);
  --_up: var(--resv-color-up, #7a2e00);
  --_down: var(--resv-color-down, #1d5c2e);
  --_zvw: var(--resv-chart-zvw, #1f4e8c);
  --_municipal: var(--resv-chart-municipal, #7a4d00);
  --_subcontract: var(--resv-chart-subcontract, #2b6b3a);
  --_kept: var(--resv-chart-kept, #555560);
  --_font: var(--resv-font-family, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif);
  --_size: var(--resv-font-size, 1rem);
  --_space: var(--resv-space, 1rem);
  --_radius: var(--resv-radius, 4px);
  display: block; container-type: inline-size; font-family: var(--_font); font-size: var(--_size);
  color: var(--_text); background: var(--_bg); line-height: 1.5;
}
[hidden] { display: none !important; }
h2 { font-size: 1.3em; margin: 0 0 calc(var(--_space) / 2); }
h3 { font-size: 1.1em; margin: 0; display: inline; }
h4 { font-size: 1em; margin: var(--_space) 0 0; }
.columns { display: grid; grid-template-columns: minmax(19rem, 2fr) 3fr; gap: calc(var(--_space) * 2); align-items: start; }
@container (max-width: 56rem) { .columns { grid-template-columns: 1fr; } }
:host([view="results"]) .editor-col, :host([view="results"]) .toolbar, :host([view="results"]) .compare { display: none; }
:host([view="results"]) .columns { grid-template-columns: 1fr; }
.results-col { min-width: 0; }
/* Off-screen parts are not laid out or painted until scrolled to: an edit re-renders in a frame. */
.result > *, details.group { content-visibility: auto; contain-intrinsic-size: auto 20rem; }
.toolbar { display: flex; flex-wrap: wrap; gap: calc(var(--_space) / 2); margin-bottom: var(--_space); align-items: center; }
.notice { margin: 0 0 var(--_space); padding: calc(var(--_space) / 2); background: var(--_surface); border-left: 4px solid var(--_accent); }
.notice:empty { display: none; }
.share { width: 100%; }
button { font: inherit; padding: .35rem .8rem; border: 1px solid var(--_accent); border-radius: var(--_radius); background: var(--_bg); color: var(--_accent); cursor: pointer; min-height: 2rem; }
button.primary { background: var(--_accent); color: var(--_accent-text); }
button:hover { background: var(--_surface); }
button.primary:hover { background: var(--_accent); text-decoration: underline; }
:focus-visible { outline: 3px solid var(--_focus); outline-offset: 2px; }
details.group { border-top: 1px solid var(--_border); padding: calc(var(--_space) / 2) 0; }
details.group > summary { cursor: pointer; padding: .25rem 0; }
.field { margin-top: calc(var(--_space) * .6); }
.field label, .split > label { display: block; font-weight: 600; }
.field.checkbox { display: flex; gap: .5rem; align-items: baseline; }
.field.checkbox label { font-weight: 400; }
input[type=text], textarea, select { font: inherit; width: 100%; box-sizing: border-box; padding: .35rem; border: 1px solid var(--_border); border-radius: var(--_radius); background: var(--_bg); color: var(--_text); }
input[type=range] { width: 100%; accent-color: var(--_accent); }
input[type=file] { font: inherit; max-width: 100%; }
[aria-invalid="true"] { border: 2px solid var(--_error); }
.field-error { color: var(--_error); margin: .2rem 0 0; font-size: .95em; }
.field-error span { display: block; }
.field-error span::before { content: "⚠ "; }
.hint { color: var(--_muted); margin: .1rem 0; font-size: .9em; }
fieldset { border: 1px solid var(--_border); border-radius: var(--_radius); margin: calc(var(--_space) * .6) 0 0; padding: .4rem .75rem .75rem; min-width: 0; }
details.item { background: var(--_surface); border: 1px solid var(--_border); border-radius: var(--_radius); margin-top: .5rem; padding: .25rem .75rem; }
details.item > summary { cursor: pointer; font-weight: 600; padding: .2rem 0; }
details.item[open] { padding-bottom: .75rem; }
legend { font-weight: 600; padding: 0 .25rem; }
.check { display: flex; gap: .5rem; align-items: baseline; }
.check label { font-weight: 400; }
.split-exact { display: grid; grid-template-columns: repeat(3, 1fr); gap: .5rem; }
button.remove { margin-top: .6rem; border-color: var(--_error); color: var(--_error); }
button.add { margin-top: .6rem; }
.problems { color: var(--_error); border: 2px solid var(--_error); border-radius: var(--_radius); padding: .25rem .75rem; margin-bottom: var(--_space); }
.stale-note { color: var(--_error); font-weight: 600; }
.stale .result { border-left: 4px dashed var(--_error); padding-left: .75rem; }
progress { width: 100%; }
.summary { display: grid; grid-template-columns: auto 1fr; gap: .2rem 1rem; margin: 0 0 var(--_space); }
.summary dt { font-weight: 600; }
.summary dd { margin: 0; }
.table-wrap.scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; margin: .25rem 0 var(--_space); font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: 700; font-size: 1.05em; margin: var(--_space) 0 .25rem; }
th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid var(--_border); vertical-align: top; }
tbody th { font-weight: 400; }
tr.leader th { font-weight: 700; }
.num { text-align: right; white-space: nowrap; }
tfoot th, tfoot td { font-weight: 700; border-top: 2px solid var(--_text); }
td.up { color: var(--_up); }
td.down { color: var(--_down); }
.statement { margin: .25rem 0; }
.statement summary { cursor: pointer; }
.statement table { max-width: 24rem; }
.print-only { display: none; }
ul.warnings { padding-left: 1.2rem; }
figure { margin: var(--_space) 0 0; }
figure h3 { display: block; margin-bottom: .5rem; }
figure svg { width: 100%; height: auto; max-height: 24rem; }
figure svg text { font: 13px var(--_font); fill: var(--_text); }
.node { fill: var(--_text); }
.node.resv { fill: var(--_accent); }
.link { fill: none; stroke-opacity: .4; }
.link.zvw { stroke: var(--_zvw); }
.link.municipal { stroke: var(--_municipal); }
.link.subcontract { stroke: var(--_subcontract); }
.link.kept { stroke: var(--_kept); }
.resv-label { fill: var(--_accent-text) !important; font-weight: 700; }
dl.bars { display: grid; grid-template-columns: minmax(10rem, 16rem) 1fr; gap: .25rem .75rem; align-items: center; margin: .5rem 0; }
dl.bars dt { font-size: .9em; }
dl.bars dd { margin: 0; display: flex; align-items: center; gap: .5rem; }
.bar { display: inline-block; height: .9rem; background: var(--_accent); }
.bar.fair, .bar.framework { background: repeating-linear-gradient(45deg, #5d5d68, #5d5d68 3px, #9b9ba6 3px, #9b9ba6 6px); }
.value { white-space: nowrap; font-size: .9em; }
.compare-caption { font-weight: 600; }
@media print {
  :host { color: #000; background: #fff; }
  .editor-col, .toolbar, .no-print, .notice, .sankey, .mdz, .compare { display: none !important; }
  .columns { display: block; }
  :host([printing]) .results-col > *:not(.result) { display: none !important; }
  :host([printing]) .result > *:not(#statements) { display: none !important; }
  :host([printing]) #statements > h3, :host([printing]) .statement:not(.printing) { display: none !important; }
  .statement.printing summary { font-size: 1.3em; font-weight: 700; list-style: none; }
  .statement.printing .print-only { display: block; }
  table { page-break-inside: avoid; }
}
`;
