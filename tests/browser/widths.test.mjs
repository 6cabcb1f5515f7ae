// Every result readable at every width (issue 14), in Chromium at a phone's 390×844 and at
// 768, 1024, 1280 and 1920 px, in Dutch and English: no table cell out of reach, the MDZ bars to
// scale, the Sankey's labels inside it, apart and at least 12 px, a phone's way to the results.
// Screenshots of each part at each width go to tests/browser/screenshots/widths-*.png, the
// measured numbers to widths-measured.json beside them.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { SHOTS, useBrowser, openCalculator, untilText } from "./browser.mjs";

useBrowser();

const WIDTHS = [
  [390, 844],
  [768, 1024],
  [1024, 800],
  [1280, 900],
  [1920, 1080],
];
const measured = {};
after(() => writeFileSync(`${SHOTS}widths-measured.json`, `${JSON.stringify(measured, null, 1)}\n`));

/** The calculator at `width`×`height` in `lang`, its Sankey drawn at its own width. */
async function open(width, height, lang, options = {}) {
  const opened = await openCalculator("", { viewport: { width, height }, ...options });
  const { page } = opened;
  if (lang === "en") {
    await page.click("#lang");
    await untilText(page, "insurers-caption", /Split over the health insurers/);
  }
  await page.waitForFunction(() => {
    const f = document.querySelector("resv-calculator").shadowRoot.querySelector("figure.sankey");
    return f && Number(f.dataset.drawnWidth) === Math.floor(f.getBoundingClientRect().width);
  });
  return opened;
}

/** Per table region: its sizes, whether it can be focused, and every cell out of its reach. */
const tableCheck = () => {
  const root = document.querySelector("resv-calculator").shadowRoot;
  const page = document.documentElement;
  const out = { pageScrollsSideways: page.scrollWidth > page.clientWidth, regions: {} };
  for (const wrap of root.querySelectorAll(".result .table-wrap")) {
    const t = wrap.querySelector("table");
    const box = wrap.getBoundingClientRect();
    const scrolls = wrap.scrollWidth > wrap.clientWidth;
    const name = root.getElementById(wrap.getAttribute("aria-labelledby"))?.textContent ?? "";
    const unreachable = [],
      clipped = [];
    for (const cell of t.querySelectorAll("th, td")) {
      const r = cell.getBoundingClientRect();
      if (r.width === 0) continue; // an empty cell of a stacked row is not shown
      // Reachable: inside the region's scrollable width (and inside its box when it does not scroll).
      const right = box.left + (scrolls ? wrap.scrollWidth : wrap.clientWidth);
      if (r.left < box.left - 1 || r.right > right + 1) unreachable.push(cell.textContent);
      if (cell.scrollWidth > cell.clientWidth + 1) clipped.push(cell.textContent);
    }
    out.regions[t.id] = {
      scrollWidth: wrap.scrollWidth,
      clientWidth: wrap.clientWidth,
      scrolls,
      focusable: wrap.tabIndex === 0,
      role: wrap.getAttribute("role"),
      name,
      stacked: getComputedStyle(t).display === "block",
      unreachable,
      clipped,
    };
  }
  return out;
};

/** The MDZ bars: per pair, each bar's width, its track's width and its value. */
const barCheck = () =>
  [...document.querySelector("resv-calculator").shadowRoot.querySelectorAll("#mdz dl.bars")].map((dl) =>
    [...dl.querySelectorAll(".bar")].map((b) => ({
      key: b.classList[1],
      value: Number(b.dataset.value),
      width: b.getBoundingClientRect().width,
      // The track's inner width (its left border is the axis).
      track:
        b.parentElement.getBoundingClientRect().width -
        parseFloat(getComputedStyle(b.parentElement).borderLeftWidth),
    })),
  );

/** The Sankey: its box and scale, and every label's box and rendered font size. */
const sankeyCheck = () => {
  const svg = document.querySelector("resv-calculator").shadowRoot.querySelector("figure.sankey svg");
  const box = svg.getBoundingClientRect();
  const scale = box.width / svg.viewBox.baseVal.width;
  const labels = [...svg.querySelectorAll("text")].map((t) => {
    const r = t.getBoundingClientRect();
    return {
      text: t.textContent,
      x0: r.left - box.left,
      y0: r.top - box.top,
      x1: r.right - box.left,
      y1: r.bottom - box.top,
      px: parseFloat(getComputedStyle(t).fontSize) * scale,
    };
  });
  return { width: box.width, height: box.height, scale, labels, mode: svg.parentElement.dataset.layout };
};

const shoot = async (page, selector, path) => {
  const part = await page.$(selector);
  await part.scrollIntoViewIfNeeded();
  await part.screenshot({ path: `${SHOTS}${path}` });
};

