// The calculator page: the <resv-calculator> element full size, with a language switch that
// the page remembers. Everything else (editing, results, files, autosave) is the element's.
import "./pkg/resv-calculator.js";

const TEXTS = {
  nl: {
    title: "RESV-rekenhulp",
    intro:
      "Verdeelt de lumpsum van een RESV over de zorgverzekeraars en gemeenten, exact tot op de cent, met onderlinge dienstverlening en het landelijk kader MDZ. Alles wordt in uw browser berekend; er wordt niets verstuurd.",
    attribution:
      "Bevolking per postcode: Bron: CBS (StatLine 83502NED, 1 januari 2025, CC BY 4.0). De verdeling van de verzekerden in de voorbeeldregio is illustratief, afgeleid van landelijke marktaandelen (NZa/Vektis 2022); het zijn geen echte gegevens.",
    footer:
      "Bedragen exact tot op de cent; de afronding volgt de gekozen regel. Uw invoer wordt alleen in deze browser bewaard.",
    switchTo: "English",
    switchLang: "en",
  },
  en: {
    title: "RESV calculator",
    intro:
      "Splits a RESV's lump sum over the health insurers and municipalities, exact to the cent, with onderlinge dienstverlening (subcontracting) and the national MDZ framework. Everything is computed in your browser; nothing is sent.",
    attribution:
      "Population per postcode: source: CBS (StatLine 83502NED, 1 January 2025, CC BY 4.0). The split of insured persons in the sample region is illustrative, derived from national market shares (NZa/Vektis 2022); it is not real data.",
    footer:
      "Amounts exact to the cent; the rounding follows the chosen rule. Your input is kept in this browser only.",
    switchTo: "Nederlands",
    switchLang: "nl",
  },
};
const KEY = "resv-calc:page:lang";
const calculator = document.getElementById("calculator");
const button = document.getElementById("lang");

function apply(lang) {
  const t = TEXTS[lang];
  document.documentElement.lang = lang;
  for (const e of document.querySelectorAll("[data-t]")) e.textContent = t[e.dataset.t];
  button.textContent = t.switchTo;
  button.lang = t.switchLang;
  calculator.setAttribute("lang", lang);
}

let lang = "nl";
try {
  lang = localStorage.getItem(KEY) === "en" ? "en" : "nl";
} catch {
  /* storage blocked */
}
apply(lang);
button.addEventListener("click", () => {
  lang = lang === "nl" ? "en" : "nl";
  try {
    localStorage.setItem(KEY, lang);
  } catch {
    /* storage blocked */
  }
  apply(lang);
});
// The first result (or error) on screen: the page is ready; make bench reads when.
const ready = () => {
  if (document.body.dataset.ready) return;
  document.body.dataset.readyMs = String(Math.round(performance.now()));
  document.body.dataset.ready = "true";
};
calculator.addEventListener("resv-report", ready, { once: true });
calculator.addEventListener("resv-error", ready, { once: true });
