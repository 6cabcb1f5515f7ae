// The element's own issue catalogue (www/element/i18n.js) as a table: every code the element
// reports, once, with a Dutch and an English text that both exist, differ and carry the facts.
// Pure modules only: runs without the built package.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { ISSUES, issue, issueText } from "../../www/element/i18n.js";

// key, the issue code it carries, sample facts (each must appear in both texts)
const TABLE = [
  ["src_unreadable", "unreadable", ["scenario.json", "404 Not Found"]],
  ["scenario_not_object", "wrong_type", []],
  ["scenario_not_data", "wrong_type", []],
  ["market_wrong_shape", "wrong_type", []],
  ["market_no_file", "missing", []],
  ["market_file_lost", "missing", ["verzekerden.csv"]],
  ["market_file_too_large", "file_too_large", ["groot.csv", "256"]],
  ["xlsx_damaged", "unreadable_xlsx", []],
  ["xlsx_zip64", "unsupported_xlsx", []],
  ["xlsx_encrypted", "unsupported_xlsx", []],
  ["xlsx_sheet_too_large", "file_too_large", []],
  ["xlsx_too_slow", "too_slow", ["20"]],
  ["not_started", "not_started", []],
];

test("every element issue key is listed once and the catalogue holds exactly those", () => {
  const keys = TABLE.map(([key]) => key);
  assert.deepEqual(
    keys.filter((k, i) => keys.indexOf(k) !== i),
    [],
    "no key is listed twice",
  );
  assert.deepEqual(Object.keys(ISSUES).sort(), [...keys].sort());
});

for (const [key, code, facts] of TABLE) {
  test(`${key} carries ${code} and a Dutch and an English text that differ`, () => {
    assert.equal(ISSUES[key].code, code, key);
    assert.match(code, /^[a-z]+(_[a-z0-9]+)*$/, `${key}: the code is snake_case`);
    const nl = issueText(key, "nl", ...facts),
      en = issueText(key, "en", ...facts);
    for (const [lang, text] of [
      ["nl", nl],
      ["en", en],
    ]) {
      assert.equal(typeof text, "string", `${key}.${lang} is text`);
      assert.ok(text.trim().length > 0, `${key}.${lang} is not empty`);
      for (const fact of facts) assert.ok(text.includes(fact), `${key}.${lang} shows ${fact}: ${text}`);
    }
    assert.notEqual(nl, en, `${key}: Dutch and English differ`);
    assert.deepEqual(issue(key, "market", ...facts), { code, path: "market", message: nl, messageEn: en });
  });
}

test("no other element module writes issue text of its own", () => {
  const dir = new URL("../../www/element/", import.meta.url);
  for (const file of readdirSync(dir).filter((f) => f.endsWith(".js") && f !== "i18n.js")) {
    const text = readFileSync(new URL(file, dir), "utf8");
    // Text written in place (a string or template literal); a message passed through from an
    // exception (`message: e.message`) is not catalogue text.
    const inline = [...text.matchAll(/\bmessage(?:En)?:\s*["'`][^"'`]*/g)].map((m) => m[0]);
    assert.deepEqual(inline, [], `${file}: issue text belongs in the catalogue of i18n.js`);
  }
});

test("the market status counts in the right number: 1 postcode, 2 postcodes", async () => {
  const { TEXT, formats } = await import("../../www/element/i18n.js");
  const nl = TEXT.nl.marketInfo({ rows: 1, labels: 1, postcodes: 1 }, formats("nl"));
  assert.equal(nl, "1 rij, 1 verzekeraar, 1 postcode");
  const many = TEXT.nl.marketInfo({ rows: 2986954, labels: 10, postcodes: 462667 }, formats("nl"));
  assert.equal(many, "2.986.954 rijen, 10 verzekeraars, 462.667 postcodes");
  const en = TEXT.en.marketInfo({ rows: 1, labels: 2, postcodes: null }, formats("en"));
  assert.equal(en, "1 row, 2 insurers");
});
