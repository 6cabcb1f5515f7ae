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
  /* More or less money is not good or bad news by itself: direction is shown by sign and glyph. */
  --_up: var(--resv-color-up, var(--_text));
  --_down: var(--resv-color-down, var(--_text));
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
:host([view="results"]) .editor-col, :host([view="results"]) .toolbar, :host([view="results"]) .compare, :host([view="results"]) .skip { display: none; }
:host([view="results"]) .columns { grid-template-columns: 1fr; }
/* The results' own width decides how tables and pictures fit (not the element's). */
.results-col { min-width: 0; container-type: inline-size; }
/* Closed editor groups are not laid out until opened or scrolled to. Not the results: their
   paint containment clipped every table and picture wider than its box. */
/* Only the height is remembered: a width remembered from a wide window would hold the editor
   wide after the window narrows (a group off-screen at 1400 px kept the column 534 px at 390). */
.editor-col { min-width: 0; }
details.group { content-visibility: auto; contain-intrinsic-block-size: auto 20rem; }
/* The skip link: always shown where the editor sits above the results; else when focused. */
.skip { display: inline-block; margin: 0 0 .5rem; padding: .6rem .25rem; color: var(--_accent); font-weight: 600; }
@container (min-width: 56.01rem) { .skip:not(:focus) { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; padding: 0; } }
.toolbar { display: flex; flex-wrap: wrap; gap: calc(var(--_space) / 2); margin-bottom: var(--_space); align-items: center; }
.toolbar .actions { display: contents; }
.toolbar .menu-toggle { display: none; }
/* A phone: the file actions fold behind one button, so the answer is a screen nearer. */
@container (max-width: 36rem) {
  .toolbar .menu-toggle { display: block; }
  .toolbar .actions { display: grid; width: 100%; gap: .35rem; }
  .toolbar:not(.open) .actions { display: none; }
  button { min-height: 2.75rem; }
}
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
/* Checkboxes and radios: a 24 px box on a 44 px row the whole label of which is the target. */
input[type=checkbox], input[type=radio] { width: 1.5rem; height: 1.5rem; margin: 0; flex: none; accent-color: var(--_accent); }
.field.checkbox { display: flex; gap: .5rem; align-items: center; min-height: 2.75rem; }
.field.checkbox label { font-weight: 400; flex: 1; padding: .55rem 0; }
input[type=text], textarea, select { font: inherit; width: 100%; box-sizing: border-box; padding: .35rem; border: 1px solid var(--_border); border-radius: var(--_radius); background: var(--_bg); color: var(--_text); }
input[type=range] { width: 100%; accent-color: var(--_accent); }
input[type=file] { font: inherit; max-width: 100%; }
[aria-invalid="true"] { border: 2px solid var(--_error); }
.field-error { color: var(--_error); margin: .2rem 0 0; font-size: .95em; }
.field-error span { display: block; }
.field-error span::before { content: "⚠ "; }
/* A warning beside its field is not an error: its own glyph, in the text colour. */
.field-error span.note { color: var(--_text); }
.field-error span.note::before { content: "ⓘ "; color: var(--_accent); }
.hint { color: var(--_muted); margin: .1rem 0; font-size: .9em; }
fieldset { border: 1px solid var(--_border); border-radius: var(--_radius); margin: calc(var(--_space) * .6) 0 0; padding: .4rem .75rem .75rem; min-width: 0; }
details.item { background: var(--_surface); border: 1px solid var(--_border); border-radius: var(--_radius); margin-top: .5rem; padding: .25rem .75rem; }
details.item > summary { cursor: pointer; font-weight: 600; padding: .2rem 0; }
details.item[open] { padding-bottom: .75rem; }
legend { font-weight: 600; padding: 0 .25rem; }
.check { display: flex; gap: .5rem; align-items: center; min-height: 2.75rem; }
.check label { font-weight: 400; flex: 1; padding: .55rem 0; }
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
/* Each table scrolls in its own region; its first column (the row's name) stays in view. */
.table-wrap { overflow-x: auto; max-width: 100%; margin: 0 0 var(--_space); }
.table-wrap:focus-visible { outline-offset: -3px; }
table { border-collapse: separate; border-spacing: 0; width: 100%; margin: .25rem 0 0; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: 700; font-size: 1.05em; margin: var(--_space) 0 .25rem; }
caption > span { display: inline-block; position: sticky; left: 0; }
th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid var(--_border); vertical-align: top; }
.table-wrap tr > :first-child { position: sticky; left: 0; z-index: 1; background: var(--_bg); }
.table-wrap.scrolls tr > :first-child { box-shadow: inset -1px 0 0 var(--_border); }
@container (max-width: 36rem) {
  th, td { padding: .3rem .4rem; }
  .table-wrap tr > :first-child { min-width: 6.5rem; overflow-wrap: break-word; hyphens: auto; }
}
@container (max-width: 32rem) {
  .summary { grid-template-columns: minmax(0, 1fr); }
  .summary dd { margin-bottom: .3rem; }
  /* Stacked tables never scroll (nothing to measure for focus), so while off-screen they need not
     be laid out: an edit on a phone stays cheap. */
  .stack.table-wrap { overflow: visible; content-visibility: auto; contain-intrinsic-block-size: auto 30rem; }
  /* Up to five columns: one block per row, each value beside its column's name. */
  .stack table, .stack caption, .stack tbody, .stack tfoot { display: block; }
  .stack thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
  .stack tr { display: grid; grid-template-columns: repeat(auto-fill, minmax(9.5rem, 1fr)); column-gap: .75rem; border-bottom: 1px solid var(--_border); padding: .3rem 0; }
  .stack tr > th { grid-column: 1 / -1; }
  .stack tfoot tr { border-top: 2px solid var(--_text); border-bottom: 0; }
  .stack.table-wrap th, .stack.table-wrap td { display: flex; flex-wrap: wrap; justify-content: flex-end; column-gap: .4rem; border: 0; padding: .1rem 0; position: static; min-width: 0; text-align: right; white-space: normal; }
  .stack.table-wrap tbody th, .stack.table-wrap tfoot th { font-weight: 700; text-align: left; justify-content: flex-start; }
  .stack td::before { content: attr(data-label); font-weight: 400; color: var(--_muted); text-align: left; margin-right: auto; }
  .stack td { overflow-wrap: anywhere; }
  .stack td:empty { display: none; }
}
tbody th { font-weight: 400; }
tr.leader th { font-weight: 700; }
.num { text-align: right; white-space: nowrap; }
thead .num { white-space: normal; }
tfoot th, tfoot td { font-weight: 700; border-top: 2px solid var(--_text); }
.statement .table-wrap { max-width: 40rem; }
td.up { color: var(--_up); }
td.down { color: var(--_down); }
.statement { margin: .25rem 0; }
.statement summary { cursor: pointer; }
.statement table { max-width: 40rem; }
/* The statements as the record: header, facts, the recompute line, the signature block. */
.statement-head { margin: .5rem 0; }
.statement-head p { margin: 0; }
.statement-title { font-weight: 700; font-size: 1.15em; }
dl.facts { display: grid; grid-template-columns: minmax(10rem, 16rem) 1fr; gap: .15rem 1rem; margin: .25rem 0 .5rem; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
@container (max-width: 32rem) { dl.facts { grid-template-columns: minmax(0, 1fr); } dl.facts dd { margin-bottom: .3rem; } }
.statement ul.part { padding-left: 1.2rem; margin: .25rem 0; }
.statement .check { font-variant-numeric: tabular-nums; background: var(--_surface); padding: .3rem .5rem; border-left: 3px solid var(--_accent); }
.signature dl { display: grid; grid-template-columns: 8rem minmax(10rem, 24rem); gap: 1.1rem .75rem; margin: .5rem 0 1rem; }
.signature dt { align-self: end; }
.signature dd.sign-line { margin: 0; border-bottom: 1px solid var(--_text); min-height: 1.6rem; }
.print-only { display: none; }
ul.warnings { padding-left: 1.2rem; }
figure { margin: var(--_space) 0 0; }
figure h3 { display: block; margin-bottom: .5rem; }
/* The Sankey is drawn at its figure's width in px (results.js): never scaled, so 13 px text stays 13 px. */
figure.sankey { min-width: 0; overflow-x: auto; }
figure.sankey svg { display: block; max-width: none; }
figure svg text { font: 13px var(--_font); fill: var(--_text); }
.node { fill: var(--_text); }
.node.resv { fill: var(--_accent); }
.link { fill-opacity: .4; }
.link.zvw { fill: var(--_zvw); }
.link.municipal { fill: var(--_municipal); }
.link.subcontract { fill: var(--_subcontract); }
.link.kept { fill: var(--_kept); }
.resv-label { fill: var(--_accent-text) !important; font-weight: 700; }
/* The MDZ bars: label | track | value. A bar's width is its share of the track, so two bars of
   a pair are to one scale; the value has its own column and never squeezes a bar. */
dl.bars { display: grid; grid-template-columns: minmax(8rem, 16rem) minmax(6rem, 1fr) max-content; gap: .35rem .75rem; align-items: center; margin: .5rem 0 var(--_space); }
dl.bars dt { font-size: .9em; }
dl.bars dd { margin: 0; }
dd.track { position: relative; height: 1rem; border-left: 1px solid var(--_text); }
.bar { position: absolute; left: 0; top: 0; bottom: 0; background: var(--_accent); }
.bar.fair, .bar.framework { background: repeating-linear-gradient(45deg, #5d5d68, #5d5d68 3px, #9b9ba6 3px, #9b9ba6 6px); }
.mark { position: absolute; top: -.3rem; bottom: -.3rem; border-left: 2px solid var(--_text); margin-left: -1px; }
.value { white-space: nowrap; font-size: .9em; text-align: right; }
@container (max-width: 36rem) {
  dl.bars { grid-template-columns: minmax(0, 1fr) max-content; row-gap: .15rem; }
  dl.bars dt { grid-column: 1 / -1; margin-top: .35rem; }
}
@media (forced-colors: active) { .bar { background: CanvasText !important; } .mark { border-color: Highlight; } }
.compare-caption { font-weight: 600; }
@media print {
  @page { size: A4; margin: 14mm 13mm 16mm; }
  :host { color: #000; background: #fff; font-size: 10pt; line-height: 1.35; }
  .editor-col, .toolbar, .skip, .no-print, .notice, .sankey, .mdz, .compare, button, input, select, textarea { display: none !important; }
  .columns, .results-col { display: block; }
  /* One statement: only it (an insurer's or a municipality's). */
  /* A result kept from the last valid input says so on paper too. */
  :host([printing]) .results-col > *:not(.result):not(.stale-note) { display: none !important; }
  :host([printing]) .result > *:not(#statements):not(#council) { display: none !important; }
  :host([printing]) .result > section:not(:has(.statement.printing)) { display: none !important; }
  :host([printing]) #statements > h3, :host([printing]) #council > h3, :host([printing]) .statement:not(.printing) { display: none !important; }
  :host([printing]) .statement.printing > summary { display: none; }
  /* The whole report: every table, each section on a new page; a closed statement is left out. */
  :host(:not([printing])) .statement:not([open]) { display: none; }
  :host(:not([printing])) .result > section:has(> .statements):not(:has(.statement[open])) { display: none; }
  /* A folded list (who funds a subcontract) is printed unfolded. */
  details:not(.statement)::details-content { display: block; content-visibility: visible; }
  details:not(.statement) > summary { list-style: none; }
  :host(:not([printing])) .result > section, :host(:not([printing])) .part-start, :host(:not([printing])) .statement[open] + .statement[open] { break-before: page; }
  .statement[open] > summary { list-style: none; font-weight: 700; }
  .print-only { display: block; }
  h4 { break-after: avoid; margin-top: .8em; }
  dl.facts { grid-template-columns: 42mm 1fr; }
  .statement .table-wrap, .statement table { max-width: none; }
  .table-wrap { overflow: visible; break-inside: avoid; }
  table { width: 100%; }
  caption { break-after: avoid; }
  th, td { padding: 2px 5px; overflow-wrap: break-word; }
  /* A wide table shrinks its type rather than being cut off at the page edge. */
  .table-wrap:has(thead th:nth-child(7)) table { font-size: 7.5pt; }
  .table-wrap:has(thead th:nth-child(5)):not(:has(thead th:nth-child(7))) table { font-size: 8.5pt; }
  .table-wrap tr > :first-child, caption > span { position: static; box-shadow: none; }
  .signature { break-inside: avoid; }
  .check { border-left-color: #000; background: none; padding-left: 0; }
}
`;
