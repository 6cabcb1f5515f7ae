// A typed consumer of the core and the element, checked by `make test-ts` under `tsc --strict`
// with lib ["es2022", "dom"] only: the package's types must stand on their own.
import init, {
  allocate,
  allocateRegions,
  calculate,
  nationalView,
  parseMarketCsv,
  type InvalidInputError,
  type Report,
} from "resv-calc";
import { ResvCalculator, type ResvErrorDetail } from "resv-calc/resv-calculator.js";

await init();
// Optional options may be left out.
const parts = allocate("100.00", [
  { id: "a", weight: 1 },
  { id: "b", weight: "2" },
]);
const first: string = parts[0]!.amount;
const market = parseMarketCsv("postcode;verzekeraar;verzekerden\n1011;CZ;10\n");
const regions = allocateRegions(market, [{ id: "r", postcodes: ["1011"], lumpSum: "10.00" }]);
const view = nationalView(market, [{ id: "r", postcodes: ["1011"], lumpSum: "10.00" }]);
market.free();
const report: Report = calculate({
  lumpSum: "100.00",
  market: [{ postcode: "1011", insurer: "CZ", insured: 1 }],
});
try {
  allocate("x", []);
} catch (e) {
  const err = e as InvalidInputError;
  err.issues.map((i) => i.path);
}

// The element: the tag-name map, its properties and typed events.
const calculator = document.querySelector("resv-calculator");
if (calculator) {
  const typed: ResvCalculator = calculator;
  typed.addEventListener("resv-report", (e) => {
    const zvw: string = e.detail.totals.zvw;
    console.log(zvw, e.detail.allocation);
  });
  typed.addEventListener("resv-error", (e) => {
    const detail: ResvErrorDetail = e.detail;
    console.log(detail.code, detail.issues.length);
  });
  typed.addEventListener("click", (e: MouseEvent) => console.log(e.button));
  const last: Report | null = typed.report;
  typed.pinComparison();
  void typed.exportScenario().then((s) => s.lumpSum);
  console.log(last, typed.timings.total, typed.scenario);
}
const created = document.createElement("resv-calculator");
created.setAttribute("lang", "en");
ResvCalculator.define("my-calculator");
console.log(first, regions.length, view, report.insurers.length, created.report);
