/* Panduan search: the field in the header (results as you type) and search.html.

   Contract.
   - Files: a language's index is classic scripts that register their part in global
     tables, because file:// allows no fetch (src/search/shards.rs lays them out): the
     head assets/search-<lang>.js, the term shards assets/search-<lang>-t<k>.js, the
     text chunks assets/search-<lang>-x<k>.js, and assets/search-<lang>-words.js for
     typos. A query loads the head, the shards of its words and the text of the results
     it returns; a small book keeps its one shard and its text in the head.
   - Queries: every word counts and none is required: an entry scores its words'
     scores times the share of the query's words it (or its page) holds; stop words
     only add a little; the last word also matches the beginning of any indexed word;
     "two words" must stand next to each other in this order; -word leaves out the
     sections holding the word. The head's synonyms (house terms, glossary terms of
     the other language, [search.synonyms]) widen a word or phrase. A word that matches
     nothing is searched as typed when the language knows it (an Indonesian root, a
     common English word, a synonym): the answer names it as missing and may offer
     the closest key; other words of 5 or more letters (9: two typos) are tried with
     one typo, scored below exact matches, and the answer says which word it used.
   - window.panduanSearchQuery(query, limit, done) answers without drawing anything
     (tests/search/harness.js runs it in node): done({hits, total, corrected,
     missing, suggestion}); a hit is {doc, score, url, title, section, heading, text}.
   Keys: "/" focuses the field, Esc clears, arrows move. */
