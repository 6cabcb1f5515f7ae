// The budget across the JS boundary: the sample's budget, every table adding up, and errors.
import { test } from "node:test";
import assert from "node:assert/strict";
import pkg, { issuesOf } from "./load.mjs";

const { calculate, sampleScenario } = pkg;
const cents = (m) => BigInt(m.replace(".", ""));
const sum = (list, f = (x) => x.amount) => list.reduce((a, x) => a + cents(f(x)), 0n);

test("the sample budget: every table adds up to its total", () => {
  const r = calculate(sampleScenario());
  const t = r.totals;
  assert.deepEqual(
    [t.gross, t.existingFunding, t.net, t.zvw, t.municipal, t.wlz, t.conditionalZvw],
    // Conditional: 48,000.00 of the line awaiting its municipal grant and 142,500.00 of the line
    // whose Wlz part is not granted yet.
    ["940000.00", "90000.00", "850000.00", "810500.00", "32000.00", "7500.00", "190500.00"],
  );
  assert.equal(sum(r.insurers), cents(t.zvw));
  assert.equal(sum(r.municipalities), cents(t.municipal));
  for (const key of ["gross", "existingFunding", "net", "zvw", "municipal", "wlz", "conditionalZvw"]) {
    assert.equal(
      sum(r.summaries.byMainTask, (s) => s[key]),
      cents(t[key]),
      `byMainTask ${key}`,
    );
    assert.equal(
      sum(r.summaries.byLevel, (s) => s[key]),
      cents(t[key]),
      `byLevel ${key}`,
    );
  }
  for (const key of ["gross", "net", "zvw", "municipal", "wlz"])
    assert.equal(
      sum(r.lines, (l) => l[key]),
      cents(t[key]),
    );
  for (const p of r.payments.payers) {
    assert.equal(p.instalments.length, 12);
    assert.equal(
      sum(p.instalments, (x) => x),
      cents(p.amount),
    );
  }
  assert.equal(sum(r.flows.filter((f) => f.kind === "zvw")), cents(t.zvw));
  assert.equal(sum(r.flows.filter((f) => f.kind === "municipal")), cents(t.municipal));
  assert.deepEqual(
    r.years.map((y) => y.year),
    [2027, 2028, 2029, 2030, 2031],
  );
  assert.equal(r.years[0].gross, t.gross);
  assert.equal(r.lines.find((l) => l.id === "zorg-welzijn").status, "conditional");
  assert.deepEqual(
    r.municipalities.map((m) => [m.name, m.lead]),
    [
      ["Zwolle", true],
      ["Kampen", false],
      ["Hattem", false],
    ],
  );
});

test("a bad budget lists every problem with its path, and the next call works", () => {
  const s = sampleScenario();
  s.budget = [{ id: "x", level: "wijk", mainTasks: [0], amount: "1,5", split: { zvw: 50 } }, { id: "x" }];
  assert.deepEqual(
    issuesOf(() => calculate(s)),
    [
      "unknown_value@budget[0].level",
      "main_task_out_of_range@budget[0].mainTasks[0]",
      "number_has_comma@budget[0].amount",
      "percentages_not_hundred@budget[0].split",
      "duplicate_id@budget[1].id",
      "missing@budget[1].level",
      "missing@budget[1].mainTasks",
      "missing@budget[1].amount",
    ],
  );
  assert.equal(calculate(sampleScenario()).totals.zvw, "810500.00");
});

test("the sample's onderlinge dienstverlening conserves money and its place against the framework", () => {
  const r = calculate(sampleScenario());
  assert.equal(r.subcontracts.length, 5);
  for (const s of r.subcontracts) assert.equal(sum(s.fundedBy), cents(s.amount), s.id);
  const l = r.ledger;
  assert.equal(cents(l.zvwIn), cents(l.subcontracted) + cents(l.keptZvw));
  for (const i of l.insurers) assert.equal(cents(i.paid), cents(i.subcontracted) + cents(i.kept), i.insurer);
  assert.equal(l.subcontracted, "258000.00");
  const resv = r.sankey.nodes.findIndex((n) => n.kind === "resv");
  assert.equal(
    sum(
      r.sankey.links.filter((k) => k.target === resv),
      (k) => k.value,
    ),
    sum(
      r.sankey.links.filter((k) => k.source === resv),
      (k) => k.value,
    ),
  );
  assert.deepEqual(
    [r.mdz.framework, r.mdz.claimed, r.mdz.perCapita, r.mdz.fairShare, r.mdz.nationalProjection],
    ["70000000.00", "810500.00", "3.99", "787886.85", "72009070.94"],
  );
  assert.equal(r.flows.filter((f) => f.kind === "subcontract").length, 5);
});

test("compare shows what changes between two scenarios", () => {
  const a = calculate(sampleScenario());
  const s = sampleScenario();
  s.budget.find((l) => l.id === "zorg-welzijn").municipalApproved = true;
  s.budget.find((l) => l.id === "resv-bureau").amount = "220000.00";
  const c = pkg.compare(a, calculate(s));
  assert.equal(c.totals.find((t) => t.id === "zvw").difference, "10000.00");
  assert.equal(c.totals.find((t) => t.id === "conditionalZvw").difference, "-48000.00");
  assert.equal(
    sum(c.insurers, (i) => i.difference),
    1000000n,
  );
  assert.deepEqual(
    issuesOf(() => pkg.compare(null, {})),
    [
      "missing@a",
      "missing@b.totals",
      "missing@b.insurers",
      "missing@b.municipalities",
      "missing@b.lines",
      "missing@b.flows",
    ],
  );
});
