// Shared by the Chromium suites: the dev server on a free port, Debian's Chromium driven by
// playwright-core, and pages that record console errors and requests leaving the server.
import { before, after } from "node:test";
import { mkdirSync } from "node:fs";
import { chromium } from "playwright-core";
import { startServer } from "../../scripts/serve.mjs";

export const SHOTS = new URL("./screenshots/", import.meta.url).pathname;
const env = { server: null, browser: null, base: "" };

/** Starts the server and the browser around the calling test file. */
export function useBrowser() {
  before(async () => {
    mkdirSync(SHOTS, { recursive: true });
    env.server = await startServer(0);
    env.base = `http://127.0.0.1:${env.server.address().port}/`;
    env.browser = await chromium.launch({
      executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
  });
  after(async () => {
    await env.browser?.close();
    env.server?.close();
  });
  return env;
}

/**
 * A fresh Dutch page at `path` (own storage) that records console errors and requests leaving
 * the server. `options` go to the browser context (e.g. `bypassCSP` to inject axe-core).
 */
export async function openPage(path = "", options = {}) {
  const context = await env.browser.newContext({
    locale: "nl-NL",
    viewport: { width: 1400, height: 1000 },
    ...options,
  });
  const page = await context.newPage();
  const problems = [];
  page.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text()}`));
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("request", (r) => !r.url().startsWith(env.base) && problems.push(`request elsewhere: ${r.url()}`));
  await page.goto(env.base + path);
  return { page, context, problems };
}

/** Where the server is (for a second page opened with a link). */
export const base = () => env.base;

/** The calculator page, ready (the first result or error is shown). */
export async function openCalculator(path = "", options = {}) {
  const opened = await openPage(path, options);
  await opened.page.waitForSelector("body[data-ready=true]");
  return opened;
}

/** The text of every cell, row by row, of the table `selector` (inside the element). */
export function rowsOf(page, selector) {
  return page.$$eval(`${selector} tbody tr`, (trs) =>
    trs.map((tr) => [...tr.cells].map((c) => c.textContent)),
  );
}

/** Cents of a Dutch amount text ("€ 1.234,56" → 123456). */
export const cents = (text) => Number(text.replace(/[^0-9-]/g, ""));

/** Waits until the element has rendered `n` more results than `before`. */
export async function recalculated(page, before) {
  await page.waitForFunction(
    (b) => Number(document.querySelector("resv-calculator").dataset.recalculated) > b,
    before,
  );
}
/** How many results the element has rendered so far. */
export const renders = (page) =>
  page.evaluate(() => Number(document.querySelector("resv-calculator").dataset.recalculated ?? 0));

/** Waits until the element's `#id` (in its shadow root) is shown (or hidden, with `shown = false`). */
export function untilShown(page, id, shown = true) {
  return page.waitForFunction(
    ([id, shown]) =>
      document.querySelector("resv-calculator").shadowRoot.getElementById(id)?.hidden === !shown,
    [id, shown],
  );
}

/** Waits until the text (or, for an input, the value) of the element's `#id` matches `re`. */
export function untilText(page, id, re, timeout = 30_000) {
  return page.waitForFunction(
    ([id, source, flags]) => {
      const e = document.querySelector("resv-calculator").shadowRoot.getElementById(id);
      return e && new RegExp(source, flags).test(e.value ?? e.textContent);
    },
    [id, re.source, re.flags],
    { timeout },
  );
}
