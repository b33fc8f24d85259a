// The browser editor of `panduan serve` (issue #27), driven in Debian's Chromium via
// playwright-core:
//   node editor.mjs TOKEN_URL PAGE_PATH FIELD [SCREENSHOT_DIR]
// TOKEN_URL is the address `serve` printed (http://127.0.0.1:PORT/?token=…); PAGE_PATH
// the address of a page of the served handbook. It opens the token address, goes to the
// page, presses Edit, changes the form field FIELD and a sentence of the body, inserts a
// picture (with its alt text), saves, and reloads the page. It also runs axe-core on the
// editor, light and dark, at 360 and 1280 px. Reports as JSON on stdout.
import { chromium } from "playwright-core";
import { readFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const [tokenUrl, pagePath, field] = process.argv.slice(2, 5);
const shots = process.argv[5] ? path.resolve(process.argv[5]) : null;
const origin = new URL(tokenUrl).origin;
const executablePath = process.env.CHROMIUM || "/usr/bin/chromium";
// The smallest PNG: one transparent pixel.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64");

const report = { steps: [], axe: [], errors: [], status: "", editUrl: "", fieldValue: "", pageAfter: {} };
const browser = await chromium.launch({
  executablePath,
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync"],
});

async function axe(page, label) {
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")) }));
  });
  for (const v of result) report.axe.push({ label, ...v });
}

