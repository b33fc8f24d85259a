// The reader's layout of a built Panduan site, in Debian's Chromium via playwright-core:
//   node layout.mjs BOOK_DIR [SCREENSHOT_DIR]
// Reports as JSON, for the pages named below:
// - the header's height at 360×800 and its share of the first screen, and whether it
//   stays at the top when the page scrolls;
// - the layout shift (CLS) while the page loads and its scripts run, at 360 and 1280 px;
// - the drawer: it opens at the current page, closes with Esc, a tap outside it and on
//   navigation;
// - the comparison table's last column in view at 1280 px, its caption in view and as
//   wide as the table's region at 360 px;
// - every scrollable region focusable by keyboard and named, and the names of a page's
//   regions unique;
// - tap targets at 360 px: every visible link, button and field of the bar, the open
//   drawer, the open search (field and results), the search page, the A–Z list, the
//   breadcrumbs, the cards of "In this section", the footer, "On this page", the
//   downloads, the glossary's links, an info card's links, the related pages and the
//   pager at least 44×44 px;
// - the glossary: a link back to the A–Z list beside each letter, which brings the list
//   into view under the bar;
// - breadcrumbs at 360 px cut short only when they do not fit; prev/next at 360 px one
//   above the other, a title of at most three lines;
// - the open drawer dims the bar and makes it, the page and the footer inert;
// - the drawer's own close button; the open search at 360 px under the bar, which stays
//   in view, with snippets of at most three lines whose found words are marked (and no
//   HTML of the query let in);
// - a schedule wider than a phone: it scrolls inside its region, a hint says so, and
//   scrolled to its end its last column is whole;
// - axe-core (WCAG 2.1 AA) on every page type, light and dark, 360 and 1280 px, with
//   the drawer open and with search open;
// - dark text on white for every page printed in the dark theme, without screen
//   furniture.
// With SCREENSHOT_DIR, screenshots at 360 and 1280 px, light and dark.
import { chromium } from "playwright-core";
import { readFileSync, existsSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const book = path.resolve(process.argv[2]);
const shots = process.argv[3] ? path.resolve(process.argv[3]) : null;
const executablePath = process.env.CHROMIUM || "/usr/bin/chromium";

// One page of each type of the bundled handbook (Indonesian, and English for some).
const PAGES = {
  chooser: "index.html",
  notFound: "404.html",
  home: "id/index.html",
  section: "id/jenis-kelompok/index.html",
  groupType: "id/jenis-kelompok/terapi/index.html",
  sessionPlan: "id/rencana-sesi/sosialisasi-remaja/index.html",
  comparison: "id/perbandingan/index.html",
  glossary: "id/glosarium/index.html",
  stages: "id/praktik/tahap-perkembangan/index.html",
  search: "id/search.html?q=kelompok",
  schedule: "id/pelatihan/hari-1/index.html",
  downloads: "id/downloads.html",
  print: "id/print.html",
  groupTypeEn: "en/group-types/therapy-groups/index.html",
  comparisonEn: "en/comparison/index.html",
};

const browser = await chromium.launch({
  executablePath,
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync"],
});
const report = { header: {}, cls: {}, drawer: {}, comparison: {}, scrollable: [], regionNames: [], overflow: [], axe: [], print: {},
  targets: { minimum: 44, measured: {}, small: [] }, search: {}, schedule: {}, errors: [] };
const url = (rel) => {
  const [file, query] = rel.split("?");
  return pathToFileURL(path.join(book, file)).href + (query ? `?${query}` : "");
};

async function open(rel, { width, height = 800, scheme = "light", js = true } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme: scheme, javaScriptEnabled: js });
  const page = await context.newPage();
  page.on("pageerror", (err) => report.errors.push({ rel, error: String(err) }));
  // Layout shifts from the first paint on, scripts included.
  await page.addInitScript(() => {
    window.__cls = 0;
    window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (!e.hadRecentInput) {
          window.__cls += e.value;
          window.__shifts.push({ value: e.value, sources: (e.sources || []).map((s) => s.node && (s.node.className || s.node.nodeName)) });
        }
      }
    }).observe({ type: "layout-shift", buffered: true });
  });
  await page.goto(url(rel), { waitUntil: "load" });
  await page.waitForTimeout(200);
  return { page, close: () => context.close() };
}

