// Runs the judged queries (judged-<lang>.tsv) through a built book's search and prints,
// per language and per class, the top-1 and top-3 hit rates and the mean reciprocal
// rank (MRR, over the first 10 results). Exits 1 when a language is below the wanted
// top-3 rate overall, or a class of it below the wanted rate per class.
//
//   node tests/search/judged.js BOOK PAGES_JSON [MIN_TOP3 (0.95)] [MIN_CLASS_TOP3 (0.85)]
//
// PAGES_JSON maps "<lang>:<page id>" (a section is its folder) to the page's URL in
// BOOK. A line of a .tsv file is
// `query<TAB>wanted page ids, space separated<TAB>class<TAB>later?`: the class is
// `term` (the handbook's own words), `question` (a natural question), `synonym` (a
// synonym or everyday word the text does not use) or `form` (misspelt, half typed,
// affixed, quoted); a line marked `later` names pages still being written and is
// skipped while none of them exists. `#` starts a comment line.
"use strict";
const fs = require("fs");
const path = require("path");
const { open, pageOf } = require("./harness.js");

const CLASSES = ["term", "question", "synonym", "form"];

function tally() { return { asked: 0, top1: 0, top3: 0, rr: 0 }; }
function line(name, t) {
  const pct = (n) => (t.asked ? (100 * n) / t.asked : 0).toFixed(1).padStart(5);
  return `${name.padEnd(10)} ${String(t.asked).padStart(4)} queries  top-1 ${pct(t.top1)}%  top-3 ${pct(t.top3)}%  MRR ${(t.asked ? t.rr / t.asked : 0).toFixed(3)}`;
}

async function main() {
  const [book, pagesJson, minimum, classMinimum] = process.argv.slice(2);
  const pages = JSON.parse(fs.readFileSync(pagesJson, "utf8"));
  const wantedTop3 = minimum === undefined ? 0.95 : Number(minimum);
  const wantedClass = classMinimum === undefined ? 0.85 : Number(classMinimum);
  let failed = false;
  for (const lang of ["id", "en"]) {
    const lines = fs.readFileSync(path.join(__dirname, `judged-${lang}.tsv`), "utf8").split("\n");
    const search = open(book, lang);
    const all = tally();
    const byClass = {};
    let skipped = 0;
    const misses = [];
    for (const text of lines) {
      if (!text.trim() || text.startsWith("#")) continue;
      const [query, ids, kind, mark] = text.split("\t");
      if (!CLASSES.includes(kind)) throw new Error(`${lang}: \`${query}\` has no class (${CLASSES.join(", ")})`);
      const urls = ids.split(" ").filter(Boolean).map((id) => pages[`${lang}:${id}`]).filter(Boolean);
      if (!urls.length) {
        if (mark === "later") { skipped++; continue; }
        throw new Error(`${lang}: \`${query}\` wants ${ids}, which is no page`);
      }
      const found = await search.query(query, 10);
      const ranked = [];
      for (const hit of found.hits) if (!ranked.includes(pageOf(hit))) ranked.push(pageOf(hit));
      const rank = ranked.findIndex((u) => urls.includes(u)) + 1;
      for (const t of [all, (byClass[kind] = byClass[kind] || tally())]) {
        t.asked++;
        if (rank === 1) t.top1++;
        if (rank >= 1 && rank <= 3) t.top3++;
        if (rank >= 1) t.rr += 1 / rank;
      }
      if (rank < 1 || rank > 3) misses.push(`  ${kind}\t${query}\twants ${ids}\tgot rank ${rank || "-"}: ${ranked.slice(0, 3).join(" ")}`);
    }
    console.log(`${lang}: ${all.asked} queries (${skipped} waiting for their pages)`);
    console.log(`  ${line("all", all)}`);
    for (const kind of CLASSES) {
      const t = byClass[kind];
      if (!t) continue;
      console.log(`  ${line(kind, t)}`);
      if (t.top3 / t.asked < wantedClass) failed = true;
    }
    misses.forEach((m) => console.log(m));
    if (!all.asked || all.top3 / all.asked < wantedTop3) failed = true;
  }
  process.exit(failed ? 1 : 0);
}

main().catch((err) => { console.error(err); process.exit(2); });
