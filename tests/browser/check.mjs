// Browser checks of a built Panduan site, in Debian's Chromium via playwright-core:
//   node check.mjs BOOK_DIR [SCREENSHOT_DIR]
// Crawls every page from file:// (both languages, JavaScript on), and reports as JSON:
// broken links, anchors and assets, links to folders, requests to the network, and the
// axe-core (WCAG 2.1 AA) violations of every page in the light and the dark theme.
import { chromium } from "playwright-core";
import { readFileSync, existsSync, statSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL, fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const book = path.resolve(process.argv[2]);
const shots = process.argv[3] ? path.resolve(process.argv[3]) : null;
const executablePath = process.env.CHROMIUM || "/usr/bin/chromium";

const browser = await chromium.launch({
  executablePath,
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync"],
});
const context = await browser.newContext();
const report = { pages: 0, broken: [], anchors: [], directories: [], network: [], axe: [], errors: [] };
const ids = new Map(); // file path -> Set of ids
const links = []; // [from, fileUrl, fragment]
const seen = new Set();
const queue = [pathToFileURL(path.join(book, "index.html")).href, pathToFileURL(path.join(book, "404.html")).href];
for (const lang of ["id", "en"]) {
  if (existsSync(path.join(book, lang, "search.html"))) {
    queue.push(pathToFileURL(path.join(book, lang, "search.html")).href + "?q=kelompok");
  }
}

async function axe(page, url, scheme) {
  await page.emulateMedia({ colorScheme: scheme });
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async () =>
    // eslint-disable-next-line no-undef
    await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } }));
  for (const v of result.violations) {
    report.axe.push({ url, scheme, id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")) });
  }
}

while (queue.length) {
  const url = queue.shift();
  const key = url.split("#")[0];
  if (seen.has(key)) continue;
  seen.add(key);
  const page = await context.newPage();
  page.on("request", (req) => {
    if (!req.url().startsWith("file://") && !req.url().startsWith("data:")) report.network.push({ from: url, url: req.url() });
  });
  let loading = true; // emulating a colour scheme later re-requests the style sheet
  page.on("requestfailed", (req) => {
    if (loading) report.broken.push({ from: url, url: req.url(), why: req.failure()?.errorText });
  });
  page.on("pageerror", (err) => report.errors.push({ url, error: String(err) }));
  await page.goto(url, { waitUntil: "load" });
  await page.waitForTimeout(150);
  loading = false;
  report.pages += 1;
  const file = fileURLToPath(key.split("?")[0]);
  const found = await page.evaluate(() => ({
    ids: Array.from(document.querySelectorAll("[id]"), (e) => e.id),
    hrefs: Array.from(document.querySelectorAll("a[href], link[href]"), (e) => e.getAttribute("href")),
    srcs: Array.from(document.querySelectorAll("script[src], img[src]"), (e) => e.getAttribute("src")),
    base: document.baseURI,
  }));
  ids.set(file, new Set(found.ids));
  for (const ref of [...found.hrefs, ...found.srcs]) {
    if (!ref || /^(https?:|mailto:|tel:|data:)/.test(ref)) continue;
    const abs = new URL(ref, found.base);
    if (abs.protocol !== "file:") continue;
    const target = fileURLToPath(abs.href.split("#")[0].split("?")[0]);
    if (ref.endsWith("/") || (existsSync(target) && statSync(target).isDirectory())) {
      report.directories.push({ from: url, href: ref });
      continue;
    }
    if (!existsSync(target)) {
      report.broken.push({ from: url, url: ref });
      continue;
    }
    if (abs.hash) links.push([url, target, decodeURIComponent(abs.hash.slice(1))]);
    if (target.endsWith(".html") && target.startsWith(book)) queue.push(abs.href.split("#")[0]);
  }
  for (const scheme of ["light", "dark"]) await axe(page, url, scheme);
  await page.close();
}

for (const [from, target, fragment] of links) {
  const known = ids.get(target);
  if (known && !known.has(fragment)) report.anchors.push({ from, target: path.relative(book, target), fragment });
}

// With JavaScript off, every page must still be reachable by following links.
{
  const noJs = await browser.newContext({ javaScriptEnabled: false });
  const reached = new Set();
  const todo = [pathToFileURL(path.join(book, "index.html")).href];
  while (todo.length) {
    const url = todo.shift();
    if (reached.has(url)) continue;
    reached.add(url);
    const page = await noJs.newPage();
    await page.goto(url);
    const hrefs = await page.evaluate(() => Array.from(document.querySelectorAll("a[href]"), (a) => a.href));
    await page.close();
    for (const href of hrefs) {
      const clean = href.split("#")[0].split("?")[0];
      if (clean.startsWith("file://") && clean.endsWith(".html") && !reached.has(clean)) todo.push(clean);
    }
  }
  report.withoutJavaScript = reached.size;
  const all = [...seen].map((u) => u.split("?")[0]).filter((u, i, a) => a.indexOf(u) === i);
  report.unreachableWithoutJavaScript = all.filter((u) => !reached.has(u) && !u.endsWith("/404.html"));
  await noJs.close();
}

if (shots) {
  mkdirSync(shots, { recursive: true });
  const pages = { id: "id/jenis-kelompok/terapi/index.html", en: "en/group-types/therapy-groups/index.html" };
  for (const [lang, rel] of Object.entries(pages)) {
    if (!existsSync(path.join(book, rel))) continue;
    for (const width of [360, 1280]) {
      for (const scheme of ["light", "dark"]) {
        const page = await browser.newPage({ viewport: { width, height: 900 } });
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(pathToFileURL(path.join(book, rel)).href);
        await page.waitForTimeout(100);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        if (overflow > 0) report.errors.push({ url: rel, error: `horizontal scrolling at ${width}px: ${overflow}px` });
        await page.screenshot({ path: path.join(shots, `${lang}-${width}-${scheme}.png`) });
        await page.close();
      }
    }
  }
}

await browser.close();
console.log(JSON.stringify(report, null, 1));
