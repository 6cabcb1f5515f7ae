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
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
  });
  after(async () => {
    await env.browser?.close();
    env.server?.close();
  });
  return env;
}

/** A fresh Dutch page at `path` that records console errors and requests leaving the server. */
export async function openPage(path = "") {
  const context = await env.browser.newContext({ locale: "nl-NL" });
  const page = await context.newPage();
  const problems = [];
  page.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text()}`));
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("request", (r) => !r.url().startsWith(env.base) && problems.push(`request elsewhere: ${r.url()}`));
  await page.goto(env.base + path);
  return { page, context, problems };
}