for (const [width, height] of WIDTHS)
  for (const lang of ["nl", "en"]) {
    test(`at ${width} px (${lang}) every result is readable: tables, MDZ bars, Sankey`, async () => {
      const { page, context, problems } = await open(width, height, lang);
      const m = (measured[`${width}-${lang}`] = {});

      // Tables: the page never scrolls sideways; a region that overflows scrolls and takes focus.
      const tables = (m.tables = await page.evaluate(tableCheck));
      assert.equal(tables.pageScrollsSideways, false, "the page does not scroll sideways");
      assert.ok(Object.keys(tables.regions).length >= 10, "every table is in a region");
      for (const [id, r] of Object.entries(tables.regions)) {
        assert.deepEqual(r.unreachable, [], `${id}: every cell within reach`);
        assert.deepEqual(r.clipped, [], `${id}: no cell's text clipped`);
        assert.equal(r.role, "region", id);
        assert.ok(r.name.length > 0, `${id}: the region is named by its caption`);
        assert.equal(r.focusable, r.scrolls, `${id}: focusable exactly when it scrolls`);
      }
      // Nothing else in the results (headings, summary, MDZ text, warnings) reaches past the column.
      const outside = await page.evaluate(() => {
        const col = document.querySelector("resv-calculator").shadowRoot.querySelector(".results-col");
        const box = col.getBoundingClientRect();
        return [...col.querySelectorAll("*")]
          .filter((e) => !e.closest(".table-wrap, svg") && e.childNodes.length)
          .filter((e) => {
            const r = e.getBoundingClientRect();
            return r.width > 0 && (r.left < box.left - 1 || r.right > box.right + 1);
          })
          .map((e) => `${e.tagName} ${e.textContent.slice(0, 40)}`);
      });
      assert.deepEqual(outside, [], "no result text outside the results column");
      // The keyboard reaches the budget table's last column; its row names stay in view.
      await page.focus("[aria-labelledby=lines-caption]");
      for (let i = 0; i < 40; i++) await page.keyboard.press("ArrowRight");
      await page.waitForTimeout(400); // a smooth scroll ends
      const lines = await page.evaluate(() => {
        const wrap = document
          .querySelector("resv-calculator")
          .shadowRoot.querySelector("[aria-labelledby=lines-caption]");
        const box = wrap.getBoundingClientRect();
        const head = wrap.querySelectorAll("thead th");
        const first = wrap.querySelector("tbody th").getBoundingClientRect();
        const last = head[head.length - 1].getBoundingClientRect();
        return {
          left: box.left,
          right: box.right,
          firstLeft: first.left,
          lastRight: last.right,
          scrolled: wrap.scrollLeft,
        };
      });
      m.linesKeyboard = lines;
      assert.ok(lines.lastRight <= lines.right + 1, "Status is reached by the arrow keys");
      assert.ok(Math.abs(lines.firstLeft - lines.left) <= 1, "the row names stay put");

      // MDZ: each bar as long as its value on its pair's scale, within 1 px; visible on a phone.
      const bars = (m.bars = await page.evaluate(barCheck));
      for (const pair of bars) {
        const max = Math.max(...pair.map((b) => b.value));
        for (const b of pair) {
          assert.ok(
            Math.abs(b.width - (b.track * b.value) / max) <= 1,
            `${b.key}: ${b.width} px for ${b.value}`,
          );
          assert.ok(b.width >= 100, `${b.key} is visible (${b.width} px)`);
        }
        assert.ok(pair[0].width !== pair[1].width, "unequal values, unequal bars");
      }

      // Sankey: drawn 1:1 (text never scaled), every label inside it, apart, at least 12 px.
      const s = (m.sankey = await page.evaluate(sankeyCheck));
      assert.ok(Math.abs(s.scale - 1) < 0.01, `drawn at scale ${s.scale}`);
      for (const l of s.labels) {
        assert.ok(
          l.x0 >= -0.5 && l.y0 >= -0.5 && l.x1 <= s.width + 0.5 && l.y1 <= s.height + 0.5,
          `inside: ${l.text}`,
        );
        assert.ok(l.px >= 12, `${l.text}: ${l.px} px`);
      }
      for (let i = 0; i < s.labels.length; i++)
        for (let j = i + 1; j < s.labels.length; j++) {
          const [a, b] = [s.labels[i], s.labels[j]];
          const apart = a.x1 <= b.x0 + 0.5 || b.x1 <= a.x0 + 0.5 || a.y1 <= b.y0 + 0.5 || b.y1 <= a.y0 + 0.5;
          assert.ok(apart, `"${a.text}" and "${b.text}" overlap`);
        }
      m.sankey = {
        width: s.width,
        height: s.height,
        mode: s.mode,
        smallestLabelPx: Math.min(...s.labels.map((l) => l.px)),
      };

      for (const [part, selector] of [
        ["insurers", "[aria-labelledby=insurers-caption]"],
        ["lines", "[aria-labelledby=lines-caption]"],
        ["sankey", "figure.sankey"],
        ["mdz", "#mdz"],
      ])
        await shoot(page, selector, `widths-${width}-${lang}-${part}.png`);
      assert.deepEqual(problems, []);
      await context.close();
    });
  }

