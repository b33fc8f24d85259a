// Runs the judged queries (judged-<lang>.tsv) through a built book's search and prints,
// per language, the top-3 hit rate and the mean reciprocal rank (MRR, over the first
// 10 results). Exits 1 when a language is below the wanted top-3 rate.
//
//   node tests/search/judged.js BOOK PAGES_JSON [MIN_TOP3 (default 0.95)]
//
// PAGES_JSON maps "<lang>:<page id>" (a section is its folder) to the page's URL in BOOK. A line of a .tsv file is
// `query<TAB>wanted page ids, space separated<TAB>later?`; a line marked `later` names
// pages still being written and is skipped while none of them exists. `#` starts a
// comment line.
"use strict";
const fs = require("fs");
const path = require("path");
const { open, pageOf } = require("./harness.js");

async function main() {
  const [book, pagesJson, minimum] = process.argv.slice(2);
  const pages = JSON.parse(fs.readFileSync(pagesJson, "utf8"));
  const wantedTop3 = minimum === undefined ? 0.95 : Number(minimum);
  let failed = false;
  for (const lang of ["id", "en"]) {
    const lines = fs.readFileSync(path.join(__dirname, `judged-${lang}.tsv`), "utf8").split("\n");
    const search = open(book, lang);
    let asked = 0, top3 = 0, rr = 0, skipped = 0;
    const misses = [];
    for (const line of lines) {
      if (!line.trim() || line.startsWith("#")) continue;
      const [query, ids, mark] = line.split("\t");
      const urls = ids.split(" ").filter(Boolean).map((id) => pages[`${lang}:${id}`]).filter(Boolean);
      if (!urls.length) {
        if (mark === "later") { skipped++; continue; }
        throw new Error(`${lang}: \`${query}\` wants ${ids}, which is no page`);
      }
      const found = await search.query(query, 10);
      const ranked = [];
      for (const hit of found.hits) if (!ranked.includes(pageOf(hit))) ranked.push(pageOf(hit));
      const rank = ranked.findIndex((u) => urls.includes(u)) + 1;
      asked++;
      if (rank >= 1 && rank <= 3) top3++;
      if (rank >= 1) rr += 1 / rank;
      if (rank < 1 || rank > 3) misses.push(`  ${query}\twants ${ids}\tgot rank ${rank || "-"}: ${ranked.slice(0, 3).join(" ")}`);
    }
    const rate = asked ? top3 / asked : 0;
    console.log(`${lang}: ${asked} queries (${skipped} waiting for their pages), top-3 ${(100 * rate).toFixed(1)}%, MRR ${(asked ? rr / asked : 0).toFixed(3)}`);
    misses.forEach((m) => console.log(m));
    if (rate < wantedTop3) failed = true;
  }
  process.exit(failed ? 1 : 0);
}

main().catch((err) => { console.error(err); process.exit(2); });
