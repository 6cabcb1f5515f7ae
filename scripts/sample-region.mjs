// Generates the built-in sample region (data/sample_region*.{csv,json}) from public tables:
// CBS population per PC4 on 1 January 2025 ("Bron: CBS", CC BY 4.0) and the NZa's 2022 national
// market shares per concern. The split over insurer labels is ILLUSTRATIVE: each PC4's
// population is divided over the concerns by their national shares tilted by a deterministic
// ±15% per PC4, and over each concern's labels by fixed illustrative proportions. No real
// insured-person counts per insurer per postcode are public.
//
// It also packs the CBS table for the Wasm module (data/cbs_pc4_inwoners_2025.bin, read by
// src/population.rs; issue 19: 17 KB gzipped as CSV, 9 KB packed): a u16 count N, N PC4
// numbers as varint deltas from 0, then the N populations as u16, low bytes then high bytes.
//
// `node scripts/sample-region.mjs` rewrites the files; `--check` fails if they are stale.
import { readFileSync, writeFileSync } from "node:fs";

const root = new URL("../", import.meta.url);
const workArea = ["8011-8045", "8051-8052", "8261-8278", "8293"];
const ranges = workArea.map((r) => r.split("-").map(Number)).map(([a, b]) => [a, b ?? a]);
const inArea = (pc4) => ranges.some(([a, b]) => pc4 >= a && pc4 <= b);

// Concern, national share (percent, NZa/Vektis 2022), labels with illustrative proportions.
const concerns = [
  [
    "Achmea",
    293,
    [
      ["Zilveren Kruis", 70],
      ["FBTO", 15],
      ["Interpolis", 10],
      ["De Friesland", 5],
    ],
  ],
  [
    "VGZ",
    236,
    [
      ["VGZ", 55],
      ["Univé", 30],
      ["IZA", 10],
      ["Zekur", 5],
    ],
  ],
  [
    "CZ",
    207,
    [
      ["CZ", 70],
      ["OHRA", 25],
      ["Nationale-Nederlanden", 5],
    ],
  ],
  [
    "Menzis",
    115,
    [
      ["Menzis", 75],
      ["Anderzorg", 25],
    ],
  ],
  [
    "DSW",
    43,
    [
      ["DSW", 70],
      ["inTwente", 30],
    ],
  ],
  [
    "a.s.r.",
    31,
    [
      ["De Amersfoortse", 60],
      ["Ditzo", 40],
    ],
  ],
  ["Zorg en Zekerheid", 31, [["Zorg en Zekerheid", 100]]],
  [
    "ONVZ",
    24,
    [
      ["ONVZ", 70],
      ["VvAA", 30],
    ],
  ],
  ["Salland", 10, [["Salland Zorgverzekeringen", 100]]],
  ["EUCARE", 9, [["Aevitae", 100]]],
];

// Largest remainder over integer weights (ties to the earlier entry).
function split(total, weights) {
  const sum = weights.reduce((a, b) => a + b, 0);
  const parts = weights.map((w, i) => ({ i, q: Math.floor((total * w) / sum), r: (total * w) % sum }));
  let left = total - parts.reduce((a, p) => a + p.q, 0);
  for (const p of [...parts].sort((a, b) => b.r - a.r || a.i - b.i)) {
    if (left-- <= 0) break;
    p.q += 1;
  }
  return parts.map((p) => p.q);
}

// A deterministic tilt in 85..115 per (pc4, concern).
const tilt = (pc4, k) => 85 + ((pc4 * 7919 + k * 104729) % 31);

const cbs = readFileSync(new URL("data/cbs_pc4_inwoners_2025.csv", root), "utf8")
  .trim()
  .split("\n")
  .slice(1)
  .map((l) => l.split(","))
  .map(([pc4, n]) => [Number(pc4), Number(n)])
  .filter(([pc4]) => pc4 >= 1000); // 0999: inhabitants without a postcode
const population = cbs.filter(([pc4]) => inArea(pc4));

const packed = (() => {
  const rows = [...cbs].sort((a, b) => a[0] - b[0]);
  const bytes = [rows.length & 255, rows.length >> 8];
  let previous = 0;
  for (const [pc4] of rows) {
    let d = pc4 - previous;
    previous = pc4;
    while (d >= 128) {
      bytes.push((d & 127) | 128);
      d >>= 7;
    }
    bytes.push(d);
  }
  for (const [, n] of rows) {
    if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`population ${n} does not fit u16`);
  }
  for (const [, n] of rows) bytes.push(n & 255);
  for (const [, n] of rows) bytes.push(n >> 8);
  return Buffer.from(bytes);
})();

let csv = "postcode;verzekeraar;concern;verzekerden\r\n";
let residents = 0;
for (const [pc4, n] of population) {
  residents += n;
  const perConcern = split(
    n,
    concerns.map(([, share], k) => share * tilt(pc4, k)),
  );
  concerns.forEach(([concern, , labels], k) => {
    const perLabel = split(
      perConcern[k],
      labels.map(([, w]) => w),
    );
    labels.forEach(([label], j) => {
      if (perLabel[j] > 0) csv += `${pc4};${label};${concern};${perLabel[j]}\r\n`;
    });
  });
}

