// A built site's 404.html as a static host serves it (GitHub Pages, Netlify): a tiny
// server answers every missing address with 404.html, at the site's root and, with
// PREFIX, under a folder. In Debian's Chromium via playwright-core:
//   node notfound.mjs BOOK_DIR [PREFIX]
// Reports as JSON, for missing addresses at several depths: whether the page is styled
// (its stylesheet applied), and where its first home link leads once followed.
import { chromium } from "playwright-core";
import { createServer } from "node:http";
import { readFileSync, existsSync, statSync } from "node:fs";
import path from "node:path";

const book = path.resolve(process.argv[2]);
const prefix = process.argv[3] || "/";
const executablePath = process.env.CHROMIUM || "/usr/bin/chromium";
const TYPES = { ".html": "text/html", ".css": "text/css", ".js": "text/javascript", ".svg": "image/svg+xml" };

const server = createServer((req, res) => {
  let rel = decodeURIComponent(req.url.split("?")[0]);
  let file = null;
  if (rel.startsWith(prefix)) {
    const candidate = path.join(book, rel.slice(prefix.length));
    if (candidate.startsWith(book) && existsSync(candidate)) {
      file = statSync(candidate).isDirectory() ? path.join(candidate, "index.html") : candidate;
      if (!existsSync(file)) file = null;
    }
  }
  const status = file ? 200 : 404;
  file = file || path.join(book, "404.html");
  res.writeHead(status, { "content-type": TYPES[path.extname(file)] || "application/octet-stream" });
  res.end(readFileSync(file));
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({
  executablePath,
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync"],
});
const report = { prefix, pages: {}, errors: [] };
for (const missing of ["tidak-ada", "id/tidak-ada/", "id/jenis-kelompok/tidak-ada/lagi.html", "en/x"]) {
  const context = await browser.newContext({ viewport: { width: 360, height: 800 } });
  const page = await context.newPage();
  page.on("pageerror", (err) => report.errors.push({ missing, error: String(err) }));
  const response = await page.goto(`${origin}${prefix}${missing}`, { waitUntil: "load" });
  const seen = await page.evaluate(() => {
    const sheet = document.querySelector("link[rel=stylesheet]");
    const button = document.querySelector("a.button");
    return {
      styled: Array.from(document.styleSheets).some((s) => s.cssRules && s.cssRules.length > 0),
      // The stylesheet's rule for .button: a border, none without it.
      buttonBorder: button ? getComputedStyle(button).borderTopWidth : null,
      stylesheet: sheet && sheet.href,
      home: button && button.href,
    };
  });
  let reached = null;
  if (seen.home) {
    const home = await page.goto(seen.home, { waitUntil: "load" });
    reached = { status: home.status(), path: new URL(page.url()).pathname };
  }
  report.pages[missing] = { status: response.status(), ...seen, reached };
  await context.close();
}
await browser.close();
server.close();
console.log(JSON.stringify(report));