try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.on("pageerror", (err) => report.errors.push(String(err)));
  page.on("console", (m) => { if (m.type() === "error" && !/Failed to load resource/.test(m.text())) report.errors.push(m.text()); });
  // Every failed request, with its address (the console message has none).
  page.on("response", (r) => { if (r.status() >= 400) report.errors.push(`${r.status()} ${r.request().method()} ${r.url()}`); });

  // The address serve printed: the key is kept and taken out of the address bar.
  await page.goto(tokenUrl);
  report.steps.push({ addressAfterToken: page.url() });
  await page.goto(origin + pagePath);
  const edit = page.locator("#panduan-edit");
  await edit.waitFor();
  report.editLabel = await edit.textContent();
  await edit.click();
  await page.waitForURL(/\/_panduan\/edit\//);
  report.editUrl = page.url();
  await page.locator("#pe-form").waitFor();
  await page.locator("#pe-problems li").first().waitFor();

  // A field of the form, as an author would: select its text and type.
  const input = page.locator(`#pe-f-${field}`);
  const old = await input.inputValue();
  const value = old.replace(/\.?\s*$/, "") + " Diubah lewat penyunting.";
  await input.fill(value);
  report.fieldValue = value;

  // A sentence of the body.
  const body = page.locator("#pe-body");
  const text = await body.inputValue();
  const sentence = text.split("\n").find((l) => /^[A-Z][a-z]/.test(l) && l.trim().length > 30);
  const changedSentence = sentence.trimEnd() + " Ini kalimat dari penyunting.";
  await body.evaluate((el, [from, to]) => {
    el.value = el.value.replace(from, to);
    el.dispatchEvent(new Event("input", { bubbles: true }));
  }, [sentence, changedSentence]);
  report.sentence = changedSentence;

  // A picture: the toolbar's file input, then the alt text it asks for.
  await body.evaluate((el) => { el.focus(); el.setSelectionRange(el.value.length, el.value.length); });
  await page.locator("input[type=file]").setInputFiles({ name: "Foto Kegiatan.PNG", mimeType: "image/png", buffer: PNG });
  const alt = page.locator("#pe-alt");
  await alt.waitFor();
  await alt.fill("Kursi yang disusun melingkar");
  await alt.press("Enter");
  await page.waitForFunction(() => document.getElementById("pe-body").value.includes("foto-kegiatan"));
  report.pictureLink = (await body.inputValue()).match(/!\[[^\]]*\]\([^)]*\)/)?.[0] || "";

  // Save, and wait for the server's answer.
  await page.locator("#pe-save").click();
  await page.waitForFunction(() => /Tersimpan|Saved/.test(document.getElementById("pe-status").textContent), null, { timeout: 30000 });
  report.status = await page.locator("#pe-status").textContent();

  // The preview's problems list and the editor at both widths, light and dark.
  for (const scheme of ["light", "dark"]) {
    for (const width of [360, 1280]) {
      const ctx = await browser.newContext({ viewport: { width, height: 800 }, colorScheme: scheme });
      const p = await ctx.newPage();
      await p.goto(tokenUrl);
      await p.goto(report.editUrl);
      await p.locator("#pe-problems li").first().waitFor();
      await axe(p, `editor ${scheme} ${width}`);
      if (shots) {
        mkdirSync(shots, { recursive: true });
        await p.screenshot({ path: path.join(shots, `editor-${scheme}-${width}.png`), fullPage: false });
      }
      await ctx.close();
    }
  }

  // Pasting from Excel (tab-separated cells) and from Word (HTML), into a fresh editor.
  {
    const p = await context.newPage();
    await p.goto(report.editUrl);
    await p.locator("#pe-problems li").first().waitFor();
    report.paste = await p.evaluate(() => {
      const body = document.getElementById("pe-body");
      const paste = (type, data) => {
        body.focus();
        body.setSelectionRange(body.value.length, body.value.length);
        const dt = new DataTransfer();
        for (const [t, d] of Object.entries(data)) dt.setData(t, d);
        const before = body.value.length;
        body.dispatchEvent(new ClipboardEvent("paste", { clipboardData: dt, bubbles: true, cancelable: true }));
        return body.value.slice(before);
      };
      const excel = paste("excel", { "text/plain": "Nama\tUsia\nSiti\t34\nBudi\t41\n" });
      const word = paste("word", {
        "text/html": "<html><body><h1>Judul dari Word</h1><p>Teks <b>tebal</b> dan <i>miring</i> dengan <a href=\"https://example.org/\">tautan</a>.</p>" +
          "<ul><li>satu</li><li>dua</li></ul><p><span style=\"font-weight:bold\">gaya tebal</span></p><script>alert(1)</script>" +
          "<table><tr><td>A</td><td>B</td></tr><tr><td>1</td><td>2</td></tr></table></body></html>",
        "text/plain": "Judul dari Word",
      });
      return { excel, word };
    });
    await p.close();
  }

  // Saved elsewhere meanwhile (another editor, a git pull): Save is refused with a choice.
  {
    const p = await context.newPage();
    await p.goto(report.editUrl);
    await p.locator("#pe-problems li").first().waitFor();
    const source = report.editUrl.replace("/_panduan/edit/", "/_panduan/source/");
    const token = new URL(tokenUrl).searchParams.get("token");
    const disk = await fetch(source);
    const text = await disk.text();
    const other = await fetch(source, { method: "PUT", headers: { "X-Panduan-Token": token, "If-Match": disk.headers.get("etag") },
      body: text + "\nTambahan dari penyunting lain.\n" });
    report.conflict = { otherSave: other.status };
    await p.locator("#pe-body").evaluate((el) => { el.value += "\nKalimat saya.\n"; el.dispatchEvent(new Event("input", { bubbles: true })); });
    await p.locator("#pe-save").click();
    await p.locator("#pe-see-diff").waitFor();
    report.conflict.alert = await p.locator("#pe-alert").textContent();
    await p.locator("#pe-see-diff").click();
    report.conflict.diff = await p.locator(".pe-diff pre").textContent();
    await axe(p, "editor conflict");
    await p.close();
  }

  // The page, rebuilt from the saved file (the tab reloads; here it is opened again).
  const after = await context.newPage();
  let shown = false;
  for (let i = 0; i < 60 && !shown; i++) {
    await after.goto(origin + pagePath);
    const html = await after.content();
    shown = html.includes("kalimat dari penyunting");
    if (!shown) await after.waitForTimeout(500);
  }
  const html = await after.content();
  report.pageAfter = {
    sentence: html.includes("kalimat dari penyunting"),
    field: html.includes("Diubah lewat penyunting"),
    picture: await after.evaluate(() => {
      const img = [...document.images].find((i) => i.src.includes("foto-kegiatan"));
      return img ? { alt: img.alt, loaded: img.complete && img.naturalWidth > 0 } : null;
    }),
  };
  if (shots) await after.screenshot({ path: path.join(shots, "editor-page-after.png") });
} catch (err) {
  report.errors.push(String(err && err.stack || err));
}
await browser.close();
console.log(JSON.stringify(report, null, 1));
