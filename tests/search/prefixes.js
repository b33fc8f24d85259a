// Typing never empties the results (issue #16): for every word a built book's index
// shows (titles, headings, text), every beginning of 3 or more letters, searched as
// typed, finds every page that holds the word. Runs the book's own search.js on the
// files the browser reads. Prints the counts and the first failures; exits 1 on any.
//
//   node tests/search/prefixes.js BOOK
"use strict";
const fs = require("fs");
const path = require("path");
const { open, pageOf } = require("./harness.js");

async function main() {
  const book = process.argv[2];
  let failures = 0;
  for (const lang of ["id", "en"]) {
    const search = open(book, lang);
    const stem = search.context.panduanStem;
    await search.query("a", 1); // loads the index, and the Indonesian root words
    // Every text chunk, read as the browser would load it.
    const chunks = fs.readdirSync(path.join(book, "assets")).filter((f) => f.startsWith(`search-${lang}-x`));
    const context = { window: {} };
    for (const file of chunks.concat([`search-${lang}.js`])) {
      const code = fs.readFileSync(path.join(book, "assets", file), "utf8");
      new Function("window", code)(context.window);
    }
    // A small book's one chunk is in the head.
    const head = context.window.panduanSearch[lang];
    if (head.text) (context.window.panduanSearchText = context.window.panduanSearchText || {})[`${lang}/0`] = head.text;
    // prefix -> the pages that hold a word starting with it.
    const wanted = new Map();
    let words = 0;
    for (const chunk of Object.values(context.window.panduanSearchText)) {
      for (const [url, title, , entries] of chunk) {
        const texts = [title].concat(...entries.map((e) => [e[1], e[2]]));
        const seen = new Set();
        for (const text of texts) {
          for (const token of stem.tokenize(text)) {
            const forms = [token];
            if (stem.stem(token, lang).includes("-")) forms.push(...token.split("-").filter(Boolean));
            for (const w of forms) {
              if (seen.has(w)) continue;
              seen.add(w);
              words++;
              const letters = Array.from(w);
              for (let n = 3; n <= letters.length; n++) {
                const p = letters.slice(0, n).join("");
                if (!wanted.has(p)) wanted.set(p, new Set());
                wanted.get(p).add(url);
              }
            }
          }
        }
      }
    }
    let asked = 0;
    for (const [prefix, pages] of wanted) {
      const found = await search.query(prefix, Infinity);
      asked++;
      const got = new Set(found.hits.map(pageOf));
      const lost = [...pages].filter((u) => !got.has(u));
      if (lost.length) {
        failures++;
        if (failures <= 20) console.log(`${lang}\t${prefix}\tmisses ${lost.length} of ${pages.size}: ${lost.slice(0, 3).join(" ")}`);
      }
    }
    const shards = fs.readdirSync(path.join(book, "assets")).filter((f) => f.startsWith(`search-${lang}-t`)).length;
    const loaded = new Set(search.loaded.filter((l) => l.src.includes(`search-${lang}-t`)).map((l) => l.src)).size;
    console.log(`${lang}: ${words} words on their pages, ${asked} beginnings searched, ${loaded} of ${shards} term shards loaded`);
  }
  console.log(`${failures} beginnings lose pages`);
  process.exit(failures ? 1 : 0);
}

main().catch((err) => { console.error(err); process.exit(2); });