async function axe(page, what) {
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async () =>
    // eslint-disable-next-line no-undef
    await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } }));
  for (const v of result.violations) {
    report.axe.push({ ...what, id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")) });
  }
}

const exists = (rel) => existsSync(path.join(book, rel.split("?")[0]));

// The visible links, buttons, summaries and fields in `selector`, smaller than the
// minimum either way, and how many were measured.
async function targets(page, where, selector) {
  const found = await page.evaluate((sel) => Array.from(document.querySelectorAll(sel))
    .filter((e) => e.getClientRects().length && getComputedStyle(e).visibility !== "hidden"
      && !e.closest(".visually-hidden, [hidden]"))
    .map((e) => {
      const r = e.getBoundingClientRect();
      return { what: `${e.tagName.toLowerCase()} ${(e.textContent || e.getAttribute("aria-label") || e.className).trim().slice(0, 30)}`,
        width: Math.round(r.width * 10) / 10, height: Math.round(r.height * 10) / 10 };
    }), selector);
  const min = report.targets.minimum;
  report.targets.measured[where] = {
    count: found.length,
    smallestWidth: Math.min(...found.map((t) => t.width)),
    smallestHeight: Math.min(...found.map((t) => t.height)),
  };
  for (const t of found) if (t.width < min - 0.5 || t.height < min - 0.5) report.targets.small.push({ where, ...t });
  return found.length;
}
const CONTROLS = "a[href], button, summary, input";

// Header: height at 360×800, sticky.
{
  const { page, close } = await open(PAGES.groupType, { width: 360, height: 800 });
  const h = await page.evaluate(() => {
    const header = document.querySelector(".site-header");
    const r = header.getBoundingClientRect();
    return { height: r.height, position: getComputedStyle(header).position };
  });
  await page.evaluate(() => window.scrollTo(0, 1500));
  await page.waitForTimeout(100);
  const top = await page.evaluate(() => document.querySelector(".site-header").getBoundingClientRect().top);
  report.header = { height: h.height, share: h.height / 800, position: h.position, topAfterScroll: top };
  await page.evaluate(() => window.scrollTo(0, 0));
  await targets(page, "header", `.site-header :is(${CONTROLS})`);
  await targets(page, "breadcrumbs", `.breadcrumbs :is(${CONTROLS})`);
  await targets(page, "footer", `.site-footer :is(${CONTROLS})`);
  await page.click(".language-menu summary");
  await targets(page, "language menu", `.language-switch :is(${CONTROLS})`);
  await close();
}
// The A–Z list, the cards of a section and the search page at 360 px.
for (const [where, key, selector] of [["A–Z", "glossary", `.glossary-letters :is(${CONTROLS})`],
  ["cards", "section", `.children :is(${CONTROLS})`], ["search page", "search", `#search-page :is(${CONTROLS})`],
  ["on this page", "groupType", `.toc :is(${CONTROLS})`], ["downloads", "downloads", `.downloads :is(${CONTROLS})`],
  ["glossary", "glossary", `:is(.glossary, .glossary-letter-row) :is(${CONTROLS})`],
  ["info card", "sessionPlan", `.info-card :is(${CONTROLS})`],
  ["related", "groupType", `:is(.related, .backlinks) :is(${CONTROLS})`], ["pager", "sessionPlan", `.pager :is(${CONTROLS})`]]) {
  if (!exists(PAGES[key])) continue;
  const { page, close } = await open(PAGES[key], { width: 360 });
  await targets(page, where, selector);
  await close();
}

// The glossary's way back to its A–Z list; breadcrumbs and prev/next at 360 px.
{
  report.glossaryBack = {};
  if (exists(PAGES.glossary)) {
    const { page, close } = await open(PAGES.glossary, { width: 360 });
    report.glossaryBack = await page.evaluate(() => ({
      letters: document.querySelectorAll(".glossary-letter").length,
      backLinks: Array.from(document.querySelectorAll(".glossary-letter-row .glossary-back"))
        .filter((a) => a.getAttribute("href") === "#glossary-letters").length,
    }));
    const links = page.locator(".glossary-back");
    if (await links.count()) {
      await links.nth((await links.count()) - 1).click();
      await page.waitForTimeout(300);
    }
    report.glossaryBack.listInView = await page.evaluate(() => {
      const list = document.getElementById("glossary-letters");
      if (!list) return false;
      const r = list.getBoundingClientRect();
      const bar = document.querySelector(".site-header").getBoundingClientRect();
      return r.top >= bar.bottom - 1 && r.top < innerHeight;
    });
    await close();
  }
  report.breadcrumbs = {};
  for (const key of ["comparison", "glossary", "sessionPlan"]) {
    if (!exists(PAGES[key])) continue;
    const { page, close } = await open(PAGES[key], { width: 360 });
    report.breadcrumbs[key] = await page.evaluate(() => {
      const ol = document.querySelector(".breadcrumbs ol");
      const links = Array.from(document.querySelectorAll(".breadcrumbs a"));
      return { crumbs: links.length, cut: links.filter((a) => a.scrollWidth > a.clientWidth + 1).map((a) => a.textContent) };
    });
    await close();
  }
  const { page, close } = await open(PAGES.sessionPlan, { width: 360 });
  report.pager = await page.evaluate(() => Array.from(document.querySelectorAll(".pager a")).map((a) => {
    const r = a.getBoundingClientRect();
    const title = a.lastChild;
    const range = document.createRange();
    range.selectNodeContents(title);
    const lines = Math.round(range.getBoundingClientRect().height / parseFloat(getComputedStyle(a).lineHeight));
    return { width: r.width, lines };
  }));
  await close();
}

// Layout shift while loading and running scripts.
for (const key of ["home", "groupType", "sessionPlan", "comparison", "glossary", "chooser", "notFound", "search"]) {
  if (!exists(PAGES[key])) continue;
  for (const width of [360, 1280]) {
    for (const scheme of ["light", "dark"]) {
      const { page, close } = await open(PAGES[key], { width, scheme });
      const { cls, shifts } = await page.evaluate(() => ({ cls: window.__cls, shifts: window.__shifts }));
      report.cls[`${key}-${width}-${scheme}`] = Math.round(cls * 10000) / 10000;
      if (cls > 0) report.cls[`${key}-${width}-${scheme}-sources`] = shifts;
      await close();
    }
  }
}

// The drawer at 360 px.
{
  const { page, close } = await open(PAGES.sessionPlan, { width: 360 });
  const d = {};
  const button = page.locator(".menu-button");
  d.buttonVisible = await button.isVisible();
  if (d.buttonVisible) {
    await button.click();
    await page.waitForTimeout(350);
    d.open = await page.evaluate(() => {
      const s = document.getElementById("sidebar");
      const r = s.getBoundingClientRect();
      const cur = s.querySelector("[aria-current=page]");
      const c = cur && cur.getBoundingClientRect();
      return {
        visible: r.width > 0 && r.right > 0 && r.left < window.innerWidth,
        overPage: ["fixed", "absolute"].includes(getComputedStyle(s).position),
        currentInView: !!c && c.top >= r.top && c.bottom <= Math.min(r.bottom, window.innerHeight) && c.height > 0,
        focusInside: s.contains(document.activeElement),
        scrollY: window.scrollY,
      };
    });
    d.covered = await page.evaluate(() => ({
      inert: [".site-header", "main", ".site-footer"].every((sel) => document.querySelector(sel).inert),
      barDimmed: getComputedStyle(document.querySelector(".site-header"), "::after").content !== "none",
    }));
    await axe(page, { rel: PAGES.sessionPlan, width: 360, scheme: "light", state: "drawer open" });
    await targets(page, "drawer", `#sidebar :is(${CONTROLS})`);
    // Its own close button: visible, named in the page's language, and it closes.
    d.close = await page.evaluate(() => {
      const b = document.querySelector("#sidebar .drawer-close");
      if (!b) return { present: false };
      const r = b.getBoundingClientRect();
      return { present: true, visible: r.width > 0 && r.top >= 0 && r.bottom <= innerHeight && r.right <= innerWidth,
        name: b.textContent.trim() || b.getAttribute("aria-label") };
    });
    if (d.close.present) {
      await page.click("#sidebar .drawer-close");
      await page.waitForTimeout(350);
      d.close.closes = await page.evaluate(() => !document.body.classList.contains("menu-open")
        && document.activeElement === document.querySelector(".menu-button"));
      await button.click();
      await page.waitForTimeout(350);
    }
    await page.keyboard.press("Escape");
    await page.waitForTimeout(350);
    d.closedByEsc = await page.evaluate(() => document.querySelector(".menu-button").getAttribute("aria-expanded") === "false"
      && !document.body.classList.contains("menu-open"));
    await button.click();
    await page.waitForTimeout(350);
    await page.mouse.click(350, 400);
    await page.waitForTimeout(350);
    d.closedByTapOutside = await page.evaluate(() => !document.body.classList.contains("menu-open"));
    d.uncoveredAfter = await page.evaluate(() => ![".site-header", "main", ".site-footer"].some((sel) => document.querySelector(sel).inert));
  }
  report.drawer = d;
  await close();
}

// The comparison table: its last column in view at 1280 px, caption at 360 px.
for (const key of ["comparison", "comparisonEn"]) {
  if (!exists(PAGES[key])) continue;
  const c = {};
  for (const width of [1280, 1920, 360]) {
    const { page, close } = await open(PAGES[key], { width, height: 900 });
    c[width] = await page.evaluate(() => {
      const table = document.querySelector(".comparison table");
      if (!table) return null;
      const cells = table.querySelectorAll("tr:first-child > *");
      const last = cells[cells.length - 1].getBoundingClientRect();
      const wrap = table.closest(".table-wrap") || table.parentElement;
      const box = wrap.getBoundingClientRect();
      const cap = table.querySelector("caption");
      const cr = cap && cap.getBoundingClientRect();
      return {
        lastColumnVisible: last.right <= Math.min(box.right, window.innerWidth) + 1 && last.width > 0,
        layout: getComputedStyle(table).display,
        tableWidth: table.getBoundingClientRect().width,
        captionInView: !!cr && cr.left >= 0 && cr.right <= window.innerWidth + 1,
        captionFullWidth: !!cr && cr.width >= box.width - 2 - parseFloat(getComputedStyle(wrap).paddingLeft) - parseFloat(getComputedStyle(wrap).paddingRight),
        overflow: document.documentElement.scrollWidth - window.innerWidth,
      };
    });
    await close();
  }
  report.comparison[key] = c;
}

// Every scrollable region focusable and named; axe on every page type.
for (const [key, rel] of Object.entries(PAGES)) {
  if (!exists(rel)) continue;
  for (const width of [360, 1280]) {
    for (const scheme of ["light", "dark"]) {
      const { page, close } = await open(rel, { width, scheme });
      const bad = await page.evaluate(() => {
        const out = [];
        for (const el of document.querySelectorAll("body *")) {
          const s = getComputedStyle(el);
          const scrolls = (el.scrollWidth > el.clientWidth + 1 && /(auto|scroll)/.test(s.overflowX))
            || (el.scrollHeight > el.clientHeight + 1 && /(auto|scroll)/.test(s.overflowY));
          if (!scrolls || el.offsetParent === null && s.position !== "fixed") continue;
          const focusable = el.tabIndex >= 0 || el.querySelector("a[href], button, input, [tabindex]");
          const named = el.getAttribute("aria-label") || el.getAttribute("aria-labelledby");
          if (!focusable || (el.tabIndex >= 0 && !named)) out.push(`${el.tagName.toLowerCase()}.${el.className}`);
        }
        return out;
      });
      for (const b of bad) report.scrollable.push({ rel, width, scheme, element: b });
      // A landmark's name tells it from the others of its role on the page.
      const twice = await page.evaluate(() => {
        const seen = new Set();
        const out = [];
        const landmarks = ["region", "navigation", "complementary", "search", "form", "main", "banner", "contentinfo"];
        for (const el of document.querySelectorAll("[role], section[aria-label], section[aria-labelledby], nav, aside")) {
          const role = el.getAttribute("role") || { section: "region", nav: "navigation", aside: "complementary" }[el.tagName.toLowerCase()];
          if (!landmarks.includes(role)) continue;
          const by = el.getAttribute("aria-labelledby");
          const name = el.getAttribute("aria-label")
            || (by && by.split(/\s+/).map((id) => (document.getElementById(id) || {}).textContent || "").join(" ").trim()) || "";
          const key = `${role}: ${name}`;
          if (seen.has(key)) out.push(key); else seen.add(key);
        }
        return out;
      });
      if (width === 360 && scheme === "light") for (const t of twice) report.regionNames.push({ rel, name: t });
      // The page itself never scrolls sideways (a phone reader's thumb moves it).
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      if (overflow > 0) report.overflow.push({ rel, width, scheme, overflow });
      await axe(page, { rel, width, scheme });
      await close();
    }
  }
}

// Search open at 360 px: under the bar, which stays in view; snippets of at most three
// lines with the found words marked; a query's HTML stays text.
{
  const { page, close } = await open(PAGES.groupType, { width: 360 });
  await page.evaluate(() => window.scrollTo(0, 600));
  const opener = page.locator(".search-button");
  if (await opener.count() && await opener.isVisible()) await opener.click();
  const input = page.locator("#search-input");
  await input.fill("kelompok tugas");
  await page.waitForTimeout(500);
  await axe(page, { rel: PAGES.groupType, width: 360, scheme: "light", state: "search open" });
  await targets(page, "search open", `.site-header :is(${CONTROLS})`);
  report.search = await page.evaluate(() => {
    const bar = document.querySelector(".site-header").getBoundingClientRect();
    const panel = document.getElementById("search-panel").getBoundingClientRect();
    // Each control of the bar is still the element at its own centre (nothing covers it).
    const barInView = Array.from(document.querySelectorAll(".menu-button, .site-title, .search-button, .theme-toggle")).every((el) => {
      const r = el.getBoundingClientRect();
      const at = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return r.height > 0 && r.top >= 0 && !!at && el.contains(at);
    });
    const snippets = Array.from(document.querySelectorAll("#search-results .result-snippet"));
    const lines = snippets.map((s) => s.getBoundingClientRect().height / parseFloat(getComputedStyle(s).lineHeight));
    return {
      barInView,
      panelBelowBar: panel.top >= bar.bottom - 0.5,
      panelInView: panel.bottom <= window.innerHeight + 0.5,
      snippets: snippets.length,
      mostLines: Math.round(Math.max(...lines) * 100) / 100,
      marked: Array.from(document.querySelectorAll("#search-results .result-snippet mark")).map((m) => m.textContent.toLowerCase()),
    };
  });
  report.search.marked = [...new Set(report.search.marked)];
  // "See all results (N)": a link, in view at the bottom of the open box; the search
  // page says N too, and shows all N once asked.
  await input.fill("kelompok remaja");
  await page.waitForTimeout(500);
  report.search.all = await page.evaluate(() => {
    const a = document.querySelector("#search-results .search-all a");
    if (!a) return null;
    const r = a.getBoundingClientRect();
    const box = document.getElementById("search-panel").getBoundingClientRect();
    const style = getComputedStyle(a);
    return { total: Number((a.textContent.match(/\((\d+)\)/) || [])[1]), href: a.href,
      inView: r.top >= box.top && r.bottom <= box.bottom + 0.5, underlined: style.textDecorationLine.includes("underline"),
      linkColour: style.color === getComputedStyle(document.querySelector("a[href]:not(.search-results a)")).color };
  });
  if (report.search.all && report.search.all.href) {
    await page.goto(report.search.all.href, { waitUntil: "load" });
    await page.waitForTimeout(800);
    const shown = () => page.evaluate(() => ({ status: document.getElementById("search-status").textContent,
      results: document.querySelectorAll("#search-page-results li:not([class]) > a").length }));
    report.search.page = await shown();
    const more = page.locator(".search-more");
    if (await more.count()) {
      await more.click();
      await page.waitForTimeout(800);
      report.search.pageAfterMore = await shown();
    }
  }
  await page.goto(url(PAGES.groupType), { waitUntil: "load" });
  if (await opener.count() && await opener.isVisible()) await opener.click();
  await input.fill("kelompok <img src=x onerror=\"window.__injected=1\"><b>tugas</b>");
  await page.waitForTimeout(500);
  report.search.injected = await page.evaluate(() => !!window.__injected
    || !!document.querySelector("#search-results img, #search-results b, #search-count *"));
  await close();
}

// A schedule wider than a phone scrolls inside its region, a hint above it says so, and
// scrolled to its end its last column is whole.
if (exists(PAGES.schedule)) {
  const { page, close } = await open(PAGES.schedule, { width: 360 });
  report.schedule = await page.evaluate(async () => {
    const wrap = document.querySelector(".content .table-wrap");
    const box = wrap.parentElement;
    const hint = box.querySelector(".table-hint");
    const h = hint && hint.getBoundingClientRect();
    const w = wrap.getBoundingClientRect();
    const out = {
      scrolls: wrap.scrollWidth > wrap.clientWidth,
      overflowX: getComputedStyle(wrap).overflowX,
      hintShown: !!h && h.width > 0 && h.left >= w.left - 0.5 && h.right <= w.right + 0.5,
      hintAboveTable: !!h && h.bottom <= w.top + 0.5,
      hint: hint && hint.textContent,
    };
    wrap.scrollLeft = wrap.scrollWidth;
    await new Promise((r) => requestAnimationFrame(r));
    const last = Array.from(wrap.querySelectorAll("tr > :last-child")).map((c) => c.getBoundingClientRect());
    const box2 = wrap.getBoundingClientRect();
    out.lastColumnWholeAtEnd = last.every((r) => r.left >= box2.left - 0.5 && r.right <= box2.right + 0.5);
    return out;
  });
  await close();
}

// Print in the dark theme: dark text on white, no furniture.
for (const key of ["groupType", "comparison", "print", "glossary"]) {
  if (!exists(PAGES[key])) continue;
  const { page, close } = await open(PAGES[key], { width: 1280, scheme: "dark" });
  await page.evaluate(() => { try { localStorage.setItem("panduan-theme", "dark"); } catch (e) { /* file:// */ } document.documentElement.setAttribute("data-theme", "dark"); });
  await page.emulateMedia({ media: "print", colorScheme: "dark" });
  report.print[key] = await page.evaluate(() => {
    const lum = (c) => {
      const m = c.match(/[\d.]+/g).map(Number);
      const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
      return 0.2126 * f(m[0]) + 0.7152 * f(m[1]) + 0.0722 * f(m[2]);
    };
    const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
    const bg = getComputedStyle(document.body).backgroundColor;
    let worst = 21;
    let worstWhat = "";
    for (const el of document.querySelectorAll("main p, main a, main li, main td, main th, main h1, main h2, main dt, main dd")) {
      if (!el.offsetParent) continue;
      const r = ratio(getComputedStyle(el).color, "rgb(255, 255, 255)");
      if (r < worst) { worst = r; worstWhat = `${el.tagName} ${getComputedStyle(el).color}`; }
    }
    const shown = (sel) => Array.from(document.querySelectorAll(sel)).some((e) => e.offsetParent !== null || getComputedStyle(e).position === "fixed" && getComputedStyle(e).display !== "none");
    return {
      background: bg,
      worstContrastOnWhite: Math.round(worst * 100) / 100,
      worstWhat,
      furniture: [".site-header", ".sidebar", ".breadcrumbs", ".toc", ".pager", ".site-footer", ".menu-button", ".theme-toggle",
        ".related", ".backlinks", ".glossary-back"].filter(shown),
    };
  });
  await close();
}

if (shots) {
  mkdirSync(shots, { recursive: true });
  for (const key of ["groupType", "sessionPlan", "comparison", "glossary", "home", "chooser", "groupTypeEn"]) {
    if (!exists(PAGES[key])) continue;
    for (const width of [360, 1280]) {
      for (const scheme of ["light", "dark"]) {
        const { page, close } = await open(PAGES[key], { width, height: width === 360 ? 800 : 900, scheme });
        await page.screenshot({ path: path.join(shots, `${key}-${width}-${scheme}.png`) });
        if (width === 360 && scheme === "light" && key === "sessionPlan") {
          const button = page.locator(".menu-button");
          if (await button.isVisible()) {
            await button.click();
            await page.waitForTimeout(350);
            await page.screenshot({ path: path.join(shots, `drawer-${width}-${scheme}.png`) });
          }
        }
        await close();
      }
    }
  }
}

await browser.close();
console.log(JSON.stringify(report, null, 1));
