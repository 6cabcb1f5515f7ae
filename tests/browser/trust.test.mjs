// Issue 13: the page people can trust with their own numbers — amounts read as typed (the
// core's readAmount), fields that keep what was typed, new items quiet until touched, reset
// that asks and can be undone, empty starts, and an autosave that never loses work.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  SHOTS,
  useBrowser,
  openCalculator,
  recalculated,
  renders,
  untilShown,
  untilText,
} from "./browser.mjs";

useBrowser();

const report = (page) => page.evaluate(() => document.querySelector("resv-calculator").report);

/** Waits until the element's notice line matches `re`. */
const untilNotice = (page, re) =>
  page.waitForFunction(
    ([source, flags]) =>
      new RegExp(source, flags).test(
        document.querySelector("resv-calculator").shadowRoot.querySelector(".notice").textContent,
      ),
    [re.source, re.flags],
  );

/** Types `text` into the element's `#id` by keyboard and waits for the new result. */
async function typeInto(page, id, text) {
  await page.fill(`#${id}`, "");
  const n = await renders(page);
  await page.focus(`#${id}`);
  await page.keyboard.type(text);
  await recalculated(page, n);
}

test("every form of an amount typed in Dutch gives exactly that amount in the report, echoed beside the field", async () => {
  const { page, context, problems } = await openCalculator();
  await page.click("#item-budget-0-summary");
  for (const [typed, amount, echo] of [
    ["810.500", "810500.00", "= €\u00a0810.500,00"],
    ["1.250.000", "1250000.00", "= €\u00a01.250.000,00"],
    ["1.250.000,00", "1250000.00", "= €\u00a01.250.000,00"],
    ["€ 1.250.000,-", "1250000.00", "= €\u00a01.250.000,00"],
    ["1250000", "1250000.00", "= €\u00a01.250.000,00"],
    ["999,95", "999.95", "= €\u00a0999,95"],
    ["12.345,6", "12345.60", "= €\u00a012.345,60"],
    ["1250000.00", "1250000.00", "= €\u00a01.250.000,00"],
  ]) {
    await typeInto(page, "f-budget-0-amount", typed);
    assert.equal((await report(page)).lines[0].gross, amount, `typed ${typed}`);
    assert.equal(await page.textContent("#f-budget-0-amount-echo"), echo, `typed ${typed}`);
    assert.equal(await page.inputValue("#f-budget-0-amount"), typed, "the field keeps what was typed");
  }
  await typeInto(page, "f-lumpSum", "810.500");
  assert.equal(
    await page.evaluate(() => document.querySelector("resv-calculator").scenario.lumpSum),
    "810500.00",
    "the lump sum 810.500 is € 810.500,00",
  );
  // A percentage with its sign, and the decimal comma.
  await typeInto(page, "f-budget-0-split-zvw", "60%");
  await typeInto(page, "f-budget-0-split-municipal", "40");
  assert.deepEqual(
    await page.evaluate(() => document.querySelector("resv-calculator").scenario.budget[0].split),
    { zvw: "60", municipal: "40" },
    "60% and 40 read as 60 and 40",
  );
  // A form that fits no reading: the issue at its field says what was typed and how to write it.
  const n = await renders(page);
  await page.fill("#f-budget-0-amount", "1.250.00");
  await recalculated(page, n);
  await untilShown(page, "f-budget-0-amount-error");
  const error = await page.textContent("#f-budget-0-amount-error");
  assert.match(error, /„1\.250\.00” is geen bedrag/);
  assert.match(error, /1\.250\.000,00/);
  assert.equal(await page.inputValue("#f-budget-0-amount"), "1.250.00");
  await page.screenshot({ path: `${SHOTS}trust-typed.png` });
  // The typed text survives a reload (the autosave keeps it).
  await page.fill("#f-budget-0-amount", "210.000");
  await page.waitForFunction(
    () => document.querySelector("resv-calculator").report?.lines[0].gross === "210000.00",
  );
  await page.reload();
  await page.waitForSelector("body[data-ready=true]");
  assert.equal(await page.inputValue("#f-budget-0-amount"), "210.000");
  assert.equal((await report(page)).lines[0].gross, "210000.00");
  // Values the page fills in are in the page's language.
  assert.match(await page.inputValue("#f-budget-1-amount"), /^\d{1,3}(\.\d{3})*,\d{2}$/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("in English, 1,250 is one thousand two hundred and fifty, and 12,5 is refused", async () => {
  const { page, context, problems } = await openCalculator();
  await page.evaluate(() => document.querySelector("resv-calculator").setAttribute("lang", "en"));
  await page.waitForFunction(() => document.querySelector("resv-calculator").getAttribute("lang") === "en");
  await page.click("#item-budget-0-summary");
  await typeInto(page, "f-budget-0-amount", "1,250");
  assert.equal((await report(page)).lines[0].gross, "1250.00");
  assert.equal(await page.textContent("#f-budget-0-amount-echo"), "= €1,250.00");
  await typeInto(page, "f-budget-0-amount", "€1,250,000");
  assert.equal((await report(page)).lines[0].gross, "1250000.00");
  const n = await renders(page);
  await page.fill("#f-budget-0-amount", "12,5");
  await recalculated(page, n);
  await untilText(page, "f-budget-0-amount-error", /“12,5” is not an amount/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a new budget line is quiet until touched; reset asks and can be undone, also after a reload", async () => {
  const { page, context, problems } = await openCalculator();
  await page.click("#budget-add");
  await page.waitForSelector("#f-budget-9-amount");
  await untilShown(page, "problems");
  assert.match(await page.textContent("#problems"), /Nog niet ingevuld/);
  assert.equal(await page.isHidden("#f-budget-9-amount-error"), true, "no error before anything is typed");
  await page.fill("#f-budget-9-name", "Nieuwe regel");
  await untilShown(page, "f-budget-9-amount-error");
  await page.fill("#f-budget-9-amount", "1.000");
  await page.waitForFunction(() => document.querySelector("resv-calculator").report?.lines.length === 10);
  // Reset asks first; cancel keeps everything.
  await page.click("#reset");
  await page.click(".notice button:text('Annuleren')");
  assert.equal((await report(page)).lines.length, 10);
  await page.click("#reset");
  await page.click(".notice button:text('Ja, vervangen')");
  await page.waitForFunction(() => document.querySelector("resv-calculator").report?.lines.length === 9);
  await page.click(".notice button:text('Ongedaan maken')");
  await page.waitForFunction(() => document.querySelector("resv-calculator").report?.lines.length === 10);
  assert.equal((await report(page)).lines[9].gross, "1000.00");
  // Replaced again, then reloaded: the previous scenario is still one click away.
  await page.click("#reset");
  await page.click(".notice button:text('Ja, vervangen')");
  await page.waitForFunction(() => document.querySelector("resv-calculator").report?.lines.length === 9);
  await page.waitForTimeout(100);
  await page.reload();
  await page.waitForSelector("body[data-ready=true]");
  await page.click(".notice button:text('Het vorige scenario terugzetten')");
  await page.waitForFunction(() => document.querySelector("resv-calculator").report?.lines.length === 10);
  assert.deepEqual(problems, []);
  await context.close();
});

test("only split a lump sum: a region from scratch, no sample lines left to remove", async () => {
  const { page, context, problems } = await openCalculator();
  await page.click("#only-split");
  await page.click(".notice button:text('Ja, vervangen')");
  await page.waitForFunction(() => document.querySelector("resv-calculator").scenario?.budget === undefined);
  await typeInto(page, "f-lumpSum", "810.500");
  const r = await report(page);
  assert.equal(r.lines.length, 0);
  const sum = r.insurers.reduce((a, i) => a + Math.round(Number(i.amount) * 100), 0);
  assert.equal(sum, 81_050_000);
  await page.screenshot({ path: `${SHOTS}trust-only-split.png` });
  assert.deepEqual(problems, []);
  await context.close();
});

test("removing the mandaatgemeente falls back to the automatic choice, with a notice", async () => {
  const { page, context, problems } = await openCalculator();
  await page.click("#g-municipalities summary");
  const lead = await page.evaluate(() => document.querySelector("resv-calculator").scenario.leadMunicipality);
  const index = await page.evaluate(
    (id) => document.querySelector("resv-calculator").scenario.municipalities.findIndex((m) => m.id === id),
    lead,
  );
  await page.click(`#item-municipalities-${index}-summary`);
  await page.click(`#item-municipalities-${index} button.remove`);
  await untilNotice(page, /mandaatgemeente/);
  await page.waitForFunction(
    () => document.querySelector("resv-calculator").report?.municipalities.length === 2,
  );
  assert.equal(
    await page.evaluate(() => document.querySelector("resv-calculator").scenario.leadMunicipality),
    undefined,
  );
  assert.deepEqual(problems, []);
  await context.close();
});

test("a full storage is said on screen and loses nothing; a hostile autosave is set aside", async () => {
  const { page, context, problems } = await openCalculator();
  // Fill localStorage so the next autosave cannot be written.
  await page.evaluate(() => {
    let i = 0;
    for (const size of [100_000, 10_000, 1_000, 100, 10, 1])
      try {
        for (;;) localStorage.setItem(`filler-${i++}`, "x".repeat(size));
      } catch {
        /* full at this size: try a smaller one */
      }
  });
  await page.fill("#f-name", `Mijn regio ${"x".repeat(5000)}`); // longer than what is saved: it cannot fit
  await untilNotice(page, /opslag is vol/);
  assert.ok(await page.$(".notice button:text('Opslaan als bestand')"));
  // Room again: the next edit is saved, and nothing typed was lost after a reload.
  await page.evaluate(() => {
    for (const k of Object.keys(localStorage)) if (k.startsWith("filler-")) localStorage.removeItem(k);
  });
  await page.fill("#f-name", "Mijn regio 2");
  await page.waitForFunction(() =>
    (localStorage.getItem("resv-calc:page:scenario") ?? "").includes("Mijn regio 2"),
  );
  await page.reload();
  await page.waitForSelector("body[data-ready=true]");
  assert.equal(await page.inputValue("#f-name"), "Mijn regio 2");
  // An autosave whose market rows are not a list: set aside with a notice, the element starts.
  await page.evaluate(() =>
    localStorage.setItem(
      "resv-calc:page:scenario",
      JSON.stringify({ v: 2, scenario: { market: { rows: 7 } }, market: { kind: "rows", text: '{"a":1}' } }),
    ),
  );
  await page.evaluate(() => localStorage.setItem("resv-calc:page:scenario", "{not json"));
  await page.reload();
  await page.waitForSelector("body[data-ready=true]");
  await untilNotice(page, /apart gezet/);
  assert.equal(await page.evaluate(() => localStorage.getItem("resv-calc:page:set-aside")), "{not json");
  assert.deepEqual(problems, []);
  await context.close();
});

test("two tabs on one origin: the other tab's save is offered, not silently overwritten", async () => {
  const { page, context, problems } = await openCalculator();
  const second = await context.newPage();
  await second.goto(page.url());
  await second.waitForSelector("body[data-ready=true]");
  await second.fill("#f-name", "Uit het tweede tabblad");
  await untilNotice(page, /ander tabblad/);
  await page.click(".notice button:text('De versie uit het andere tabblad openen')");
  await untilText(page, "f-name", /Uit het tweede tabblad/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a warning also shows next to its cause, as a warning and not an error", async () => {
  const { page, context, problems } = await openCalculator();
  // A year after the experiment is calculated with a warning at `year`: the note shows under
  // the year field too, and does not mark it invalid.
  const n = await renders(page);
  await page.fill("#f-year", "2032");
  await recalculated(page, n);
  const codes = (await report(page)).warnings.map((w) => `${w.code}@${w.path}`);
  assert.ok(codes.includes("year_outside_experiment@year"), codes.join(", "));
  const note = await page.textContent("#f-year-error .note");
  assert.match(note, /^2032 valt buiten het experiment/);
  // Marked once, with a glyph of its own and not in the error's red.
  const look = await page.evaluate(() => {
    const root = document.querySelector("resv-calculator").shadowRoot;
    const n = root.querySelector("#f-year-error .note");
    return {
      glyph: getComputedStyle(n, "::before").content,
      color: getComputedStyle(n).color,
      error: getComputedStyle(root.querySelector("#f-year-error")).color,
    };
  });
  assert.equal(look.glyph, '"ⓘ "');
  assert.notEqual(look.color, look.error);
  assert.equal(await page.getAttribute("#f-year", "aria-invalid"), "false");
  assert.deepEqual(problems, []);
  await context.close();
});

/**
 * Every text the editor shows to help with a value — labels, hints, placeholders, the values it
 * fills in — in a form a user of `lang` would type: no machine amounts (`1250000.00`), no
 * fractions or decimal points (`0.35`), no ISO dates, no `true`/`false`, no JSON.
 */
async function helpTexts(page) {
  return page.evaluate(() => {
    const root = document.querySelector("resv-calculator").shadowRoot;
    for (const d of root.querySelectorAll(
      "#g-general, #g-roles, #g-workArea, #g-budget, #g-municipalities, #g-subcontracts, #g-mdz, details.item",
    ))
      d.open = true;
    const out = [];
    for (const e of root.querySelectorAll(".editor label, .editor legend, .editor .hint, .editor summary"))
      out.push(["text", e.textContent]);
    for (const e of root.querySelectorAll(".editor input[placeholder], .editor textarea[placeholder]"))
      out.push(["placeholder", e.placeholder]);
    for (const e of root.querySelectorAll(".editor input[type=text], .editor textarea"))
      out.push([`value of ${e.id}`, e.value]);
    return out;
  });
}

const MACHINE = [
  [/\b\d{4,}\.\d{2}\b/, "a machine amount"],
  [/\b\d{5,}\b(?![-–])/, "digits without grouping"],
  [/(^|[^\d.,])0\.\d/, "a decimal point fraction"],
  [/\b\d+\.\d+\s*%/, "a percentage with a point"],
  [/\b\d{4}-\d{2}-\d{2}\b/, "an ISO date"],
  [/\b(true|false|null|undefined)\b/, "a JSON word"],
  [/[{}]"|"\s*:/, "JSON"],
];

test("no hint, placeholder, label or filled-in value shows a machine format (Dutch page)", async () => {
  const { page, context, problems } = await openCalculator();
  // A scenario with what a region has: decimals, fractions of a postcode, populations, shares.
  await page.evaluate(() => {
    const el = document.querySelector("resv-calculator");
    const s = el.scenario;
    s.workArea = [...s.workArea, { postcode: "8091", fraction: "0.35" }];
    s.budget[0].taskShares = { 1: "100" };
    s.budget[1].growth = "2.5";
    s.budget[0].split = { zvw: "95.5", municipal: "4.5" };
    s.mdz = { population: 18044025, regions: [{ id: "regio-2", zvw: "1250000.00", population: 250000 }] };
    el.scenario = s;
  });
  // The scenario set is valid: its result is shown (the municipal part of line 1 is 4.5%).
  await page.waitForFunction(
    () => document.querySelector("resv-calculator").report?.lines[0].municipal === "9450.00",
  );
  await page.waitForSelector("#f-mdz-regions-0-population", { state: "attached" });
  const found = [];
  for (const [where, text] of await helpTexts(page))
    for (const [re, what] of MACHINE)
      // Postcode ranges (8011-8045) and codes (GM0193) are what people write.
      if (re.test(text.replace(/\b\d{4}(-\d{4})?\b/g, "pc").replace(/GM\d+/g, "gm")))
        found.push(`${where}: ${what}: ${text}`);
  assert.deepEqual(found, []);
  assert.equal(await page.inputValue("#f-mdz-population"), "18.044.025");
  assert.match(await page.inputValue("#f-workArea"), /8091 \(35%\)$/);
  // And what is shown is what is read back when typed: a part of a postcode, a population.
  await typeInto(page, "f-workArea", "8011-8045, 8051-8052, 8261-8278, 8293, 8091 (35,5%)");
  assert.deepEqual(
    (await page.evaluate(() => document.querySelector("resv-calculator").scenario.workArea))[4],
    {
      postcode: "8091",
      fraction: "0.355",
    },
  );
  await typeInto(page, "f-mdz-population", "17.000.000");
  await page.waitForFunction(
    () => document.querySelector("resv-calculator").report?.mdz.nationalPopulation === 17000000,
  );
  assert.equal(
    await page.evaluate(() => document.querySelector("resv-calculator").scenario.mdz.population),
    17000000,
  );
  assert.deepEqual(problems, []);
  await context.close();
});
