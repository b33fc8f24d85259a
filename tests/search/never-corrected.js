// Words the language knows are never "corrected" (issue #28, point 1): each word of
// never-corrected-<lang>.txt is searched as typed. The answer never says it shows
// results for another word; when no page holds the word, the answer names it as
// missing (the page says so and may offer "did you mean …?" as a link). A misspelling
// that is no word is still corrected. Prints each failure; exits 1 on any.
//
//   node tests/search/never-corrected.js BOOK
"use strict";
const fs = require("fs");
const path = require("path");
const { open } = require("./harness.js");

async function main() {
  const book = process.argv[2];
  let failures = 0;
  const fail = (what) => { failures++; console.log(`FAILED: ${what}`); };
  for (const lang of ["id", "en"]) {
    const search = open(book, lang);
    const words = fs.readFileSync(path.join(__dirname, `never-corrected-${lang}.txt`), "utf8")
      .split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("#"));
    let missing = 0;
    for (const word of words) {
      const found = await search.query(word, 10);
      if (found.corrected) fail(`${lang}: "${word}" was replaced by "${found.corrected}"`);
      if (!found.hits.length && !(found.missing || []).length) fail(`${lang}: "${word}" finds nothing and does not say it is missing`);
      if ((found.missing || []).length) missing++;
      if (found.suggestion && found.suggestion === word) fail(`${lang}: "${word}" offers itself`);
    }
    console.log(`${lang}: ${words.length} real words searched as typed (${missing} said missing)`);
  }
  // Typos are still corrected.
  for (const [lang, typo, word] of [["id", "pemberdyaan", "pemberdayaan"], ["en", "empowermnet", "empowerment"]]) {
    const found = await open(book, lang).query(typo, 10);
    if (found.corrected !== word) fail(`${lang}: the typo "${typo}" is corrected to "${word}", not "${found.corrected}"`);
  }
  console.log(`${failures} checks failed`);
  process.exit(failures ? 1 : 0);
}

main().catch((err) => { console.error(err); process.exit(2); });
