// What queries mean (issue #16), on the built bundled handbook, through its own
// search.js: phrases, exclusions, stop words and typos. Prints each failed check;
// exits 1 on any.
//
//   node tests/search/queries.js BOOK
"use strict";
const { open, pageOf } = require("./harness.js");

let failures = 0;
function check(ok, what) {
  if (!ok) {
    failures++;
    console.log(`FAILED: ${what}`);
  }
}

async function main() {
  const book = process.argv[2];
  const id = open(book, "id");
  const en = open(book, "en");
  const stem = id.context.panduanStem;
  await id.query("a", 1); // the Indonesian root words, for the checks' own stemming
  const stems = (text, lang) => stem.tokenize(text).map((w) => stem.stem(w, lang));
  const fields = (hit) => [hit.title, hit.heading, hit.text];
  // Do the stems of `words` stand next to each other, in order, in one of the fields?
  const adjacent = (hit, words, lang) => {
    const want = stems(words, lang);
    return fields(hit).some((f) => {
      const s = stems(f, lang);
      return s.some((_, i) => want.every((w, k) => s[i + k] === w));
    });
  };
  const first = (found) => (found.hits[0] ? pageOf(found.hits[0]) : "(nothing)");

  // Phrases: the words next to each other, in order.
  for (const [search, lang, phrase, page] of [
    [id, "id", "kelompok swabantu", "id/jenis-kelompok/swabantu/index.html"],
    [id, "id", "pemecahan masalah", "id/jenis-kelompok/pemecahan-masalah/index.html"],
    [en, "en", "self-help group", "en/group-types/self-help-groups/index.html"],
  ]) {
    const found = await search.query(`"${phrase}"`, 50);
    const loose = await search.query(phrase, 50);
    const top = found.hits.slice(0, 3).map(pageOf);
    check(top.includes(page), `"${phrase}" finds ${page} in its first 3, not only ${top.join(" ")}`);
    check(found.hits.every((h) => adjacent(h, phrase, lang)), `every hit of "${phrase}" holds it`);
    check(found.hits.length <= loose.hits.length, `"${phrase}" (${found.hits.length}) narrows ${phrase} (${loose.hits.length})`);
    const reversed = phrase.split(" ").reverse().join(" ");
    const back = await search.query(`"${reversed}"`, 50);
    check(back.hits.every((h) => adjacent(h, reversed, lang)), `every hit of "${reversed}" holds it in that order`);
    check(back.hits.length < loose.hits.length, `"${reversed}" (${back.hits.length}) finds fewer than ${reversed} (${loose.hits.length})`);
  }
  // A phrase still being typed: its last word matches as a beginning.
  const typing = await id.query('"kelompok swab', 10);
  check(first(typing) === "id/jenis-kelompok/swabantu/index.html", `"kelompok swab finds the self-help page first, not ${first(typing)}`);

  // Exclusions: -word leaves out the sections holding the word.
  for (const [search, lang, query, word] of [
    [id, "id", "kelompok -terapi", "terapi"],
    [id, "id", "rekreasi -keterampilan", "keterampilan"],
    [en, "en", "recreation -skill", "skill"],
  ]) {
    const found = await search.query(query, 50);
    const without = stem.stem(word, lang);
    check(found.hits.length > 0, `${query} finds something`);
    check(found.hits.every((h) => !fields(h).some((f) => stems(f, lang).includes(without))), `no hit of ${query} holds ${word}`);
  }
  const hyphen = await en.query("group -self-help", 50);
  check(hyphen.hits.length > 0 && !hyphen.hits.some((h) => h.url.startsWith("en/group-types/self-help-groups/")), "group -self-help leaves out the self-help page");
  const upper = await id.query("Pemberdyaan", 10);
  check(upper.corrected === "pemberdayaan", `Pemberdyaan says it shows results for "pemberdayaan", not "${upper.corrected}"`);
  const recreation = await en.query("recreation -skill", 50);
  check(first(recreation) === "en/group-types/recreation-groups/index.html", `recreation -skill finds recreation groups first, not ${first(recreation)}`);
  check(!recreation.hits.some((h) => h.url.startsWith("en/group-types/recreation-skill-groups/")), "recreation -skill leaves out the recreation-skill page (its title holds skill)");

  // Stop words: a query of only stop words finds something; with content words they
  // do not narrow, and do not outweigh.
  for (const [search, query] of [[id, "yang"], [id, "dan di ke"], [en, "the"], [en, "of the and"]]) {
    const found = await search.query(query, 10);
    check(found.hits.length > 0, `the stop words "${query}" still find something`);
  }
  for (const [search, query, page] of [
    [id, "apa yang dimaksud dengan pemberdayaan", "id/konsep/pemberdayaan/index.html"],
    [id, "kelompok yang swabantu", "id/jenis-kelompok/swabantu/index.html"],
    [en, "what is the helper therapy principle", "en/concepts/helper-therapy-principle/index.html"],
  ]) {
    const found = await search.query(query, 10);
    check(first(found) === page, `${query} finds ${page} first, not ${first(found)}`);
  }

  // Typos: one from 5 letters, two from 9, below exact matches, and said.
  for (const [search, query, page, corrected] of [
    [id, "pemberdyaan", "id/konsep/pemberdayaan/index.html", "pemberdayaan"],
    [id, "swabnatu", "id/jenis-kelompok/swabantu/index.html", "swabantu"],
    [id, "pembrdyaan", "id/konsep/pemberdayaan/index.html", "pemberdayaan"],
    [id, "kelompok swabnatu", "id/jenis-kelompok/swabantu/index.html", "kelompok swabantu"],
    [en, "empowermnet", "en/concepts/empowerment/index.html", "empowerment"],
    [en, "cohesoin", "en/concepts/group-dynamics/index.html", "cohesion"],
  ]) {
    const found = await search.query(query, 10);
    check(first(found) === page, `${query} finds ${page} first, not ${first(found)}`);
    check(found.corrected === corrected, `${query} says it shows results for "${corrected}", not "${found.corrected}"`);
  }
  for (const [search, query] of [[id, "swbntu"], [id, "kelmpk"], [en, "grp"], [en, "thrpy"]]) {
    const found = await search.query(query, 10);
    check(found.hits.length === 0 && !found.corrected, `${query}: too far from any word for its length, finds nothing (got ${found.hits.length})`);
  }
  const exact = await id.query("swabantu", 10);
  const typo = await id.query("swabnatu", 10);
  check(!exact.corrected, "an exact match says nothing about typos");
  check(typo.hits[0] && exact.hits[0] && typo.hits[0].score < exact.hits[0].score, "a typo scores below the exact word");

  // The handbook's vocabulary (issue #28, point 3): a house term's avoided form, a
  // glossary term (of the other language: the page defining it here comes first), an
  // entry of [search.synonyms] and an English word on the Indonesian side each find
  // their page first.
  for (const [search, query, page] of [
    [id, "konseling individual", "id/konsep/prinsip-helper-therapy/index.html"],
    [en, "roleplay", "en/practice/exercises/index.html"],
    [id, "social functioning", "id/praktik/etika/index.html"],
    [en, "keberfungsian sosial", "en/practice/ethics/index.html"],
    [id, "pkdrt", "id/studi-kasus/kelompok-perempuan-penyintas/index.html"],
    [en, "attendance sheet", "en/practice/evaluation/index.html"],
    [id, "empowerment", "id/konsep/pemberdayaan/index.html"],
    [id, "role-play", "id/praktik/latihan/index.html"],
  ]) {
    const found = await search.query(query, 10);
    check(first(found) === page, `${query} finds ${page} first, not ${first(found)}`);
  }

  // Every word counts, and none drops a page (issue #28, point 2): a word no page
  // holds leaves the pages holding the others.
  for (const [search, query, page] of [
    [id, "pizza daftar hadir", "id/praktik/evaluasi/index.html"],
    [en, "pizza informed consent", "en/practice/ethics/index.html"],
  ]) {
    const found = await search.query(query, 10);
    check(first(found) === page, `${query} finds ${page} first, not ${first(found)}`);
    check((found.missing || []).length === 1, `${query} says which word no page holds`);
  }

  // Cross-language results (issue #28, point 7): the other language's search answers
  // from this language's page, with its own pages.
  const elsewhere = await new Promise((resolve) => en.context.panduanSearchQueryIn("id", "kelompok swabantu", 3, resolve));
  check(first(elsewhere) === "id/jenis-kelompok/swabantu/index.html", `the Indonesian search from an English page finds the Indonesian self-help page, not ${first(elsewhere)}`);

  console.log(`${failures} checks failed`);
  process.exit(failures ? 1 : 0);
}

main().catch((err) => { console.error(err); process.exit(2); });
