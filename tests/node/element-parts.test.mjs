// The element's pure parts under Node, without a browser or the built package: where an issue
// is shown (editor-issues.js), the result's rows and CSV
// and the link's packing (io.js), and the scenario as the core reads it (editor.js).
import { test } from "node:test";
import assert from "node:assert/strict";
import { placeOf, placeIssues } from "../../www/element/editor-issues.js";
import { pack, unpack, fileName, reportFileName } from "../../www/element/io.js";
import { normalMoney } from "../../www/element/editor-fields.js";
import { clean } from "../../www/element/editor.js";
import { TEXT } from "../../www/element/i18n.js";

const FIELDS = [
  "name",
  "lumpSum",
  "workArea",
  "market",
  "budget",
  "budget[0]",
  "budget[0].amount",
  "budget[0].split",
  "budget[0].split.zvw",
  "budget[10]",
  "mdz.regions",
];
const at = (path, extra = {}) => ({
  code: "x",
  path,
  message: `nl ${path}`,
  messageEn: `en ${path}`,
  ...extra,
});

test("an issue goes to the field with the longest path that covers it, at a segment boundary", () => {
  for (const [path, want] of [
    ["lumpSum", "lumpSum"],
    ["budget[0].amount", "budget[0].amount"],
    ["budget[0].split.zvw", "budget[0].split.zvw"],
    ["budget[0].split.wlz", "budget[0].split"],
    ["budget[0].growth", "budget[0]"],
    ["budget[1]", "budget"],
    ["budget[10].name", "budget[10]"],
    ["budget[1].name", "budget"],
    ["nameless", null],
    ["lumpSumExtra", null],
    ["year", null],
    ["", null],
    ["mdz.regions[2].zvw", "mdz.regions"],
    ["mdz", null],
  ])
    assert.equal(placeOf(at(path), FIELDS), want, path);
});

test("a market line error and an estimate's or the data's issue belong to the market part", () => {
  assert.equal(placeOf(at("market[3]", { line: 4 }), FIELDS), "market");
  assert.equal(placeOf(at("estimate.shares"), FIELDS), "market");
  assert.equal(placeOf(at("data"), FIELDS), "market");
  assert.equal(placeOf(at("database"), FIELDS), null, "a word boundary, not a prefix");
  assert.equal(placeOf(at("market[2]", { line: 3 }), ["name"]), "market", "even where no field covers it");
  assert.equal(placeOf(at("market"), ["name"]), null, "without a line, by the longest-prefix rule");
});

test("placed issues keep their order and language; the rest go to the list with their path", () => {
  const issues = [
    at("budget[0].amount"),
    at("year"),
    at("budget[0].amount", { message: "tweede", messageEn: "second" }),
    at("", { message: "algemeen", messageEn: "general" }),
  ];
  const nl = placeIssues(issues, FIELDS, "nl", TEXT.nl);
  assert.deepEqual([...nl.byPath], [["budget[0].amount", ["nl budget[0].amount", "tweede"]]]);
  assert.deepEqual(nl.rest, ["year: nl year", "algemeen"]);
  const en = placeIssues(issues, FIELDS, "en", TEXT.en);
  assert.deepEqual(en.byPath.get("budget[0].amount"), ["en budget[0].amount", "second"]);
  assert.deepEqual(en.rest, ["year: en year", "general"]);
  // No English text: the Dutch one.
  assert.deepEqual(
    placeIssues([{ path: "name", message: "alleen nl" }], FIELDS, "en", TEXT.en).byPath.get("name"),
    ["alleen nl"],
  );
});

test("a list entry's issue names the entry; a market line issue names line and column", () => {
  const entries = (path) => (path === "workArea" ? ["8011", "8045-8011"] : undefined);
  const { byPath } = placeIssues(
    [at("workArea[1]"), at("market", { line: 12, column: "postcode" }), at("market", { line: 3 })],
    FIELDS,
    "nl",
    TEXT.nl,
    entries,
  );
  assert.deepEqual(byPath.get("workArea"), ["8045-8011: nl workArea[1]"]);
  assert.deepEqual(byPath.get("market"), ["regel 12 (kolom postcode): nl market", "regel 3: nl market"]);
  assert.deepEqual(
    placeIssues([at("market", { line: 2, column: "x" })], FIELDS, "en", TEXT.en).byPath.get("market"),
    ["line 2 (column x): en market"],
  );
});

// The result's rows, its CSV and its workbook: tests/node/workbook.test.mjs (with the core).

test("a packed state unpacks to the same state; anything else unpacks to null", async () => {
  const state = {
    v: 2,
    scenario: { name: "Zwolle € ✓", budget: [{ amount: "1.00" }] },
    market: { kind: "paste", text: "postcode;verzekeraar\n".repeat(500) },
  };
  const packed = await pack(state);
  assert.match(packed, /^[A-Za-z0-9_-]+$/, "base64url: safe in a URL fragment");
  assert.ok(packed.length < JSON.stringify(state).length / 4, "deflated");
  assert.deepEqual(await unpack(packed), state);
  for (const bad of ["", "!!!", "AAAA", await pack([1, 2]), await pack("text")])
    assert.equal(await unpack(bad), null, bad);
});

test("money as typed becomes the core's grammar; file names are safe", () => {
  for (const [typed, want] of [
    ["1.234,56", "1234.56"],
    ["1234,56", "1234.56"],
    ["€ 810500.00", "810500.00"],
    [" 1 000 ", "1000"],
    ["12x", "12x"],
  ])
    assert.equal(normalMoney(typed), want, typed);
  assert.equal(fileName("Regio Zwolle / 2027", "csv"), "Regio-Zwolle-2027.csv");
  assert.equal(fileName("", "json"), "resv-scenario.json");
  assert.equal(reportFileName({ name: "Regio Zwolle", year: 2027 }, "xlsx"), "Regio-Zwolle-2027.xlsx");
  assert.equal(reportFileName({ name: "Regio Zwolle 2027", year: 2027 }, "csv"), "Regio-Zwolle-2027.csv");
});

test("the scenario the core reads leaves out the editor's empty lists, and is a copy", () => {
  const live = {
    name: "x",
    budget: [],
    municipalities: [{ id: "GM1" }],
    subcontracts: [],
    mdz: { regions: [] },
  };
  const c = clean(live);
  assert.deepEqual(c, { name: "x", municipalities: [{ id: "GM1" }] });
  c.municipalities[0].id = "changed";
  assert.equal(live.municipalities[0].id, "GM1");
  assert.deepEqual(clean({ mdz: { framework: "1.00", regions: [] } }), { mdz: { framework: "1.00" } });
});

test("task shares are read as typed and written back the same way", async () => {
  const { taskSharesOf, taskSharesText } = await import("../../www/element/editor-sections.js");
  assert.deepEqual(taskSharesOf("4: 80, 5: 20%"), { 4: "80", 5: "20" });
  assert.deepEqual(taskSharesOf("4=55,5; 5=44,5"), { 4: "55.5", 5: "44.5" });
  assert.equal(taskSharesOf("  "), undefined);
  assert.equal(taskSharesText({ 4: "80", 5: "20" }), "4: 80, 5: 20");
  assert.equal(taskSharesText(undefined), "");
});
