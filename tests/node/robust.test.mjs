// Issue 18: no call of any shape leaves the instance unusable. Thousands of calls per hostile
// kind (throwing getters, revoked proxies, detached buffers, huge strings), each refused with
// the one error shape at the path of what could not be read, then a valid call.
import { test } from "node:test";
import assert from "node:assert/strict";
import pkg, { issuesOf } from "./load.mjs";

const CALLS = 2_000;

function valid() {
  const s = pkg.sampleScenario();
  assert.equal(pkg.calculate(s).totals.zvw, "810500.00");
  assert.equal(pkg.allocate("1.00", [{ id: "a", weight: 1 }])[0].amount, "1.00");
}

const revoked = () => {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
};
const revokedArray = () => {
  const { proxy, revoke } = Proxy.revocable([], {});
  revoke();
  return proxy;
};
const detached = () => {
  const b = new ArrayBuffer(64);
  structuredClone(b, { transfer: [b] });
  return b;
};
const throwing = () => ({
  get name() {
    throw 0;
  },
});
const trap = () =>
  new Proxy(
    {},
    {
      ownKeys() {
        throw new Error("trap");
      },
    },
  );
const table = pkg.parseMarketCsv(pkg.sampleMarketCsv());
const region = [{ id: "a", postcodes: ["8011"], lumpSum: 1 }];

const kinds = {
  "a throwing getter in calculate": [() => pkg.calculate(throwing()), ["read_failed@name"]],
  "a throwing getter deep in a budget line": [
    () =>
      pkg.calculate({
        lumpSum: "1",
        budget: [
          {
            get amount() {
              throw new Error("x");
            },
          },
        ],
      }),
    ["read_failed@budget[0].amount"],
  ],
  "a throwing array element": [
    () =>
      pkg.allocate("1", [
        { id: "a", weight: 1 },
        Object.defineProperty({}, "id", {
          get() {
            throw 1;
          },
          enumerable: true,
        }),
      ]),
    ["read_failed@weights[1].id"],
  ],
  "a revoked proxy as the weights of allocate": [() => pkg.allocate("1", revoked()), ["read_failed@weights"]],
  "a revoked array proxy as the total of allocate": [
    () => pkg.allocate(revokedArray(), []),
    ["read_failed@total"],
  ],
  "a proxy whose ownKeys throws in compare": [
    () => pkg.compare(trap(), trap()),
    ["read_failed@a", "read_failed@b"],
  ],
  "a revoked proxy as the regions of allocateRegions": [
    () => pkg.allocateRegions(table, revoked()),
    ["read_failed@regions"],
  ],
  "a revoked proxy as the options of nationalView": [
    () => pkg.nationalView(table, region, revoked()),
    ["read_failed@options"],
  ],
  "a revoked proxy as the scenario": [() => pkg.calculate(revoked()), ["read_failed@scenario"]],
  "a detached ArrayBuffer in parseMarketCsv": [() => pkg.parseMarketCsv(detached()), ["read_failed@data"]],
  "a Uint8Array over a detached buffer in parseMarketCsv": [
    () => {
      const b = new ArrayBuffer(8);
      const v = new Uint8Array(b);
      structuredClone(b, { transfer: [b] });
      return pkg.parseMarketCsv(v);
    },
    ["file_empty@data"],
  ],
  "a proxy of a Uint8Array in parseMarketCsv": [
    () =>
      pkg.parseMarketCsv(
        new Proxy(new Uint8Array(8), {
          get() {
            throw 2;
          },
        }),
      ),
    ["unreadable@data"],
  ],
};

for (const [name, [call, want]] of Object.entries(kinds)) {
  test(`${CALLS} calls with ${name} are each refused with read_failed at its path, and the module still works`, () => {
    for (let i = 0; i < CALLS; i++) {
      const got = issuesOf(call);
      if (i === 0) assert.deepEqual(got, want);
    }
    valid();
  });
}

test("a string longer than the text limit is refused before it is copied, with its path", () => {
  const long = "x".repeat(1_000_001);
  const s = pkg.sampleScenario();
  assert.deepEqual(
    issuesOf(() => pkg.calculate({ ...s, name: long })),
    ["text_too_long@name"],
  );
  assert.deepEqual(
    issuesOf(() => pkg.calculate({ ...s, [long]: 1 })),
    ["text_too_long@scenario"],
  );
  assert.equal(pkg.calculate({ ...s, name: "x".repeat(1_000_000) }).totals.zvw, "810500.00");
  valid();
});

test("parseMarketCsv counts the file limit in UTF-8 bytes, not UTF-16 units", () => {
  // 100 Mi units of "€" is 300 MiB of UTF-8: over the 256 MiB limit although its length is not.
  const euro = "€".repeat(100 * 1024 * 1024);
  assert.deepEqual(
    issuesOf(() => pkg.parseMarketCsv(euro)),
    ["file_too_large@data"],
  );
  valid();
});

