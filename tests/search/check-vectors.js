// Checks the browser stemmers (themes/default/static/stem.js) against the vectors the
// Rust stemmers wrote (tests/search/vectors-<lang>.tsv). Prints mismatches, exits 1.
// Usage: node tests/search/check-vectors.js ROOTS_FILE
"use strict";
const fs = require("fs");
const path = require("path");
global.window = { panduanRootsId: fs.readFileSync(process.argv[2], "utf8").split(/\s+/).filter(Boolean).sort().join(" ") };
require(path.join(__dirname, "../../themes/default/static/stem.js"));
const stem = global.window.panduanStem;
let failures = 0;
let checked = 0;
for (const lang of ["id", "en"]) {
  const lines = fs.readFileSync(path.join(__dirname, `vectors-${lang}.tsv`), "utf8").split("\n").filter(Boolean);
  for (const line of lines) {
    const [word, expected] = line.split("\t");
    const got = stem.stem(word, lang);
    checked++;
    if (got !== expected) {
      failures++;
      if (failures <= 30) console.log(`${lang}\t${word}\texpected ${expected}\tgot ${got}`);
    }
  }
}
console.log(`checked ${checked} words, ${failures} mismatches`);
process.exit(failures ? 1 : 0);