(function () {
  "use strict";
  var body = document.body;
  var root = body.getAttribute("data-root") || "";
  var lang = body.getAttribute("data-lang") || document.documentElement.lang;
  var form = document.querySelector("form.search");
  var strings = {
    none: form && form.getAttribute("data-none"),
    results: form && form.getAttribute("data-results"),
    corrected: form && form.getAttribute("data-corrected"),
    missing: form && form.getAttribute("data-missing"),
    suggest: form && form.getAttribute("data-suggest"),
    all: form && form.getAttribute("data-all")
  };
  var searchPage = (form && form.getAttribute("data-page")) || "search.html";

  /* Ranking: how much a query's coverage counts (an entry's score is multiplied by the
     share of the query's words it answers, to this power); what a synonym's words
     weigh (2 is the word itself); how much a heading holding the query's words moves
     a hit up. Tuned on tests/search/judged-*.tsv (2 and 3 for COVERAGE, 0.5 for
     HEADING, and coverage weighted by rarity all did worse). */
  var COVERAGE = 1;
  var SYNONYM = 2;
  var HEADING = 0.25;

  /* Words that say little about a page: they add to a score, they never narrow. */
  var STOP = {
    id: "yang dan di ke dari untuk dengan ini itu pada dalam adalah atau juga tidak akan oleh " +
      "sebagai bagi karena agar serta saat ada apa bisa dapat lebih para tersebut se mana " +
      "bagaimana kapan siapa mengapa kenapa dimaksud maksud kalau jika bila apabila harus sudah " +
      "belum saya aku kami kita anda",
    en: "the and of to a an in on for is are be as by with that this it or at from what which " +
      "how why when who do does did can i my you your we our their its was were not about if " +
      "should me there so then has have had"
  };

  function own(object, key) {
    return object && Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;
  }

  /* ---- Loading: classic scripts, each once ---- */
  var loading = {};
  function load(src, done) {
    if (loading[src] === true) return done();
    if (loading[src]) return loading[src].push(done);
    loading[src] = [done];
    var s = document.createElement("script");
    var settle = function () {
      var waiting = loading[src];
      loading[src] = s.failed ? null : true;
      waiting.forEach(function (f) { f(); });
    };
    s.src = root + src;
    s.onload = settle;
    s.onerror = function () { s.failed = true; settle(); };
    document.head.appendChild(s);
  }
  function loadAll(srcs, done) {
    var left = srcs.length;
    if (!left) return done();
    srcs.forEach(function (src) { load(src, function () { if (--left === 0) done(); }); });
  }

  /* The search of one language: its index, its stemming and stop words. The page's
     own language has one; another language gets one for results found only there. */
  function makeEngine(lang) {
    var stopWords = {};
    (STOP[lang] || "").split(" ").forEach(function (w) { stopWords[w] = true; });

    function withIndex(done) {
      var idx = own(window.panduanSearch, lang);
      if (idx && (lang !== "id" || window.panduanRootsId)) return done(prepare(idx));
      var need = ["assets/search-" + lang + ".js"];
      if (lang === "id") need.unshift("assets/roots-id.js");
      loadAll(need, function () {
        var head = own(window.panduanSearch, lang);
        if (head) done(prepare(head));
      });
    }

    /* Numbers the head's pages and entries once. */
    function prepare(idx) {
      if (idx.ready) return idx;
      var counts = idx.pages.split(" ");
      idx.firstDoc = [];
      idx.pageOf = [];
      for (var p = 0; p < counts.length; p++) {
        idx.firstDoc.push(idx.pageOf.length);
        for (var n = parseInt(counts[p], 36); n > 0; n--) idx.pageOf.push(p);
      }
      idx.chunkStarts = idx.chunks.split(" ").map(function (c) { return parseInt(c, 36); });
      // A small book's one text chunk comes in the head.
      if (idx.text) (window.panduanSearchText = window.panduanSearchText || {})[lang + "/0"] = idx.text;
      idx.decoded = {};
      idx.ready = true;
      return idx;
    }

    /* The last i with list[i] <= key (0 when none is). */
    function lastAtMost(list, key) {
      var lo = 0, hi = list.length - 1;
      while (lo < hi) {
        var mid = (lo + hi + 1) >> 1;
        if (list[mid] <= key) lo = mid; else hi = mid - 1;
      }
      return lo;
    }

    /* ---- Term shards ---- */
    function shardNumber(idx, key) { return idx.shards ? lastAtMost(idx.shards, key) : -1; }
    function shardSrc(k) { return "assets/search-" + lang + "-t" + k + ".js"; }
    function shardAt(idx, k) {
      var s = k < 0 ? idx : own(window.panduanSearchShard, lang + "/" + k);
      if (s && !s.termKeys) {
        s.termKeys = Object.keys(s.terms).sort();
        s.wordKeys = Object.keys(s.words).sort();
      }
      return s;
    }
    /* The shards holding keys from lo to hi. */
    function shardsBetween(idx, lo, hi) {
      if (!idx.shards) return [-1];
      var out = [];
      for (var k = shardNumber(idx, lo); k <= shardNumber(idx, hi); k++) out.push(k);
      return out;
    }
    /* Loads the shards of the key ranges [[lo, hi], …]. */
    function withRanges(idx, ranges, done) {
      var srcs = [];
      ranges.forEach(function (r) {
        shardsBetween(idx, r[0], r[1]).forEach(function (k) {
          if (k >= 0 && srcs.indexOf(shardSrc(k)) < 0) srcs.push(shardSrc(k));
        });
      });
      loadAll(srcs, done);
    }
    /* The keys of a sorted list that start with prefix. */
    function startingWith(keys, prefix) {
      var out = [];
      var i = keys.length ? lastAtMost(keys, prefix) : 0;
      if (keys[i] < prefix) i++;
      for (; i < keys.length && keys[i].indexOf(prefix) === 0; i++) out.push(keys[i]);
      return out;
    }
    /* Calls f(shard) for each loaded shard that may hold keys starting with prefix. */
    function eachShardFor(idx, prefix, f) {
      shardsBetween(idx, prefix, prefix + "\uffff").forEach(function (k) {
        var s = shardAt(idx, k);
        if (s) f(s);
      });
    }
    function stemsOfWord(idx, word) {
      var s = shardAt(idx, shardNumber(idx, word));
      var stems = s && own(s.words, word);
      return stems ? stems.split(" ") : [];
    }
    function isTerm(idx, key) {
      var s = shardAt(idx, shardNumber(idx, key));
      return !!(s && own(s.terms, key) !== undefined);
    }
    /* Postings are text (`entry.weight` pairs in base 36, entries as differences);
       decoded on first use into [entry, weight, entry, weight, …]. */
    function postingsOf(idx, term) {
      var cached = own(idx.decoded, term);
      if (cached) return cached;
      var s = shardAt(idx, shardNumber(idx, term));
      var text = s && own(s.terms, term);
      var out = [];
      if (typeof text === "string" && text !== "") {
        // Digit by digit: "3.a 11.1" is entry 3 (weight 10), then entry 3 + 37 (weight 1).
        var doc = 0, number = 0;
        for (var i = 0; i <= text.length; i++) {
          var c = i < text.length ? text.charCodeAt(i) : 32;
          if (c === 46) { doc += number; out.push(doc); number = 0; }
          else if (c === 32) { out.push(number); number = 0; }
          else number = number * 36 + (c <= 57 ? c - 48 : c - 87);
        }
      }
      idx.decoded[term] = out;
      return out;
    }

    /* ---- Text chunks: what a result shows, and what phrases are checked on ---- */
    function chunkOf(idx, page) { return lastAtMost(idx.chunkStarts, page); }
    function chunkSrc(k) { return "assets/search-" + lang + "-x" + k + ".js"; }
    function withTexts(idx, docs, done) {
      if (idx.text) return done();
      var srcs = [];
      docs.forEach(function (d) {
        var src = chunkSrc(chunkOf(idx, idx.pageOf[d]));
        if (srcs.indexOf(src) < 0) srcs.push(src);
      });
      loadAll(srcs, done);
    }
    /* Entry d as a hit (its chunk loaded): {doc, url, title, section, heading, text}. */
    function entryOf(idx, d) {
      var page = idx.pageOf[d];
      var k = chunkOf(idx, page);
      var chunk = own(window.panduanSearchText, lang + "/" + k);
      var p = chunk && chunk[page - idx.chunkStarts[k]];
      if (!p) return { doc: d, page: page, url: "", title: "", section: "", heading: "", text: "" };
      var e = p[3][d - idx.firstDoc[page]] || ["", "", ""];
      return { doc: d, page: page, url: p[0] + (e[0] ? "#" + e[0] : ""), title: p[1], section: p[2], heading: e[1], text: e[2] };
    }

    /* ---- Queries ---- */
    var stemCache = {};
    function stemOf(word) {
      var key = lang + "\u0000" + word;
      var s = own(stemCache, key);
      if (s === undefined) { s = window.panduanStem.stem(word, lang); stemCache[key] = s; }
      return s;
    }
    /* The terms of a text as {raw, stem}: a hyphenated word that is not a repetition
       gives its parts (the same split as the index). */
    function termsOf(text) {
      var out = [];
      window.panduanStem.tokenize(text).forEach(function (word) {
        var s = stemOf(word);
        if (s.indexOf("-") >= 0) {
          word.split("-").forEach(function (p) { if (p !== "") out.push({ raw: p, stem: stemOf(p) }); });
        } else {
          out.push({ raw: word, stem: s });
        }
      });
      return out;
    }

    /* The query as terms, each {raw, stem, group, exclude, stop, prefix}, and groups
       {terms, phrase, exclude}. */
    function parse(query) {
      var terms = [];
      var groups = [];
      var re = /(-?)"([^"]*)("?)|(\S+)/g;
      var m;
      while ((m = re.exec(query)) !== null) {
        var quoted = m[4] === undefined;
        var text = quoted ? m[2] : m[4];
        var exclude = quoted ? m[1] === "-" : text.length > 1 && text[0] === "-";
        if (!quoted && exclude) text = text.slice(1);
        var group = { terms: [], exclude: exclude, closed: quoted && m[3] === "\"" };
        termsOf(text).forEach(function (t) {
          t.group = groups.length;
          t.exclude = exclude;
          t.stop = own(stopWords, t.raw) === true;
          group.terms.push(terms.length);
          terms.push(t);
        });
        group.phrase = quoted && group.terms.length > 1;
        if (group.terms.length) groups.push(group);
      }
      var last = terms[terms.length - 1];
      // The last word is being typed: it also matches as a beginning, from 2 letters
      // (from 1 after a hyphen: "self-h").
      var inGroup = last && groups[last.group].terms.length > 1;
      if (last && !last.exclude && !groups[last.group].closed && (last.raw.length >= 2 || inGroup)) last.prefix = true;
      // A repetition being typed ("menakut-n" for menakut-nakuti) begins an indexed word
      // whole, not part by part.
      var token = last && last.prefix && window.panduanStem.tokenize(query).pop();
      if (token && token.indexOf("-") > 0 && token !== last.raw) last.whole = token;
      var allStop = terms.every(function (t) { return t.exclude || t.stop; });
      terms.forEach(function (t) { if (allStop) t.stop = false; });
      return { terms: terms, groups: groups };
    }

    /* The keys (stems, and words pointing at stems) a term matches, with their factor:
       its stem 2, a beginning 1, a typo 0.5. */
    function keysOf(idx, t) {
      var out = [];
      var add = function (stem, factor) {
        for (var i = 0; i < out.length; i++) if (out[i][0] === stem) { out[i][1] = Math.max(out[i][1], factor); return; }
        out.push([stem, factor]);
      };
      if (isTerm(idx, t.stem)) add(t.stem, 2);
      if (t.prefix) {
        [t.raw, t.stem].forEach(function (p) {
          eachShardFor(idx, p, function (s) {
            startingWith(s.termKeys, p).forEach(function (k) { add(k, 1); });
          });
        });
        stemsOfWordsStarting(idx, t, function (k) { add(k, 1); });
      }
      (t.typos || []).forEach(function (k) {
        if (isTerm(idx, k)) add(k, 0.5);
        stemsOfWord(idx, k).forEach(function (s) { add(s, 0.5); });
      });
      // A phrase the handbook's vocabulary says it also means: its words share the
      // weight of the term.
      // A synonym of one word weighs as the word (phrases: see addScores).
      (t.alts || []).forEach(function (phrase) {
        var content = contentOf(phrase);
        if (content.length === 1 && isTerm(idx, content[0])) add(content[0], SYNONYM);
      });
      return out;
    }

    function contentOf(phrase) { return phrase.filter(function (s) { return own(stopWords, s) !== true; }); }

    /* Marks the terms that a phrase of the handbook's vocabulary covers (house terms,
       glossary terms of the other language, [search.synonyms]: idx.synonyms): t.alts,
       the stems of each phrase it also means. The longest phrase wins. */
    function markSynonyms(idx, q) {
      var table = idx.synonyms || {};
      var terms = q.terms.filter(function (t) { return !t.exclude; });
      for (var i = 0; i < terms.length;) {
        var length = 0, alts = null, key = "";
        for (var j = i; j < terms.length && j < i + 6; j++) {
          key = key ? key + " " + terms[j].stem : terms[j].stem;
          var found = own(table, key);
          if (found) { length = j - i + 1; alts = found; }
        }
        if (!length) { i++; continue; }
        for (var k = i; k < i + length; k++) {
          terms[k].known = true;
          terms[k].alts = (terms[k].alts || []).concat(alts.map(function (p) { return p.split(" "); }));
        }
        i += length;
      }
    }

    /* Is t a word the language knows (never "corrected"): an Indonesian root or a word
       that stems to one, an English word (SCOWL's common words, assets/words-en.js), a
       term of the handbook's vocabulary? (Words of the index are found, not lost.) */
    var englishWords = null;
    function isKnown(t) {
      if (t.known) return true;
      var stem = window.panduanStem;
      if (lang === "id" && stem.isRootId && (stem.isRootId(t.stem) || stem.isRootId(t.raw))) return true;
      if (!englishWords && window.panduanWordsEn) englishWords = window.panduanWordsEn.split(" ");
      if (!englishWords) return false;
      var en = stem.stemEn(t.raw);
      var i = lastAtMost(englishWords, en);
      return englishWords[i] === en;
    }
    /* Calls f(stem) for the stems of the indexed words that t, being typed, begins. */
    function stemsOfWordsStarting(idx, t, f) {
      [t.raw, t.stem === t.raw ? null : t.stem, t.whole].forEach(function (p) {
        if (!p) return;
        eachShardFor(idx, p, function (s) {
          startingWith(s.wordKeys, p).forEach(function (w) { own(s.words, w).split(" ").forEach(f); });
        });
      });
    }
    /* The stems the prefix of t reaches through words (their shards may not be loaded). */
    function wordRanges(idx, t) {
      var out = [];
      if (t.prefix) stemsOfWordsStarting(idx, t, function (k) { out.push([k, k]); });
      (t.typos || []).forEach(function (k) {
        out.push([k, k]);
        stemsOfWord(idx, k).forEach(function (s) { out.push([s, s]); });
      });
      return out;
    }

    /* Optimal string alignment distance of a and b, or max + 1 when above max. */
    function distance(a, b, max) {
      if (Math.abs(a.length - b.length) > max) return max + 1;
      var prev2 = [], prev = [], cur = [];
      for (var j = 0; j <= b.length; j++) prev[j] = j;
      for (var i = 1; i <= a.length; i++) {
        cur = [i];
        var low = i;
        for (j = 1; j <= b.length; j++) {
          var cost = a[i - 1] === b[j - 1] ? 0 : 1;
          var v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
          if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
          cur[j] = v;
          if (v < low) low = v;
        }
        if (low > max) return max + 1;
        prev2 = prev;
        prev = cur;
      }
      return prev[b.length];
    }
    /* Every key of the index, sorted (with several shards, from the words file). */
    function withVocabulary(idx, done) {
      if (idx.vocabulary) return done(idx.vocabulary);
      var ready = function (keys) { idx.vocabulary = keys; done(keys); };
      if (!idx.shards) {
        var s = shardAt(idx, -1);
        return ready(s.termKeys.concat(s.wordKeys).sort());
      }
      load("assets/search-" + lang + "-words.js", function () {
        var all = own(window.panduanSearchWords, lang);
        ready(all ? all.split(" ") : []);
      });
    }
    /* For each term that matches nothing, the closest keys within its typo budget:
       those at the smallest distance, those with its first letter first. A word the
       language knows is searched as typed (t.missing), its closest key only offered
       (t.suggest); other words are corrected (t.typos). */
    function withTypos(idx, terms, done) {
      var lost = terms.filter(function (t) { return !t.exclude && !t.stop && keysOf(idx, t).length === 0; });
      // Words too short to correct safely are searched as typed.
      lost = lost.filter(function (t) {
        if (Array.from(t.raw).length >= 5) return true;
        t.missing = true;
        return false;
      });
      if (!lost.length) return done();
      load("assets/words-en.js", function () { withVocabulary(idx, function (keys) {
        lost.forEach(function (t) {
          var max = Array.from(t.raw).length >= 9 ? 2 : 1;
          var best = [];
          var bestRank = Infinity;
          keys.forEach(function (k) {
            var d = distance(t.raw, k, max);
            if (d > max) return;
            var rank = d * 2 + (k[0] === t.raw[0] ? 0 : 1);
            if (rank < bestRank) { bestRank = rank; best = []; }
            if (rank === bestRank && best.length < 5) best.push(k);
          });
          if (isKnown(t)) {
            t.missing = true;
            if (best.length) t.suggest = best[0];
          } else {
            t.typos = best;
          }
        });
        lost = lost.filter(function (t) { return t.typos; });
        var ranges = [];
        lost.forEach(function (t) { t.typos.forEach(function (k) { ranges.push([k, k]); }); });
        withRanges(idx, ranges, function () {
          var more = [];
          lost.forEach(function (t) { more = more.concat(wordRanges(idx, t)); });
          withRanges(idx, more, done);
        });
      }); });
    }

    /* Adds one term's scores to `into` (by entry): weight times factor times how rare
       the key is; returns the entries it touched, each once. */
    function addScores(idx, t, into, factor) {
      var touched = [];
      keysOf(idx, t).forEach(function (kf) {
        var postings = postingsOf(idx, kf[0]);
        var rare = factor * kf[1] * Math.log(1 + idx.pageOf.length / Math.max(1, postings.length / 2));
        for (var i = 0; i < postings.length; i += 2) {
          var d = postings[i];
          if (into[d] === 0) touched.push(d);
          into[d] += postings[i + 1] * rare;
        }
      });
      // A synonym phrase counts only in the entries holding all its words ("daftar
      // hadir" for "absensi", not every "daftar"), its words sharing the term's weight.
      (t.alts || []).forEach(function (phrase) {
        var content = contentOf(phrase);
        if (content.length < 2) return;
        var have = {}, sum = {};
        content.forEach(function (s) {
          var postings = postingsOf(idx, s);
          var rare = factor * SYNONYM / content.length * Math.log(1 + idx.pageOf.length / Math.max(1, postings.length / 2));
          for (var i = 0; i < postings.length; i += 2) {
            var d = postings[i];
            have[d] = (have[d] || 0) + 1;
            sum[d] = (sum[d] || 0) + postings[i + 1] * rare;
          }
        });
        Object.keys(have).forEach(function (key) {
          var d = +key;
          if (have[key] !== content.length) return;
          if (into[d] === 0) touched.push(d);
          into[d] += sum[key];
        });
      });
      return touched;
    }

    /* {docs, score}: the entries that answer the query, before phrases are checked, and
       every entry's score. */
    function combine(idx, q) {
      var n = idx.pageOf.length;
      var score = new Float64Array(n);
      var covered = new Float64Array(n);
      var pageCovered = new Float64Array(idx.firstDoc.length);
      var found = new Uint8Array(n);
      var words = q.terms.filter(function (t) { return !t.exclude && !t.stop; });
      var these = new Float64Array(n);
      var docs = [];
      var total = 0;
      // Every word counts: an entry scores the sum of its words' scores, times how much
      // of the query it answers (its own words and its page's, stop words a little).
      words.forEach(function (t) {
        var pages = {};
        var touched = addScores(idx, t, these, 1);
        var weight = 1;
        total += weight;
        touched.forEach(function (d) {
          if (!found[d]) { found[d] = 1; docs.push(d); }
          covered[d] += weight;
          score[d] += these[d];
          these[d] = 0;
          var p = idx.pageOf[d];
          if (!pages[p]) { pages[p] = true; pageCovered[p] += weight; }
        });
      });
      if (total) {
        docs.forEach(function (d) {
          var share = (covered[d] + pageCovered[idx.pageOf[d]]) / (2 * total);
          score[d] *= Math.pow(share, COVERAGE);
        });
      }
      // Stop words add a fifth of their weight to entries already found.
      q.terms.forEach(function (t) {
        if (t.exclude || !t.stop) return;
        addScores(idx, t, these, 1 / 5).forEach(function (d) {
          if (score[d] > 0) score[d] += these[d];
          these[d] = 0;
        });
      });
      // -word (and -self-help: both parts) leaves out the sections holding it; an
      // excluded "phrase" is checked on the text, in rank.
      q.groups.forEach(function (g) {
        if (!g.exclude || g.phrase) return;
        var holding = new Uint8Array(n);
        g.terms.forEach(function (m, k) {
          var postings = postingsOf(idx, q.terms[m].stem);
          for (var i = 0; i < postings.length; i += 2) {
            if (holding[postings[i]] === k) holding[postings[i]] = k + 1;
          }
        });
        docs = docs.filter(function (d) { return holding[d] !== g.terms.length; });
      });
      return { docs: docs, score: score };
    }

    /* Does the entry hold the terms of group g next to each other, in order? */
    function holdsPhrase(q, g, hit) {
      var want = g.terms.map(function (n) { return q.terms[n]; });
      var fits = function (t, w) {
        if (w.stem === t.stem || (t.typos || []).indexOf(w.raw) >= 0 || (t.typos || []).indexOf(w.stem) >= 0) return true;
        return !!t.prefix && (w.raw.indexOf(t.raw) === 0 || w.stem.indexOf(t.stem) === 0);
      };
      return [hit.title, hit.heading, hit.text].some(function (text) {
        var words = termsOf(text);
        for (var i = 0; i + want.length <= words.length; i++) {
          var k = 0;
          while (k < want.length && fits(want[k], words[i + k])) k++;
          if (k === want.length) return true;
        }
        return false;
      });
    }

    /* Reorders hits: a page whose title holds the query's words as typed (not only
       their stems: "socialization" and "social" share a stem; stop words too: "apa itu
       kelompok") moves up, by up to half its score. */
    function byTitle(q, hits) {
      var words = q.terms.filter(function (t) { return !t.exclude; });
      var content = words.filter(function (t) { return !t.stop; });
      if (!content.length) return hits;
      // 1 for the word as typed (or its typo's word), 1/2 for another form of it.
      var fit = function (t, w) {
        if (w.raw === t.raw || (t.prefix && w.raw.indexOf(t.raw) === 0) || (t.typos || []).indexOf(w.raw) >= 0) return 1;
        if (w.stem === t.stem) return 0.5;
        // A synonym of one word ("socialisation" for "socialization").
        return (t.alts || []).some(function (p) { return p.length === 1 && p[0] === w.stem; }) ? 0.5 : 0;
      };
      hits.forEach(function (hit) {
        var title = termsOf(hit.title);
        var found = 0, covered = 0;
        content.forEach(function (t) {
          found += title.reduce(function (m, w) { return Math.max(m, fit(t, w)); }, 0);
        });
        // And by up to half again when the query is most of the title ("Kelompok
        // swabantu" before "Kelompok swabantu keluarga yang merawat lansia").
        title.forEach(function (w) {
          covered += words.reduce(function (m, t) { return Math.max(m, fit(t, w)); }, 0);
        });
        // A heading holding the query's words counts too, by up to a quarter.
        var heading = termsOf(hit.heading || "");
        var inHeading = 0;
        content.forEach(function (t) {
          inHeading += heading.reduce(function (m, w) { return Math.max(m, fit(t, w)); }, 0);
        });
        hit.score *= 1 + found / content.length / 2 + (title.length ? covered / title.length / 2 : 0) +
          HEADING * inHeading / content.length;
      });
      return hits.sort(function (a, b) { return b.score - a.score || a.doc - b.doc; });
    }

    /* The best entry of each page, best first, at most limit, checked against the
       query's phrases; their text loaded. */
    function rank(idx, q, scores, limit, done) {
      var score = scores.score;
      var docs = scores.docs;
      docs.sort(function (a, b) { return score[b] - score[a] || a - b; });
      var phrases = q.groups.filter(function (g) { return g.phrase; });
      // How many pages answer (before phrases are checked, which needs their text).
      var pagesFound = {};
      var total = 0;
      docs.forEach(function (d) { if (!pagesFound[idx.pageOf[d]]) { pagesFound[idx.pageOf[d]] = true; total++; } });
      var hits = [];
      var seen = {};
      var at = 0;
      var step = function () {
        var batch = [];
        var pages = {};
        while (at < docs.length && hits.length + batch.length < limit) {
          var d = docs[at++];
          var page = idx.pageOf[d];
          if (seen[page] || (!phrases.length && pages[page])) continue;
          pages[page] = true;
          batch.push(d);
          if (phrases.length && batch.length >= 32) break;
        }
        if (!batch.length) return done({ hits: byTitle(q, hits), total: phrases.length ? hits.length : total });
        withTexts(idx, batch, function () {
          batch.forEach(function (d) {
            var hit = entryOf(idx, d);
            if (seen[hit.page] || hits.length >= limit) return;
            var ok = phrases.every(function (g) { return holdsPhrase(q, g, hit) !== g.exclude; });
            if (!ok) return;
            seen[hit.page] = true;
            hit.score = score[d];
            hits.push(hit);
          });
          step();
        });
      };
      step();
    }

    /* Answers query with at most limit hits: done({hits, terms, corrected}). */
    function search(idx, query, limit, done) {
      var q = parse(query);
      if (!q.terms.some(function (t) { return !t.exclude; })) return done({ hits: [], terms: [] });
      var ranges = [];
      q.terms.forEach(function (t) {
        ranges.push([t.stem, t.stem]);
        if (t.prefix) ranges.push([t.raw, t.raw + "\uffff"], [t.stem, t.stem + "\uffff"]);
        if (t.whole) ranges.push([t.whole, t.whole + "\uffff"]);
      });
      markSynonyms(idx, q);
      q.terms.forEach(function (t) {
        (t.alts || []).forEach(function (p) { p.forEach(function (s) { ranges.push([s, s]); }); });
      });
      withRanges(idx, ranges, function () {
        var more = [];
        q.terms.forEach(function (t) { more = more.concat(wordRanges(idx, t)); });
        withRanges(idx, more, function () {
          withTypos(idx, q.terms, function () {
            rank(idx, q, combine(idx, q), limit, function (found) {
              found.terms = q.terms;
              found.stems = [];
              q.terms.forEach(function (t) {
                if (!t.exclude) keysOf(idx, t).forEach(function (kf) { found.stems.push(kf[0]); });
              });
              var typos = q.terms.filter(function (t) { return t.typos && t.typos.length; });
              if (typos.length) {
                var corrected = query.toLowerCase();
                typos.forEach(function (t) { corrected = corrected.split(t.raw).join(t.typos[0]); });
                found.corrected = corrected;
              }
              // Real words that no page holds: said, never replaced; a close word of the
              // index is only offered.
              var missing = q.terms.filter(function (t) { return t.missing; });
              found.missing = missing.map(function (t) { return t.raw; });
              var offered = missing.filter(function (t) { return t.suggest; });
              if (offered.length) {
                var suggestion = query.toLowerCase();
                offered.forEach(function (t) { suggestion = suggestion.split(t.raw).join(t.suggest); });
                found.suggestion = suggestion;
              }
              done(found);
            });
          });
        });
      });
    }

    return { lang: lang, withIndex: withIndex, search: search, termsOf: termsOf };
  }
  var engine = makeEngine(lang);

  /* ---- Drawing ---- */

  /* The text around the first matched word, with every matched word in <mark>. */
  function snippet(text, found) {
    var frag = document.createDocumentFragment();
    var re = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu;
    var matches = [];
    var m;
    var prefixes = found.terms.filter(function (t) { return t.prefix; });
    while ((m = re.exec(text)) !== null) {
      var hit = engine.termsOf(m[0]).some(function (w) {
        return found.stems.indexOf(w.stem) >= 0 || prefixes.some(function (t) {
          return w.raw.indexOf(t.raw) === 0 || w.stem.indexOf(t.stem) === 0;
        });
      });
      if (hit) matches.push([m.index, m.index + m[0].length]);
    }
    var start = 0;
    if (matches.length) start = Math.max(0, matches[0][0] - 60);
    var end = Math.min(text.length, start + 220);
    if (start > 0) {
      var space = text.indexOf(" ", start);
      if (space >= 0 && space < matches[0][0]) start = space + 1;
    }
    var pos = start;
    if (start > 0) frag.appendChild(document.createTextNode("… "));
    matches.forEach(function (r) {
      if (r[0] < start || r[1] > end) return;
      frag.appendChild(document.createTextNode(text.slice(pos, r[0])));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(r[0], r[1]);
      frag.appendChild(mark);
      pos = r[1];
    });
    frag.appendChild(document.createTextNode(text.slice(pos, end)));
    if (end < text.length) frag.appendChild(document.createTextNode(" …"));
    return frag;
  }

  /* The address of the search page for query. */
  function searchUrl(query) { return searchPage + "?q=" + encodeURIComponent(query); }

  function quoted(text) { return "\u201c" + text + "\u201d"; }

  /* What a screen reader hears of an answer: only the count (or that there is none). */
  function countOf(found, query, onPage) {
    if (!query.trim()) return "";
    if (!found.hits.length) return (strings.none || "No results for") + " " + quoted(query);
    // The same count in the dropdown and on the search page, which shows them all.
    return Math.max(found.total || 0, found.hits.length) + " " + (strings.results || "results");
  }

  /* The results as a list; on the search page (onPage) the status line says how many,
     so the list adds no line of its own when there are none. */
  function draw(list, found, query, onPage) {
    list.setAttribute("data-query", query);
    list.textContent = "";
    var line = function (className) {
      var li = document.createElement("li");
      li.className = className;
      list.appendChild(li);
      return li;
    };
    if (found.corrected && found.hits.length) {
      line("search-corrected").textContent = (strings.corrected || "Showing results for") + " " + quoted(found.corrected);
    }
    // A real word that no page holds is said (when other words found pages: with none,
    // "no results" says it once), never replaced; a close word is only offered.
    var missing = found.hits.length && found.missing && found.missing.length;
    if (!found.hits.length && query.trim() && !onPage) {
      line("no-results").textContent = (strings.none || "No results for") + " " + quoted(query);
    }
    if (missing || found.suggestion) {
      var said = line("search-missing");
      if (missing) said.appendChild(document.createTextNode((strings.missing || "No page holds") + " " + found.missing.map(quoted).join(", ") + ". "));
      if (found.suggestion) {
        said.appendChild(document.createTextNode((strings.suggest || "Did you mean") + " "));
        var offer = document.createElement("a");
        offer.href = searchUrl(found.suggestion);
        offer.className = "search-suggestion";
        offer.textContent = found.suggestion;
        said.appendChild(offer);
        said.appendChild(document.createTextNode("?"));
      }
    }
    found.hits.forEach(function (hit) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = root + hit.url;
      var title = document.createElement("span");
      title.className = "result-title";
      title.textContent = hit.heading ? hit.title + " \u203a " + hit.heading : hit.title;
      a.appendChild(title);
      if (hit.section) {
        var section = document.createElement("span");
        section.className = "result-section";
        section.textContent = hit.section;
        a.appendChild(section);
      }
      var text = document.createElement("span");
      text.className = "result-snippet";
      text.appendChild(snippet(hit.text || "", found));
      a.appendChild(text);
      li.appendChild(a);
      list.appendChild(li);
    });
    // The dropdown shows the first few: a link leads to all of them (kept in view at
    // the bottom of the box). The search page shows the first PAGE_FIRST: a button
    // shows the rest.
    if (found.total > found.hits.length) {
      var all = document.createElement(onPage ? "button" : "a");
      if (onPage) {
        all.type = "button";
        all.className = "search-more";
        all.setAttribute("data-total", found.total);
      } else {
        all.href = searchUrl(query);
      }
      all.textContent = (strings.all || "See all results") + " (" + found.total + ")";
      line("search-all").appendChild(all);
    }
  }

  /* The other languages of the book, from the links that repeat a search there. */
  function otherLanguageList() {
    var out = [], seen = {};
    var links = document.querySelectorAll("a[data-search-lang]");
    for (var i = 0; i < links.length; i++) {
      var code = links[i].getAttribute("data-search-lang");
      if (!seen[code]) { seen[code] = true; out.push({ code: code, name: links[i].textContent }); }
    }
    return out;
  }

  /* When this language finds too little (fewer than ELSEWHERE pages), the best pages
     of the other languages follow the results, marked with their language; answers
     found only through a typo there are left out. */
  var ELSEWHERE = 3;
  var engines = {};
  function drawElsewhere(list, query, found, current) {
    if (!query.trim() || found.hits.length >= ELSEWHERE) return;
    otherLanguageList().forEach(function (l) {
      var other = engines[l.code] || (engines[l.code] = makeEngine(l.code));
      other.withIndex(function (idx) {
        other.search(idx, query, ELSEWHERE, function (there) {
          if (!current() || there.corrected) return;
          there.hits.forEach(function (hit) {
            var li = document.createElement("li");
            li.className = "search-elsewhere";
            li.setAttribute("lang", l.code);
            var a = document.createElement("a");
            a.href = root + hit.url;
            a.setAttribute("hreflang", l.code);
            var title = document.createElement("span");
            title.className = "result-title";
            title.textContent = hit.heading ? hit.title + " \u203a " + hit.heading : hit.title;
            a.appendChild(title);
            var name = document.createElement("span");
            name.className = "result-lang";
            name.textContent = l.name;
            a.appendChild(name);
            li.appendChild(a);
            list.appendChild(li);
          });
        });
      });
    });
  }

  function otherLanguages(container, query) {
    if (!container) return;
    var links = container.querySelectorAll("a[data-search-lang]");
    for (var i = 0; i < links.length; i++) {
      var base = links[i].getAttribute("href").split("?")[0];
      links[i].setAttribute("href", base + (query ? "?q=" + encodeURIComponent(query) : ""));
    }
    container.hidden = !query;
  }

  function moveFocus(list, input, step) {
    var links = Array.prototype.slice.call(list.querySelectorAll("a"));
    if (!links.length) return;
    var i = links.indexOf(document.activeElement);
    var next = i + step;
    if (next < 0) return input.focus();
    if (next >= links.length) next = links.length - 1;
    links[next].focus();
  }

  /* The header field: results as you type. */
  var input = form && form.querySelector("input[type=search]");
  var list = document.getElementById("search-results");
  var panel = document.getElementById("search-panel");
  if (input && list && !document.getElementById("search-page")) {
    var run = function () {
      var q = input.value;
      if (!q.trim()) {
        panel.hidden = true;
        list.textContent = "";
        var count = document.getElementById("search-count");
        if (count) count.textContent = "";
        return;
      }
      engine.withIndex(function (idx) {
        if (input.value !== q) return;
        engine.search(idx, q, 8, function (found) {
          if (input.value !== q) return;
          draw(list, found, q, false);
          drawElsewhere(list, q, found, function () { return input.value === q; });
          var count = document.getElementById("search-count");
          if (count) count.textContent = countOf(found, q, false);
          otherLanguages(document.getElementById("search-other"), q);
          panel.hidden = false;
        });
      });
    };
    input.addEventListener("input", run);
    input.addEventListener("focus", function () { engine.withIndex(function () {}); });
    form.addEventListener("keydown", function (e) {
      if (e.key === "ArrowDown") { e.preventDefault(); moveFocus(list, input, 1); }
      else if (e.key === "ArrowUp") { e.preventDefault(); moveFocus(list, input, -1); }
      else if (e.key === "Escape") { input.value = ""; panel.hidden = true; list.textContent = ""; input.focus(); }
    });
    document.addEventListener("click", function (e) {
      if (!form.contains(e.target)) panel.hidden = true;
    });
  }

  /* "/" focuses the search field from anywhere but another field. */
  document.addEventListener("keydown", function (e) {
    var t = e.target;
    var typing = t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.isContentEditable);
    if (e.key === "/" && !typing && !e.ctrlKey && !e.metaKey && !e.altKey) {
      var field = document.getElementById("search-page-input") || input;
      if (field) { e.preventDefault(); field.focus(); }
    }
  });

  /* search.html?q=... */
  var pageBox = document.getElementById("search-page");
  if (pageBox) {
    var pageInput = document.getElementById("search-page-input");
    var pageList = document.getElementById("search-page-results");
    var status = document.getElementById("search-status");
    var params = new URLSearchParams(window.location.search);
    pageInput.value = params.get("q") || "";
    var PAGE_FIRST = 50;
    var show = function (limit, then) {
      var q = pageInput.value;
      engine.withIndex(function (idx) {
        if (pageInput.value !== q) return;
        engine.search(idx, q, limit || PAGE_FIRST, function (found) {
          if (pageInput.value !== q) return;
          draw(pageList, found, q, true);
          if (then) then(found);
          drawElsewhere(pageList, q, found, function () { return pageInput.value === q; });
          status.textContent = countOf(found, q, true);
          otherLanguages(document.getElementById("search-page-other"), q);
        });
      });
    };
    pageInput.addEventListener("input", function () {
      var url = new URL(window.location.href);
      url.searchParams.set("q", pageInput.value);
      try { window.history.replaceState(null, "", url.toString()); } catch (err) { /* file:// in some browsers */ }
      show();
    });
    pageBox.addEventListener("keydown", function (e) {
      if (e.key === "ArrowDown") { e.preventDefault(); moveFocus(pageList, pageInput, 1); }
      else if (e.key === "ArrowUp") { e.preventDefault(); moveFocus(pageList, pageInput, -1); }
      else if (e.key === "Escape") { pageInput.value = ""; pageInput.dispatchEvent(new Event("input")); }
    });
    /* "See all results": the rest below the first ones, focus on the first new one. */
    pageList.addEventListener("click", function (e) {
      var more = e.target.closest && e.target.closest(".search-more");
      if (!more) return;
      // The results' items have no class (the lines around them have one).
      var shown = pageList.querySelectorAll("li:not([class]) > a").length;
      show(Number(more.getAttribute("data-total")) || 100000, function () {
        var links = pageList.querySelectorAll("li:not([class]) > a");
        if (links[shown]) links[shown].focus();
      });
    });
    show();
  }

  window.panduanSearchQuery = function (query, limit, done) {
    engine.withIndex(function (idx) { engine.search(idx, query, limit || 10, done); });
  };
  /* The same in another language of the book (what drawElsewhere shows). */
  window.panduanSearchQueryIn = function (code, query, limit, done) {
    var other = engines[code] || (engines[code] = makeEngine(code));
    other.withIndex(function (idx) { other.search(idx, query, limit || 10, done); });
  };
})();
