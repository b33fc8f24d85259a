// Writes tests/search/vectors-<lang>.tsv with the browser stemmers
// (themes/default/static/stem.js), from the same word list as the Rust test
// search::stemmer_vectors_are_current_and_large_enough (tests/testsuite/search.rs):
// the words of content/<lang>, the Indonesian stemmer's known hard cases, and every
// 25th Indonesian root with five affixed forms. For content edits when Rust cannot be
// compiled; the Rust test (PANDUAN_BLESS=1) stays the authority, and
// check-vectors.js holds the two stemmers to the same output.
// Usage: node tests/search/gen-vectors.js [--check]
"use strict";
const fs = require("fs");
const path = require("path");
const repo = path.join(__dirname, "../..");
const rootsText = fs.readFileSync(path.join(repo, "src/search/data/id-roots.txt"), "utf8");
global.window = { panduanRootsId: rootsText.split(/\s+/).filter(Boolean).sort().join(" ") };
require(path.join(repo, "themes/default/static/stem.js"));
const stem = global.window.panduanStem;

function files(dir) {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...files(p));
    else if (e.isFile()) out.push(p);
  }
  return out;
}

function words(lang) {
  const out = new Set();
  for (const file of files(path.join(repo, "content", lang))) {
    let text;
    try {
      const buf = fs.readFileSync(file);
      text = new TextDecoder("utf-8", { fatal: true }).decode(buf);
    } catch (e) {
      continue; // not UTF-8 text: the Rust side skips it too
    }
    text = text
      .split("\n")
      .filter((l) => {
        const t = l.replace(/^\s+/, "");
        return !t.startsWith("source:") && !t.startsWith("blocks:");
      })
      .join("\n");
    for (const w of stem.tokenize(text)) {
      if (/^[a-z-]+$/.test(w)) out.add(w);
    }
  }
  if (lang === "id") {
    const hard =
      "memakai mengenal mencapai temannya perannya dimulai petani bersekolah kuasa-mu " +
      "allah-lah nikmat-ku malaikat-malaikat-nya meniru-niru meniru-nirukan " +
      "memanggil-manggil berbalas-balasan menyanyi menyanyikan penyanyi kinerja " +
      "gemetar rerata kupukul kauhajar petarung kedudukan menyepakati disepakati " +
      "dikenali dikuasai berkepentingan idealisme finalisasi mempengaruhi mengebom " +
      "menganga bolak-balik";
    for (const w of hard.split(/\s+/)) out.add(w);
    // Rust's str::lines: split on \n, drop a trailing \r, no final empty line.
    const lines = rootsText.split("\n");
    if (lines.length && lines[lines.length - 1] === "") lines.pop();
    lines.forEach((line, i) => {
      const root = line.replace(/\r$/, "");
      if (i % 25 === 0 && /^[a-z]+$/.test(root)) {
        out.add(root);
        for (const f of [`me${root}kan`, `di${root}kan`, `ber${root}`, `pe${root}an`, `${root}nya`]) out.add(f);
      }
    });
  }
  return [...out].sort();
}

const check = process.argv.includes("--check");
let stale = 0;
for (const lang of ["id", "en"]) {
  const fresh = words(lang).map((w) => `${w}\t${stem.stem(w, lang)}\n`).join("");
  const file = path.join(__dirname, `vectors-${lang}.tsv`);
  const committed = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
  if (committed !== fresh) {
    stale++;
    console.log(`${lang}: ${check ? "out of date" : "written"} (${fresh.split("\n").length - 1} words)`);
    if (!check) fs.writeFileSync(file, fresh);
  } else {
    console.log(`${lang}: current (${fresh.split("\n").length - 1} words)`);
  }
}
process.exit(check && stale ? 1 : 0);