test("on a phone the results are one link away, the toolbar is one row, targets are large", async () => {
  const { page, context, problems } = await open(390, 844, "nl");
  const top = await page.evaluate(() => {
    const root = document.querySelector("resv-calculator").shadowRoot;
    const r = (sel) => root.querySelector(sel).getBoundingClientRect();
    return { skip: r(".skip"), toolbar: r(".toolbar").height };
  });
  assert.ok(top.skip.height >= 24 && top.skip.top < 844, "the skip link is shown near the top");
  assert.ok(top.toolbar <= 60, `the toolbar is one row (${top.toolbar} px)`);
  await page.screenshot({ path: `${SHOTS}widths-390-top.png` });
  await page.click("text=Naar de resultaten");
  const focused = await page.evaluate(() => {
    const root = document.querySelector("resv-calculator").shadowRoot;
    return { id: root.activeElement?.id, top: root.getElementById("results-h").getBoundingClientRect().top };
  });
  assert.equal(focused.id, "results-h");
  assert.ok(focused.top >= -1 && focused.top < 100, `the results' heading at the top (${focused.top})`);
  // The folded actions open with their button.
  await page.click(".menu-toggle");
  assert.equal(await page.getAttribute(".menu-toggle", "aria-expanded"), "true");
  assert.ok(await page.isVisible("#export-csv"));
  // Every checkbox and radio: a box of at least 24 px on a label row of at least 44 px.
  await page.evaluate(() =>
    document
      .querySelector("resv-calculator")
      .shadowRoot.querySelectorAll("details")
      .forEach((d) => (d.open = true)),
  );
  const small = await page.evaluate(() =>
    [
      ...document
        .querySelector("resv-calculator")
        .shadowRoot.querySelectorAll("input[type=checkbox], input[type=radio]"),
    ]
      .filter((i) => i.checkVisibility())
      .map((i) => {
        const box = i.getBoundingClientRect();
        const row = i.parentElement.getBoundingClientRect();
        return { id: i.id, w: box.width, h: box.height, row: row.height };
      })
      .filter((x) => x.w < 24 || x.h < 24 || x.row < 44),
  );
  assert.deepEqual(small, []);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a decrease in the comparison is not coloured as good news; direction by sign and glyph", async () => {
  const { page, context, problems } = await open(390, 844, "nl");
  // Pin a scenario of € 900.000 as A, then go back to the budget's € 810.500 as B: less money.
  const zvw = (v) =>
    page.waitForFunction((v) => document.querySelector("resv-calculator").report?.totals.zvw === v, v);
  await page.fill("#f-lumpSum", "900000");
  await zvw("900000.00");
  await page.click("#compare-set");
  await page.fill("#f-lumpSum", "");
  await zvw("810500.00");
  await page.waitForSelector("#cmp-insurers td.down");
  const colours = await page.evaluate(() => {
    const root = document.querySelector("resv-calculator").shadowRoot;
    const c = (sel) => getComputedStyle(root.querySelector(sel)).color;
    return {
      down: c("#cmp-insurers td.down"),
      plain: c("#cmp-insurers td:not(.down)"),
      text: root.querySelector("#cmp-insurers td.down").textContent,
    };
  });
  assert.equal(colours.down, colours.plain, "a decrease has the text's own colour");
  assert.match(colours.text, /^▼ −€\s\d/, "and says its direction by glyph and sign");
  const tables = await page.evaluate(tableCheck);
  for (const [id, r] of Object.entries(tables.regions)) assert.deepEqual(r.unreachable, [], id);
  await shoot(page, "[aria-labelledby=cmp-insurers-caption]", "widths-390-nl-compare.png");
  assert.deepEqual(problems, []);
  await context.close();
});

test("axe-core at 390 px (WCAG 2.2 A and AA, target size included) finds nothing serious", async () => {
  const { page, context } = await open(390, 844, "nl", { bypassCSP: true });
  await page.addScriptTag({
    path: new URL("../../node_modules/axe-core/axe.min.js", import.meta.url).pathname,
  });
  const result = await page.evaluate(() =>
    window.axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
    }),
  );
  const bad = result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical" || v.id === "target-size")
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(" "))
          .join(", ")}`,
    );
  assert.deepEqual(bad, []);
  await context.close();
});

test("a window narrowed from 1400 to 390 px without a reload runs out nowhere", async () => {
  const { page, context, problems } = await openCalculator();
  await page.click("#item-budget-1-summary"); // an open item, the other groups laid out and skipped
  await page.setViewportSize({ width: 390, height: 900 });
  // Off-screen editor groups used to keep the width remembered at 1400 px (534 px at 390).
  await page.waitForFunction(() => document.documentElement.scrollWidth === 390, null, { timeout: 5000 });
  const editor = await page.evaluate(() =>
    Math.round(
      document
        .querySelector("resv-calculator")
        .shadowRoot.querySelector(".editor-col")
        .getBoundingClientRect().right,
    ),
  );
  assert.ok(editor <= 390, `the editor ends at ${editor} px`);
  assert.deepEqual(problems, []);
  await context.close();
});
