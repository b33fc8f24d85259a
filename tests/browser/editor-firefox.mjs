// The browser editor of `panduan serve` (issue #27) in Firefox: Debian's firefox-esr,
// driven through geckodriver by plain W3C WebDriver requests (playwright's Firefox is a
// patched build this machine cannot download).
//   node editor-firefox.mjs GECKODRIVER FIREFOX TOKEN_URL PAGE_PATH FIELD
// Opens the address with the key, goes to the page, presses Edit, types into the form
// field FIELD and into the text, saves with the Save button, and reports as JSON: the
// editor's parts found, the words typed, the status shown after saving, and any script
// error the page recorded.
import { spawn } from "node:child_process";
import net from "node:net";

const [geckodriver, firefox, tokenUrl, pagePath, field] = process.argv.slice(2, 7);
const origin = new URL(tokenUrl).origin;
const report = { steps: [], errors: [] };

const freePort = () => new Promise((resolve) => {
  const server = net.createServer();
  server.listen(0, "127.0.0.1", () => { const { port } = server.address(); server.close(() => resolve(port)); });
});
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const port = await freePort();
const driver = spawn(geckodriver, ["--port", String(port), "--host", "127.0.0.1"], { stdio: ["ignore", "ignore", "pipe"] });
let driverLog = "";
driver.stderr.on("data", (d) => { driverLog += d; });
const base = `http://127.0.0.1:${port}`;
async function wd(method, path, body) {
  const res = await fetch(base + path, { method, headers: { "Content-Type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
  const json = await res.json();
  if (json.value && json.value.error) throw new Error(`${path}: ${json.value.error}: ${json.value.message}`);
  return json.value;
}
for (let i = 0; i < 100; i++) {
  try { await fetch(base + "/status"); break; } catch { await sleep(100); }
}

let session = null;
try {
  const created = await wd("POST", "/session", {
    capabilities: { alwaysMatch: { browserName: "firefox", "moz:firefoxOptions": { binary: firefox, args: ["-headless"], prefs: { "browser.shell.checkDefaultBrowser": false } } } },
  });
  session = created.sessionId;
  report.browser = `${created.capabilities.browserName} ${created.capabilities.browserVersion}`;
  const s = `/session/${session}`;
  const run = (script, args = []) => wd("POST", `${s}/execute/sync`, { script, args });
  const find = async (css) => {
    for (let i = 0; i < 100; i++) {
      try { const el = await wd("POST", `${s}/element`, { using: "css selector", value: css }); return Object.values(el)[0]; } catch { await sleep(200); }
    }
    throw new Error(`no ${css}`);
  };
  // Script errors the page meets, kept where the test can read them.
  const watchErrors = () => run("window.__errors = []; window.addEventListener('error', (e) => window.__errors.push(String(e.message)));");

  await wd("POST", `${s}/url`, { url: tokenUrl });
  report.steps.push({ addressAfterToken: await wd("GET", `${s}/url`) });
  await wd("POST", `${s}/url`, { url: origin + pagePath });
  const edit = await find("#panduan-edit");
  report.editLabel = await wd("GET", `${s}/element/${edit}/text`);
  await wd("POST", `${s}/element/${edit}/click`, {});
  await find("#pe-form");
  await watchErrors();
  report.editUrl = await wd("GET", `${s}/url`);
  // The preview's list of problems comes after a request to the server.
  await find("#pe-problems li");
  report.parts = await run(`return {
    fields: document.querySelectorAll("#pe-form .pe-field").length,
    tools: document.querySelectorAll(".pe-tools button").length,
    preview: !!document.getElementById("pe-preview").getAttribute("src"),
  };`);
  // Type as an author: at the end of the field, and at the end of the text.
  const input = await find(`#pe-f-${field}`);
  await wd("POST", `${s}/element/${input}/value`, { text: " Diketik di Firefox." });
  const body = await find("#pe-body");
  await wd("POST", `${s}/element/${body}/click`, {});
  await run("const b = document.getElementById('pe-body'); b.setSelectionRange(b.value.length, b.value.length);");
  await wd("POST", `${s}/element/${body}/value`, { text: "\nKalimat yang diketik di Firefox.\n" });
  const save = await find("#pe-save");
  await wd("POST", `${s}/element/${save}/click`, {});
  for (let i = 0; i < 100; i++) {
    report.status = await run("return document.getElementById('pe-status').textContent;");
    if (/Tersimpan|Saved/.test(report.status)) break;
    await sleep(200);
  }
  report.errors.push(...(await run("return window.__errors || [];")));
} catch (err) {
  report.errors.push(String(err && err.stack || err));
  report.driverLog = driverLog.slice(-2000);
} finally {
  if (session) { try { await wd("DELETE", `/session/${session}`); } catch { /* gone */ } }
  driver.kill();
}
console.log(JSON.stringify(report, null, 1));