test("20,000 subcontracts are checked and funded without a stall (a hang bound, not a speed claim)", () => {
  const s = pkg.sampleScenario();
  s.hoofdaannemer = { form: "legalEntity", agreement: true };
  s.subcontracts = Array.from({ length: 20_000 }, (_, i) => ({
    id: `s${i}`,
    contractor: `c${i % 50}`,
    amount: "0.01",
  }));
  const t0 = performance.now();
  const r = pkg.calculate(s);
  const ms = performance.now() - t0;
  assert.equal(r.subcontracts.length, 20_000);
  assert.ok(ms < 20_000, `${Math.round(ms)} ms (was 42 s before issue 18)`);
});

test("the largest lump sum (€10^15) calculates for a small region; one cent more is refused at lumpSum", () => {
  const market = pkg.sampleScenario().market;
  const r = pkg.calculate({ market, lumpSum: "1000000000000000.00" });
  assert.equal(r.totals.zvw, "1000000000000000.00");
  assert.ok(r.mdz.nationalProjection.length > "1000000000000000.00".length, r.mdz.nationalProjection);
  assert.deepEqual(
    issuesOf(() => pkg.calculate({ market, lumpSum: "1000000000000000.01" })),
    ["amount_too_large@lumpSum"],
  );
});

test("a freed MarketTable: every member throws one clear table_freed Error, free() again does nothing, the module still works", () => {
  const t = pkg.parseMarketCsv(pkg.sampleMarketCsv());
  const rows = t.rowCount;
  t.free();
  const members = {
    rowCount: () => t.rowCount,
    postcodeCount: () => t.postcodeCount,
    warnings: () => t.warnings,
    insurers: () => t.insurers(),
    toJSON: () => t.toJSON(),
    toCsv: () => t.toCsv(),
    "JSON.stringify": () => JSON.stringify({ market: t }),
  };
  for (let i = 0; i < CALLS; i++) {
    for (const [name, call] of Object.entries(members)) {
      assert.throws(call, (e) => {
        assert.ok(e instanceof Error);
        assert.equal(e.code, "table_freed", `${name}: ${e.message}`);
        assert.doesNotMatch(e.message, /null pointer/);
        if (i === 0) {
          assert.match(
            e.message,
            new RegExp(`^MarketTable\\.${name === "JSON.stringify" ? "toJSON" : name}: `),
          );
          assert.match(e.message, /vrijgegeven \(free\(\)\).* \/ this market table was freed \(free\(\)\)/);
        }
        return true;
      });
    }
    t.free(); // a second free() is a no-op, not a trap
    t[Symbol.dispose]();
  }
  assert.deepEqual(
    issuesOf(() => pkg.calculate({ market: t, lumpSum: "1.00" })),
    ["table_freed@market"],
  );
  assert.deepEqual(
    issuesOf(() => pkg.allocateRegions(t, [{ id: "a", postcodes: ["8011"], lumpSum: 1 }])),
    ["table_freed@market"],
  );
  valid();
  const again = pkg.parseMarketCsv(pkg.sampleMarketCsv());
  assert.equal(again.rowCount, rows);
  again.free();
});

test("MarketTable.toCsv() defuses names a spreadsheet would run as a formula; toJSON() keeps them exactly", () => {
  const csv =
    'postcode;verzekeraar;concern;verzekerden\n8011;=HYPERLINK("x");CZ;1\n8012;+1;@A1;2\n8013;-2;CZ;3\n8014;CZ;CZ;4\n';
  const t = pkg.parseMarketCsv(csv);
  const out = t.toCsv();
  assert.match(out, /\r\n8011;"'=HYPERLINK\(""x""\)";CZ;1\r\n/);
  assert.match(out, /\r\n8012;'\+1;'@A1;2\r\n/);
  assert.match(out, /\r\n8013;'-2;CZ;3\r\n/);
  assert.match(out, /\r\n8014;CZ;CZ;4\r\n/);
  assert.deepEqual(
    t.toJSON().map((r) => r.insurer),
    ['=HYPERLINK("x")', "+1", "-2", "CZ"],
  );
  t.free();
});

test("the element's own copy of a table (autosave, a MarketTable set from outside) keeps formula names exactly", async () => {
  const { rowsCsv } = await import("../../pkg/engine-core.js");
  const csv =
    'postcode;verzekeraar;concern;verzekerden;fractie\n8011;=HYPERLINK("x");"Zorg; en";1;0,5\n8012;@A1;;2;\n';
  const t = pkg.parseMarketCsv(csv);
  const again = pkg.parseMarketCsv(rowsCsv(t.toJSON()));
  assert.deepEqual(again.toJSON(), t.toJSON());
  assert.equal(t.toJSON()[0].insurer, '=HYPERLINK("x")');
  assert.equal(t.toJSON()[0].fraction, "0.5");
  const plain = pkg.parseMarketCsv(pkg.sampleMarketCsv());
  const back = pkg.parseMarketCsv(rowsCsv(plain.toJSON()));
  assert.deepEqual(back.toJSON(), plain.toJSON());
  for (const x of [t, again, plain, back]) x.free();
});
