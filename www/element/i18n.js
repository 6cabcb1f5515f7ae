// Texts and number formats of <resv-calculator>, Dutch first. Amounts are formatted from their
// decimal strings by Intl.NumberFormat, which reads strings exactly (no float round trip).

export const TEXT = {
  nl: {
    loading: "Rekenhulp laden…",
    editorTitle: "Scenario", resultsTitle: "Uitkomst",
    general: "Algemeen", name: "Naam van het scenario", year: "Begrotingsjaar (2027–2031)",
    lumpSum: "Gecontracteerde lumpsum Zvw in euro (leeg: het Zvw-deel van de begroting)",
    lumpSumHint: "Met een punt of komma als decimaalteken, zonder euroteken: 810500,00",
    schedule: "Betaalschema", monthly: "12 maandtermijnen", quarterly: "4 kwartaaltermijnen",
    allocateBy: "Verdelen per", byAuto: "concern (als alle concerns bekend zijn)", byConcern: "concern", byInsurer: "verzekeraar (label)",
    rounding: "Afronding", largestRemainder: "grootste overschotten (Hamilton)", leaderAbsorbs: "marktleider vangt de afronding op",
    threshold: "Drempel voor medebeoordeling door de tweede verzekeraar (%)",
    workArea: "Werkgebied", workAreaLabel: "Postcodes (PC4, PC6) en reeksen als 8011-8045, gescheiden door komma's of regels",
    market: "Verzekerden per postcode en verzekeraar",
    source: { sample: "Voorbeeldregio (illustratief)", file: "Eigen bestand (CSV of Excel)", paste: "Plakken uit Excel", estimate: "Schatting: landelijke marktaandelen × CBS-bevolking", rows: "Rijen uit het scenario" },
    sourceLegend: "Bron van de gegevens",
    fileLabel: "Bestand: kolommen postcode, verzekeraar, verzekerden, optioneel concern",
    pasteLabel: "Plak hier de tabel (met kopregel)",
    marketInfo: (t) => `${t.rows} rijen, ${t.labels} verzekeraars${t.postcodes == null ? "" : `, ${t.postcodes} postcodes`}`,
    reading: (done, total) => `Bestand lezen: ${done} van ${total}…`, parsing: "Gegevens verwerken (de pagina blijft bruikbaar)…",
    notSaved: "Te groot om in de browser te bewaren; kies het bestand na herladen opnieuw.",
    budget: "Begroting", addLine: "Begrotingsregel toevoegen", removeLine: (n) => `Regel „${n}” verwijderen`,
    lineLegend: (i, n) => `Regel ${i}${n ? `: ${n}` : ""}`, noLines: "Geen begrotingsregels: de lumpsum wordt verdeeld.",
    f: { id: "Code", name: "Naam", level: "Niveau", mainTasks: "RESV-hoofdtaken", amount: "Bruto bedrag (euro)", existingFunding: "Bestaande financiering (euro, wordt afgetrokken)",
      existingFundingSource: "Bron bestaande financiering", growth: "Groei per jaar vanaf 2027 (%)", split: "Verdeling over de domeinen (%)", slider: "Aandeel gemeente (schuif)",
      zvw: "Zvw %", municipal: "Gemeente %", wlz: "Wlz %", municipalApproved: "Gemeentelijk deel toegekend", postcodes: "Eigen gebied (postcodes; leeg: het hele werkgebied)",
      contractor: "Uitvoerende zorgaanbieder", lines: "Dekt begrotingsregels (codes; leeg: alle)", form: "Vorm hoofdaannemer", kassier: "Kassier (lid dat int en betaalt)",
      agreement: "Samenwerkingsovereenkomst onderlinge dienstverlening getekend", framework: "Landelijk kader (euro)", population: "Landelijke bevolking",
      indexation: "Indexatie kader per jaar (%)", zvwClaim: "Zvw-lumpsum (euro)", regionPopulation: "Inwoners", lead: "Mandaatgemeente" },
    levels: { regional: "RESV", neighbourhood: "hecht wijkverband", monodisciplinary: "monodisciplinair" },
    sources: { "": "—", oi: "O&I-gelden huisartsen", districtNursing: "wijkverpleging", patientGroups: "patiëntgroepen", zonmw: "ZonMw", other: "overig" },
    forms: { "": "geen (geen onderlinge dienstverlening)", legalEntity: "rechtspersoon", kassier: "kassiersconstructie" },
    leadAuto: "automatisch (meeste inwoners)",
    municipalities: "Gemeenten (sociaal domein)", addMunicipality: "Gemeente toevoegen", removeMunicipality: (n) => `Gemeente „${n}” verwijderen`,
    municipalityLegend: (i, n) => `Gemeente ${i}${n ? `: ${n}` : ""}`,
    subcontracting: "Onderlinge dienstverlening", hoofdaannemer: "Hoofdaannemer", addSubcontract: "Onderaanneming toevoegen",
    removeSubcontract: (n) => `Onderaanneming „${n}” verwijderen`, subcontractLegend: (i, n) => `Onderaanneming ${i}${n ? `: ${n}` : ""}`,
    mdzOptions: "Landelijk kader MDZ", otherRegions: "Andere regio's in het kader", addRegion: "Regio toevoegen", removeRegion: (n) => `Regio „${n}” verwijderen`,
    regionLegend: (i, n) => `Regio ${i}${n ? `: ${n}` : ""}`,
    files: "Bestanden en delen", exportJson: "Scenario opslaan (JSON)", importJson: "Scenario openen (JSON)", exportCsv: "Uitkomst downloaden (CSV voor Excel)", exportXlsx: "Uitkomst downloaden (Excel-werkmap)",
    exportMarket: "Verzekerdentabel downloaden (CSV)", shareLink: "Deelbare link maken", shareLabel: "Deelbare link (het scenario zit in de link zelf; er wordt niets verstuurd)",
    shareDone: "Link gemaakt en gekopieerd.", shareMade: "Link gemaakt; kopieer hem uit het veld.", reset: "Opnieuw beginnen met de voorbeeldregio",
    restored: (when) => `Uw scenario van ${when} is hersteld.`, restoredShared: "Het scenario uit de gedeelde link is geopend.",
    backToOwn: "Terug naar mijn eigen opgeslagen scenario", opened: (n) => `Scenario „${n}” geopend.`,
    invalidFile: (n) => `${n} is geen leesbaar scenariobestand (JSON).`, tooLarge: (n, max) => `${n} is te groot (meer dan ${max}).`,
    invalid: "De invoer bevat fouten. De uitkomst hieronder hoort bij de laatste geldige invoer.", problems: "Fouten in de invoer",
    otherProblems: "Overige fouten", warnings: "Meldingen", noWarnings: "Geen meldingen.",
    insurersTitle: "Verdeling over de zorgverzekeraars", party: "Verzekeraar", insured: "Verzekerden", share: "Aandeel", amount: "Bedrag", role: "Rol", sum: "Totaal",
    leader: "marktleider", follower: "volger", coAssessor: "medebeoordelaar",
    sumArea: "Werkgebied", sumInsured: "Verzekerden in het werkgebied", sumLeader: "Marktleider (beoordeelt het plan)",
    sumCo: "Medebeoordeling door de tweede verzekeraar", yes: "waarschijnlijk", no: "niet nodig", estimate: "geschat",
    entries: (n) => (n === 1 ? "1 vermelding" : `${n} vermeldingen`), wholeTable: "alle postcodes in de gegevens",
    statementsTitle: "Verantwoording per verzekeraar", statementFor: (n) => `Verantwoording voor ${n}`, print: (n) => `Verantwoording ${n} afdrukken`,
    statement: (i, total, leader) => [
      `Grondslag: ${i.insured} van ${total} verzekerden in het werkgebied.`,
      `Aandeel: ${i.share} (10 decimalen).`,
      `Bedrag: ${i.amount}.`,
      i.marketLeader ? "Rol: marktleider; beoordeelt het plan en onderhandelt." : `Rol: volger van ${leader}${i.coAssessor ? "; beoordeelt mee vanwege het grote aandeel" : ""}.`,
      ...(i.labels.length ? [`Labels: ${i.labels.join(", ")}.`] : []),
    ],
    statementHead: (s, y) => `${s} — begrotingsjaar ${y}`, instalments: "Termijnen",
    totalsTitle: "Totalen", budgetTitle: "Begrotingsregels", tasksTitle: "Per RESV-hoofdtaak", levelsTitle: "Per niveau",
    paymentsTitle: (q) => `Betaalschema (${q ? "4 kwartaaltermijnen" : "12 maandtermijnen"})`, yearsTitle: "Meerjarig (2028 en later: ontwikkelstappen)",
    cols: { line: "Regel", level: "Niveau", tasks: "Hoofdtaken", gross: "Bruto", existing: "Bestaande financiering", net: "Netto",
      zvw: "Zvw", municipal: "Gemeente", wlz: "Wlz", status: "Status", name: "Naam", residents: "Inwoners", share: "Aandeel",
      amount: "Bedrag", task: "Hoofdtaak", payer: "Betaler", kind: "Soort", perMonth: "Per termijn", year: "Jaar", conditional: "Voorwaardelijk Zvw" },
    tasks: ["", "1 Mandaat en vertegenwoordiging", "2 Capaciteit en toegankelijkheid", "3 Zorgafspraken patiëntgroepen", "4 Hechte wijkverbanden", "5 Faciliteren van zorgaanbieders"],
    statusFinal: "definitief", statusConditional: "voorwaardelijk (wacht op gemeente)", leadMunicipality: "mandaatgemeente",
    kindZvw: "Zvw", kindMunicipal: "gemeente", wlzNote: "Wlz-delen worden niet via deze prestatie betaald.",
    subsTitle: "Onderlinge dienstverlening", ledgerTitle: "Geldstromen per verzekeraar", flowTitle: "Geldstromen",
    mdzTitle: "Plaats in het landelijk kader MDZ", mdzYearsTitle: "Kader MDZ per jaar",
    subCols: { contractor: "Uitvoerende zorgaanbieder", amount: "Bedrag", covers: "Dekt", available: "Zvw-ruimte", funded: "Bekostigd door", paid: "Betaald aan RESV", passed: "Doorbetaald", kept: "RESV behoudt", framework: "Kader", claimed: "Geclaimd", headroom: "Ruimte" },
    hoofdtaak: "hoofdtaak", fundedCount: (n) => (n === 1 ? "1 verzekeraar" : `${n} verzekeraars`),
    flowAlt: (n) => `Sankeydiagram van de geldstromen: ${n}`,
    mdzBars: { region: "Zvw-lumpsum van deze regio", fair: "Eerlijk aandeel naar inwoners", projection: "Nodig als elke regio dit per inwoner vroeg", framework: "Landelijk kader MDZ" },
    mdzText: (m) => `${m.perCapita} per verzekerde; landelijk doorgetrokken ${m.nationalProjection} tegenover een kader van ${m.framework}.`,
    mdzOver: "boven het kader", mdzUnder: "binnen het kader",
    compareTitle: "Scenario's vergelijken", compareSet: "Huidige uitkomst vastzetten als vergelijking (A)", compareOpen: "Scenario A openen uit bestand (JSON)",
    compareClear: "Vergelijking sluiten", compareNone: "Zet de huidige uitkomst vast als A, pas daarna het scenario aan (B) en zie de verschillen naast elkaar.",
    compareCaption: (a, b) => `A: ${a} — B: ${b}`, compareCols: { item: "Post", a: "A", b: "B", diff: "Verschil B − A" },
    compareSections: { totals: "Totalen", insurers: "Verzekeraars", municipalities: "Gemeenten", lines: "Begrotingsregels (Zvw)", flows: "Geldstromen" },
    totalNames: { gross: "Bruto", existingFunding: "Bestaande financiering", net: "Netto", zvw: "Zvw", municipal: "Gemeente", wlz: "Wlz", conditionalZvw: "Voorwaardelijk Zvw" },
    unnamed: "naamloos", current: "huidig",
    csv: { section: "Onderdeel", insurers: "Verzekeraars", municipalities: "Gemeenten", lines: "Begrotingsregels", payments: "Betaalschema" },
    line: "regel", column: "kolom",
  },
  en: {
    loading: "Loading the calculator…",
    editorTitle: "Scenario", resultsTitle: "Result",
    general: "General", name: "Scenario name", year: "Budget year (2027–2031)",
    lumpSum: "Contracted Zvw lump sum in euros (empty: the budget's Zvw part)",
    lumpSumHint: "With a point or comma as decimal separator, no euro sign: 810500.00",
    schedule: "Payment schedule", monthly: "12 monthly instalments", quarterly: "4 quarterly instalments",
    allocateBy: "Allocate per", byAuto: "concern (when every concern is known)", byConcern: "concern", byInsurer: "insurer (label)",
    rounding: "Rounding", largestRemainder: "largest remainder (Hamilton)", leaderAbsorbs: "market leader absorbs the rounding",
    threshold: "Threshold for co-assessment by the second insurer (%)",
    workArea: "Work area", workAreaLabel: "Postcodes (PC4, PC6) and ranges like 8011-8045, separated by commas or lines",
    market: "Insured persons per postcode and insurer",
    source: { sample: "Sample region (illustrative)", file: "Own file (CSV or Excel)", paste: "Paste from Excel", estimate: "Estimate: national market shares × CBS population", rows: "Rows from the scenario" },
    sourceLegend: "Source of the data",
    fileLabel: "File: columns postcode, insurer, insured, optional concern",
    pasteLabel: "Paste the table here (with its header row)",
    marketInfo: (t) => `${t.rows} rows, ${t.labels} insurers${t.postcodes == null ? "" : `, ${t.postcodes} postcodes`}`,
    reading: (done, total) => `Reading the file: ${done} of ${total}…`, parsing: "Processing the data (the page stays usable)…",
    notSaved: "Too large to keep in the browser; choose the file again after a reload.",
    budget: "Budget", addLine: "Add a budget line", removeLine: (n) => `Remove line “${n}”`,
    lineLegend: (i, n) => `Line ${i}${n ? `: ${n}` : ""}`, noLines: "No budget lines: the lump sum is allocated.",
    f: { id: "Code", name: "Name", level: "Level", mainTasks: "RESV main tasks", amount: "Gross amount (euros)", existingFunding: "Existing funding (euros, deducted)",
      existingFundingSource: "Source of the existing funding", growth: "Growth per year from 2027 (%)", split: "Split over the domains (%)", slider: "Municipal share (slider)",
      zvw: "Zvw %", municipal: "Municipal %", wlz: "Wlz %", municipalApproved: "Municipal part granted", postcodes: "Own area (postcodes; empty: the whole work area)",
      contractor: "Executing provider", lines: "Covers budget lines (codes; empty: all)", form: "Form of the hoofdaannemer", kassier: "Kassier (member that collects and pays)",
      agreement: "Agreement on onderlinge dienstverlening signed", framework: "National framework (euros)", population: "National population",
      indexation: "Framework indexation per year (%)", zvwClaim: "Zvw lump sum (euros)", regionPopulation: "Population", lead: "Lead municipality" },
    levels: { regional: "RESV", neighbourhood: "neighbourhood team", monodisciplinary: "monodisciplinary" },
    sources: { "": "—", oi: "GP O&I funding", districtNursing: "district nursing", patientGroups: "patient groups", zonmw: "ZonMw", other: "other" },
    forms: { "": "none (no onderlinge dienstverlening)", legalEntity: "legal entity", kassier: "kassier construction" },
    leadAuto: "automatic (most residents)",
    municipalities: "Municipalities (social domain)", addMunicipality: "Add a municipality", removeMunicipality: (n) => `Remove municipality “${n}”`,
    municipalityLegend: (i, n) => `Municipality ${i}${n ? `: ${n}` : ""}`,
    subcontracting: "Onderlinge dienstverlening (subcontracting)", hoofdaannemer: "Hoofdaannemer (main contractor)", addSubcontract: "Add a subcontract",
    removeSubcontract: (n) => `Remove subcontract “${n}”`, subcontractLegend: (i, n) => `Subcontract ${i}${n ? `: ${n}` : ""}`,
    mdzOptions: "National MDZ framework", otherRegions: "Other regions in the framework", addRegion: "Add a region", removeRegion: (n) => `Remove region “${n}”`,
    regionLegend: (i, n) => `Region ${i}${n ? `: ${n}` : ""}`,
    files: "Files and sharing", exportJson: "Save scenario (JSON)", importJson: "Open scenario (JSON)", exportCsv: "Download the result (CSV for Excel)", exportXlsx: "Download the result (Excel workbook)",
    exportMarket: "Download the insured persons table (CSV)", shareLink: "Make a shareable link", shareLabel: "Shareable link (the scenario is inside the link itself; nothing is sent)",
    shareDone: "Link made and copied.", shareMade: "Link made; copy it from the field.", reset: "Start again with the sample region",
    restored: (when) => `Your scenario from ${when} was restored.`, restoredShared: "The scenario from the shared link was opened.",
    backToOwn: "Back to my own saved scenario", opened: (n) => `Scenario “${n}” opened.`,
    invalidFile: (n) => `${n} is not a readable scenario file (JSON).`, tooLarge: (n, max) => `${n} is too large (over ${max}).`,
    invalid: "The input has errors. The result below belongs to the last valid input.", problems: "Errors in the input",
    otherProblems: "Other errors", warnings: "Notices", noWarnings: "No notices.",
    insurersTitle: "Split over the health insurers", party: "Insurer", insured: "Insured", share: "Share", amount: "Amount", role: "Role", sum: "Total",
    leader: "market leader", follower: "follower", coAssessor: "co-assessor",
    sumArea: "Work area", sumInsured: "Insured persons in the work area", sumLeader: "Market leader (assesses the plan)",
    sumCo: "Co-assessment by the second insurer", yes: "likely", no: "not needed", estimate: "estimated",
    entries: (n) => (n === 1 ? "1 entry" : `${n} entries`), wholeTable: "every postcode in the data",
    statementsTitle: "Statement per insurer", statementFor: (n) => `Statement for ${n}`, print: (n) => `Print the statement for ${n}`,
    statement: (i, total, leader) => [
      `Basis: ${i.insured} of ${total} insured persons in the work area.`,
      `Share: ${i.share} (10 decimals).`,
      `Amount: ${i.amount}.`,
      i.marketLeader ? "Role: market leader; assesses the plan and negotiates." : `Role: follower of ${leader}${i.coAssessor ? "; co-assesses because of its large share" : ""}.`,
      ...(i.labels.length ? [`Labels: ${i.labels.join(", ")}.`] : []),
    ],
    statementHead: (s, y) => `${s} — budget year ${y}`, instalments: "Instalments",
    totalsTitle: "Totals", budgetTitle: "Budget lines", tasksTitle: "Per RESV main task", levelsTitle: "Per level",
    paymentsTitle: (q) => `Payment schedule (${q ? "4 quarterly" : "12 monthly"} instalments)`, yearsTitle: "Multi-year (2028 on: development steps)",
    cols: { line: "Line", level: "Level", tasks: "Main tasks", gross: "Gross", existing: "Existing funding", net: "Net",
      zvw: "Zvw", municipal: "Municipal", wlz: "Wlz", status: "Status", name: "Name", residents: "Residents", share: "Share",
      amount: "Amount", task: "Main task", payer: "Payer", kind: "Kind", perMonth: "Per instalment", year: "Year", conditional: "Conditional Zvw" },
    tasks: ["", "1 Mandate and representation", "2 Capacity and access", "3 Care agreements for patient groups", "4 Close neighbourhood teams", "5 Facilitating providers"],
    statusFinal: "final", statusConditional: "conditional (awaits the municipality)", leadMunicipality: "lead municipality",
    kindZvw: "Zvw", kindMunicipal: "municipal", wlzNote: "Wlz parts are not paid through this prestatie.",
    subsTitle: "Onderlinge dienstverlening (subcontracts)", ledgerTitle: "Money per insurer", flowTitle: "Money flows",
    mdzTitle: "Place in the national MDZ framework", mdzYearsTitle: "MDZ framework per year",
    subCols: { contractor: "Executing provider", amount: "Amount", covers: "Covers", available: "Zvw room", funded: "Funded by", paid: "Paid to the RESV", passed: "Passed on", kept: "RESV keeps", framework: "Framework", claimed: "Claimed", headroom: "Headroom" },
    hoofdtaak: "main task", fundedCount: (n) => (n === 1 ? "1 insurer" : `${n} insurers`),
    flowAlt: (n) => `Sankey diagram of the money flows: ${n}`,
    mdzBars: { region: "This region's Zvw lump sum", fair: "Fair share by population", projection: "Needed if every region asked this per head", framework: "National MDZ framework" },
    mdzText: (m) => `${m.perCapita} per insured person; projected nationally ${m.nationalProjection} against a framework of ${m.framework}.`,
    mdzOver: "above the framework", mdzUnder: "within the framework",
    compareTitle: "Compare scenarios", compareSet: "Pin the current result as the comparison (A)", compareOpen: "Open scenario A from a file (JSON)",
    compareClear: "Close the comparison", compareNone: "Pin the current result as A, then change the scenario (B) and see the differences side by side.",
    compareCaption: (a, b) => `A: ${a} — B: ${b}`, compareCols: { item: "Item", a: "A", b: "B", diff: "Difference B − A" },
    compareSections: { totals: "Totals", insurers: "Insurers", municipalities: "Municipalities", lines: "Budget lines (Zvw)", flows: "Money flows" },
    totalNames: { gross: "Gross", existingFunding: "Existing funding", net: "Net", zvw: "Zvw", municipal: "Municipal", wlz: "Wlz", conditionalZvw: "Conditional Zvw" },
    unnamed: "unnamed", current: "current",
    csv: { section: "Section", insurers: "Insurers", municipalities: "Municipalities", lines: "Budget lines", payments: "Payment schedule" },
    line: "line", column: "column",
  },
};

