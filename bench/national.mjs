// The generated national market table the benchmarks share: every inhabited PC4 area of the
// CBS table (Bron: CBS), cut into PC6 postcodes of ~39 residents, 10 concerns with realistic
// national shares and presence; deterministic (seeded), so every run reads the same bytes.
import { readFileSync } from "node:fs";

const CONCERNS = [
  "Achmea",
  "VGZ",
  "CZ",
  "Menzis",
  "DSW",
  "a.s.r.",
  "Zorg en Zekerheid",
  "ONVZ",
  "Salland",
  "EUCARE",
];
const SHARE = [29.3, 23.6, 20.7, 11.5, 4.3, 3.1, 3.1, 2.4, 1.0, 0.9];
const PRESENT = [0.97, 0.95, 0.93, 0.85, 0.6, 0.55, 0.5, 0.45, 0.3, 0.3];
let seed = 20270101;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;

export const population = readFileSync(new URL("../data/cbs_pc4_inwoners_2025.csv", import.meta.url), "utf8")
  .trim()
  .split("\n")
  .slice(1)
  .map((l) => l.split(",").map(Number))
  .filter(([pc4]) => pc4 >= 1000);

/** The table at "pc4" or "pc6" level: `{ bytes, rows, pc6s }`. */
export function nationalCsv(level, scale = 1) {
  const parts = ["postcode;verzekeraar;verzekerden\n"];
  let rows = 0,
    pc6s = 0;
  for (const [pc4, people] of population) {
    const n6 = level === "pc6" ? Math.max(1, Math.round((people / 39) * scale)) : 0;
    const codes =
      level === "pc6"
        ? Array.from(
            { length: Math.min(n6, 676) },
            (_, i) =>
              `${pc4}${String.fromCharCode(65 + Math.floor(i / 26))}${String.fromCharCode(65 + (i % 26))}`,
          )
        : [String(pc4)];
    pc6s += level === "pc6" ? codes.length : 0;
    const each = people / codes.length;
    let chunk = "";
    for (const code of codes) {
      for (let c = 0; c < 10; c++) {
        if (level === "pc6" && rand() > PRESENT[c]) continue;
        const insured = Math.round(((each * SHARE[c]) / 100) * (0.5 + rand()));
        chunk += `${code};${CONCERNS[c]};${insured}\n`;
        rows++;
      }
    }
    parts.push(chunk);
  }
  return { bytes: new TextEncoder().encode(parts.join("")), rows, pc6s };
}