// An illustrative 2027 budget: all five hoofdtaken, the three levels, existing funding of
// several kinds, a boundary item split with the municipalities (not yet granted), a Wlz part,
// and two hechte wijkverbanden serving their own postcodes.
const budget = [
  {
    id: "resv-bureau",
    name: "RESV-bureau: mandaat en vertegenwoordiging",
    level: "regional",
    mainTasks: [1],
    amount: "210000.00",
    growth: "2.5",
  },
  {
    id: "capaciteit",
    name: "Capaciteit en toegankelijkheid: regionale triage",
    level: "regional",
    mainTasks: [2],
    amount: "140000.00",
    // A provincial innovation grant (not ZonMw: its subsidy runs through 2026).
    existingFunding: "25000.00",
    existingFundingSource: "other",
    growth: "3",
  },
  {
    id: "zorgafspraken",
    name: "Zorgafspraken kwetsbare ouderen en COPD",
    level: "regional",
    mainTasks: [3],
    amount: "120000.00",
    existingFunding: "30000.00",
    existingFundingSource: "patientGroups",
    existingFundingReason:
      "De regionale zorgafspraken komen bovenop de coördinatie per patiëntgroep: die bekostiging is afgetrokken.",
  },
  {
    id: "wijk-kampen",
    name: "Hecht wijkverband Kampen",
    level: "neighbourhood",
    mainTasks: [4],
    ownTasks: true,
    amount: "95000.00",
    postcodes: ["8261-8278", "8293"],
  },
  {
    id: "wijk-hattem",
    name: "Hecht wijkverband Hattem",
    level: "neighbourhood",
    mainTasks: [4],
    ownTasks: true,
    amount: "40000.00",
    postcodes: ["8051-8052"],
  },
  {
    id: "zorg-welzijn",
    name: "Wijkgerichte samenwerking zorg en welzijn (grensvlak)",
    level: "neighbourhood",
    mainTasks: [4],
    amount: "80000.00",
    split: { zvw: "60", municipal: "40" },
    municipalApproved: false,
  },
  {
    id: "hagro-mandaat",
    name: "Huisartsencoöperatie: delegatie en mandaat",
    level: "monodisciplinary",
    discipline: "gp",
    mainTasks: [1],
    amount: "60000.00",
    existingFunding: "20000.00",
    existingFundingSource: "oi",
    existingFundingReason:
      "Delegatie en mandaat voor de RESV-hoofdtaken vallen buiten de O&I-afspraken van de huisartsen; het O&I-deel is afgetrokken.",
  },
  {
    id: "wijkverpleging",
    name: "Samenwerking wijkverpleging: capaciteit",
    level: "monodisciplinary",
    discipline: "districtNursing",
    mainTasks: [2],
    amount: "45000.00",
    existingFunding: "15000.00",
    existingFundingSource: "districtNursing",
    existingFundingReason:
      "De regionale capaciteitsafstemming komt bovenop de coördinatie in de wijkverpleging; die is afgetrokken.",
  },
  {
    id: "facilitering",
    name: "Facilitering: ICT, HR en huisvesting (gedeeld met de VVT)",
    level: "regional",
    mainTasks: [5],
    amount: "150000.00",
    split: { zvw: "95", wlz: "5" },
  },
];
// The three municipalities by their PC4 areas (postal facts; no municipality map is shipped).
const municipalities = [
  { id: "GM0193", name: "Zwolle", postcodes: ["8011-8045"] },
  { id: "GM0166", name: "Kampen", postcodes: ["8261-8278", "8293"] },
  { id: "GM0244", name: "Hattem", postcodes: ["8051-8052"] },
];
// Onderlinge dienstverlening: the RESV (through a kassier) passes money on to the executing
// providers of its wijkverbanden, mono cooperations and a care group.
const hoofdaannemer = {
  form: "kassier",
  name: "RESV Zwolle, Kampen en Hattem",
  kassier: "Huisartsencoöperatie (kassier)",
  agreement: true,
};
const subcontracts = [
  { id: "od-kampen", contractor: "Hecht wijkverband Kampen", amount: "90000.00", lines: ["wijk-kampen"] },
  { id: "od-hattem", contractor: "Hecht wijkverband Hattem", amount: "38000.00", lines: ["wijk-hattem"] },
  { id: "od-hagro", contractor: "Huisartsencoöperatie", amount: "40000.00", lines: ["hagro-mandaat"] },
  {
    id: "od-wijkverpleging",
    contractor: "Samenwerkingsverband wijkverpleging",
    amount: "30000.00",
    lines: ["wijkverpleging"],
  },
  {
    id: "od-ketenzorg",
    contractor: "Zorggroep (ketenzorg)",
    amount: "60000.00",
    lines: ["zorgafspraken"],
    mainTasks: [3],
  },
];
const scenario = {
  name: "Voorbeeldregio Zwolle, Kampen en Hattem (illustratief)",
  year: 2027,
  workArea,
  illustrative: true,
  budget,
  municipalities,
  leadMunicipality: "GM0193",
  hoofdaannemer,
  subcontracts,
};
const files = {
  "data/sample_region_market.csv": csv,
  "data/sample_region.json": JSON.stringify(scenario, null, 2) + "\n",
  "data/cbs_pc4_inwoners_2025.bin": packed,
};
const check = process.argv.includes("--check");
for (const [path, text] of Object.entries(files)) {
  const url = new URL(path, root);
  if (check) {
    let old = Buffer.alloc(0);
    try {
      old = readFileSync(url);
    } catch {}
    if (!old.equals(Buffer.from(text))) {
      console.error(`${path} is stale: run node scripts/sample-region.mjs`);
      process.exit(1);
    }
  } else {
    writeFileSync(url, text);
  }
}
if (!check) console.log(`sample region: ${population.length} PC4 areas, ${residents} residents (Bron: CBS)`);