/**
 * Every issue the element itself reports (the core has its own catalogue), keyed by a name of
 * its own, Dutch and English side by side. `code` is the stable code the issue carries; it is
 * the core's code where the fault is of the same kind (a scenario that is not an object is
 * `wrong_type` wherever it is found), so several texts may share one code, never one key.
 * A text is a string, or a function of the issue's facts.
 */
export const ISSUES = {
  src_unreadable: { code: "unreadable",
    nl: (src, why) => `Kon ${src} niet laden: ${why}`, en: (src, why) => `Could not load ${src}: ${why}` },
  scenario_not_object: { code: "wrong_type", nl: "Het scenario moet een object zijn.", en: "The scenario must be an object." },
  scenario_not_data: { code: "wrong_type",
    nl: "Het scenario bevat waarden die geen gegevens zijn (functies?).", en: "The scenario holds values that are not data (functions?)." },
  market_wrong_shape: { code: "wrong_type",
    nl: "market moet een lijst van rijen of een MarketTable zijn.", en: "market must be a list of rows or a MarketTable." },
  market_no_file: { code: "missing", nl: "Kies een bestand.", en: "Choose a file." },
  market_file_lost: { code: "missing",
    nl: (n) => `${n}: te groot om in de browser te bewaren; kies het bestand na herladen opnieuw.`,
    en: (n) => `${n}: too large to keep in the browser; choose the file again after a reload.` },
  market_file_too_large: { code: "file_too_large",
    nl: (n, mb) => `${n} is te groot (meer dan ${mb} MB); splits het bestand per regio.`,
    en: (n, mb) => `${n} is too large (over ${mb} MB); split the file by region.` },
  xlsx_damaged: { code: "unreadable_xlsx", nl: "Het Excel-bestand is beschadigd of geen XLSX.", en: "The Excel file is damaged or not an XLSX." },
  xlsx_zip64: { code: "unsupported_xlsx",
    nl: "Zip64-werkmappen worden niet ondersteund; sla op als CSV.", en: "Zip64 workbooks are not supported; save as CSV." },
  xlsx_encrypted: { code: "unsupported_xlsx",
    nl: "Het Excel-bestand is versleuteld; sla het op zonder wachtwoord of als CSV.",
    en: "The Excel file is encrypted; save it without a password or as CSV." },
  xlsx_sheet_too_large: { code: "file_too_large",
    nl: "Het Excel-blad is te groot (meer dan 512 MB uitgepakt); sla het op als CSV.",
    en: "The Excel sheet is too large (over 512 MB unpacked); save it as CSV." },
  // Not an issue of the input: the core could not load (the `resv-error` event's code).
  not_started: { code: "not_started", nl: "De rekenhulp kon niet starten", en: "The calculator could not start" },
};

