// The first page: split an amount over parties with the Wasm core. Dependency-free ES module;
// init() runs once. What the user types is saved in the browser as they type (never sent).
import init, { allocate, version } from "./pkg/resv_calc.js";

const STORE = "resv-calc:allocate-form:v1";
const texts = {
  nl: {
    title: "RESV-rekenhulp: een bedrag exact verdelen",
    intro: "Verdeelt een bedrag naar gewicht (bijvoorbeeld verzekerden per zorgverzekeraar), exact tot op de cent. Alles wordt in uw browser berekend; er wordt niets verstuurd.",
    totalLabel: "Totaalbedrag (euro, met punt als decimaalteken)",
    weightsLabel: "Partijen en gewichten, één per regel: naam;gewicht",
    resultTitle: "Verdeling", party: "Partij", weight: "Gewicht", amount: "Bedrag", sum: "Totaal",
    footer: "Verdeling volgens de methode van de grootste overschotten (Hamilton).",
    stale: "De invoer bevat fouten; de verdeling hieronder hoort bij de laatste geldige invoer.",
    line: "regel", switchTo: "English", switchLabel: "Switch to English",
  },
  en: {
    title: "RESV calculator: split an amount exactly",
    intro: "Splits an amount by weight (for example insured persons per insurer), exact to the cent. Everything is computed in your browser; nothing is sent.",
    totalLabel: "Total amount (euros, with a point as decimal separator)",
    weightsLabel: "Parties and weights, one per line: name;weight",
    resultTitle: "Split", party: "Party", weight: "Weight", amount: "Amount", sum: "Total",
    footer: "Split by the largest remainder method (Hamilton).",
    stale: "The input has errors; the split below belongs to the last valid input.",
    line: "line", switchTo: "Nederlands", switchLabel: "Schakel naar Nederlands",
  },
};

const $ = (id) => document.getElementById(id);
let lang = "nl";

function money(amount) {
  // Format from the exact decimal string: Intl takes strings exactly (no float round trip).
  return new Intl.NumberFormat(lang === "nl" ? "nl-NL" : "en-GB", { style: "currency", currency: "EUR" })
    .format(amount);
}

function parties(text) {
  return text.split(/\r?\n/).filter((l) => l.trim() !== "").map((line) => {
    const at = line.lastIndexOf(";");
    return at < 0 ? { id: line.trim() } : { id: line.slice(0, at).trim(), weight: line.slice(at + 1).trim() };
  });
}

function showErrors(issues) {
  const byField = { total: [], weights: [] };
  for (const issue of issues) {
    const msg = lang === "nl" ? issue.message : issue.messageEn;
    const m = /^weights\[(\d+)\]/.exec(issue.path);
    if (m) byField.weights.push(`${texts[lang].line} ${Number(m[1]) + 1}: ${msg}`);
    else if (issue.path === "weights") byField.weights.push(msg);
    else byField.total.push(msg);
  }
  for (const [field, msgs] of Object.entries(byField)) {
    const p = $(`${field}-error`);
    p.textContent = msgs.join(" · ");
    p.hidden = msgs.length === 0;
    $(field).setAttribute("aria-invalid", String(msgs.length > 0));
  }
  $("stale").hidden = issues.length === 0;
  $("result").classList.toggle("stale", issues.length > 0);
}

function recalculate() {
  const total = $("total").value;
  const list = parties($("weights").value);
  localStorage.setItem(STORE, JSON.stringify({ total, weights: $("weights").value, lang }));
  let parts;
  try {
    parts = allocate(total, list);
  } catch (e) {
    showErrors(e.issues ?? [{ path: "", message: String(e), messageEn: String(e) }]);
    return;
  }
  showErrors([]);
  const body = $("result").tBodies[0];
  body.replaceChildren(...parts.map((part, i) => {
    const tr = document.createElement("tr");
    for (const [text, cls] of [[part.id], [list[i].weight], [money(part.amount), "num"]]) {
      const td = document.createElement("td");
      td.textContent = text; // names are shown as text, never as markup
      if (cls) td.className = cls;
      tr.append(td);
    }
    return tr;
  }));
  $("sum").textContent = money(total);
}

function applyLang() {
  document.documentElement.lang = lang;
  for (const el of document.querySelectorAll("[data-t]")) el.textContent = texts[lang][el.dataset.t];
  $("lang").textContent = texts[lang].switchTo;
  $("lang").setAttribute("aria-label", texts[lang].switchLabel);
}

await init();
try {
  const saved = JSON.parse(localStorage.getItem(STORE) ?? "null");
  if (saved && typeof saved.total === "string" && typeof saved.weights === "string") {
    $("total").value = saved.total;
    $("weights").value = saved.weights;
    lang = saved.lang === "en" ? "en" : "nl";
  }
} catch { /* a corrupt autosave is ignored; the defaults stay */ }
$("version").textContent = `resv-calc ${version()}`;
$("form").addEventListener("input", recalculate);
$("lang").addEventListener("click", () => { lang = lang === "nl" ? "en" : "nl"; applyLang(); recalculate(); });
applyLang();
recalculate();
document.body.dataset.ready = "true";