/** The text of the catalogue entry `key` in `lang`, with the issue's facts `args`. */
export function issueText(key, lang, ...args) {
  const text = ISSUES[key][lang];
  return typeof text === "function" ? text(...args) : text;
}

/** An issue of the element itself at `path`, in both languages: `key` names its catalogue entry. */
export function issue(key, path, ...args) {
  return { code: ISSUES[key].code, path, message: issueText(key, "nl", ...args), messageEn: issueText(key, "en", ...args) };
}

const cache = new Map();
/** Formatters for one language (made once: Intl formatters are costly to build on every render). */
export function formats(lang) {
  if (!cache.has(lang)) cache.set(lang, makeFormats(lang));
  return cache.get(lang);
}

function makeFormats(lang) {
  const locale = lang === "en" ? "en-GB" : "nl-NL";
  const eur = new Intl.NumberFormat(locale, { style: "currency", currency: "EUR" });
  const int = new Intl.NumberFormat(locale, { maximumFractionDigits: 6 });
  const pct = new Intl.NumberFormat(locale, { style: "percent", minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return {
    money: (a) => eur.format(a),
    count: (n) => int.format(n),
    percent: (s) => pct.format(s),
    /** A share with all its decimals, in the language's decimal separator. */
    share: (s) => (lang === "en" ? s : String(s).replace(".", ",")),
    bytes: (n) => (n >= 1e6 ? `${int.format(Math.round(n / 1e5) / 10)} MB` : `${int.format(Math.ceil(n / 1e3))} kB`),
    date: (ms) => new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(ms),
  };
}
