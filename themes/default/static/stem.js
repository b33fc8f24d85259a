/* Panduan search: tokenizer and stemmers, the same steps as src/search/ in Rust
   (mod.rs tokenize/terms, stem_id/, stem_en.rs). tests/search/ holds both to the same
   answers. Classic script: defines window.panduanStem. */
(function () {
  "use strict";

  function isAlnum(c) {
    return /[\p{L}\p{N}]/u.test(c);
  }

  function tokenize(text) {
    var out = [];
    var word = "";
    var chars = Array.from(text);
    for (var i = 0; i < chars.length; i++) {
      var c = chars[i];
      if (isAlnum(c)) {
        word += c.toLowerCase();
      } else if (c === "-" && word !== "" && i + 1 < chars.length && isAlnum(chars[i + 1])) {
        word += "-";
      } else if (word !== "") {
        out.push(word);
        word = "";
      }
    }
    if (word !== "") out.push(word);
    return out;
  }

  /* ---- Indonesian ---- */
  // src/search/stem_id/ step for step: Sastrawi's confix stripping as PySastrawi has it
  // (MIT; see src/search/data/NOTICE.txt). mod.rs: hyphenated words; context.rs: one
  // word; rules.rs: the prefix rules, the same table.
  // The root words arrive sorted (assets/roots-id.js): binary search, no set to build.
  var idRoots = null;
  function idDict(w) {
    if (!idRoots) idRoots = (window.panduanRootsId || "").split(" ");
    var lo = 0, hi = idRoots.length - 1;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      var r = idRoots[mid];
      if (r === w) return true;
      if (r < w) lo = mid + 1; else hi = mid - 1;
    }
    return false;
  }

  // rules.rs: a pattern letter in lowercase stands for itself, in uppercase for a class.
  var ID_CLASSES = {
    V: "aiueo", C: "bcdfghjklmnpqrstvwxyz", A: "abcdefghijklmnopqrstuvwxyz",
    B: "bcdfghjklmnpqstvwxyz", D: "cdjstz", F: "bfv", G: "ghqk", K: "bcdfghjkpqstvxz",
    L: "lrwy", P: "abcdfghijklmopqrstuvwxyz", W: "wy"
  };
  function R(pattern, cut) {
    return { pattern: pattern, whole: false, keep: 0, add: "", cut: cut, notR: -1, notEr: -1 };
  }
  function add(rule, s) { rule.add = s; return rule; }
  function keep(rule, n) { rule.keep = n; return rule; }
  function whole(rule) { rule.whole = true; return rule; }
  function notR(rule, at) { rule.notR = at; return rule; }
  function notEr(rule, at) { rule.notEr = at; return rule; }
  function idApply(rule, word) {
    var p = rule.pattern;
    if (word.length < p.length || (rule.whole && word.length !== p.length)) return null;
    for (var i = 0; i < p.length; i++) {
      var set = ID_CLASSES[p[i]];
      if (set === undefined ? p[i] !== word[i] : set.indexOf(word[i]) < 0) return null;
    }
    if (rule.notR >= 0 && word[rule.notR] === "r") return null;
    if (rule.notEr >= 0 && word.slice(rule.notEr, rule.notEr + 2) === "er") return null;
    return word.slice(0, rule.keep) + rule.add + word.slice(rule.cut);
  }
  // The prefix visitors after di-/ke-/se-: disambiguators, each a list of alternatives.
  var ID_VISITORS = [
    [[R("berV", 3)], [add(R("berV", 3), "r")]], // 1a, 1b
    [[notEr(R("berCA", 3), 5)]], // 2
    [[notR(R("berCAerV", 3), 3)]], // 3
    [[whole(R("belajar", 3))]], // 4
    [[R("beBerC", 2)]], // 5
    [[R("terV", 3)], [add(R("terV", 3), "r")]], // 6a, 6b
    [[notR(R("terCerV", 3), 3)]], // 7
    [[notEr(notR(R("terC", 3), 3), 4)]], // 8
    [[notR(R("teCerC", 2), 2)]], // 9
    [[R("meLV", 2)]], // 10
    [[R("memF", 3)]], // 11
    [[R("mempe", 3)]], // 12
    [[add(R("memV", 3), "m")], [add(R("memV", 3), "p")]], // 13a, 13b
    [[R("menD", 3)]], // 14
    [[add(R("menV", 3), "n")], [add(R("menV", 3), "t")]], // 15a, 15b
    [[R("mengG", 4)]], // 16
    [[R("mengV", 4)], [add(R("mengV", 4), "k")], [R("menge", 5)], [add(R("mengV", 4), "ng")]], // 17a-d
    [[add(R("menyV", 4), "ny")], [add(R("menyV", 4), "s")]], // 18a, 18b
    [[R("mempP", 3)]], // 19
    [[R("peWV", 2)]], // 20
    [[R("perV", 3)], [R("perV", 2)]], // 21a, 21b
    [[notEr(R("perCA", 3), 5)]], // 23
    [[notR(R("perCAerV", 3), 3)]], // 24
    [[R("pemF", 3)]], // 25
    [[add(R("pemV", 3), "m")], [add(R("pemV", 3), "p")]], // 26a, 26b
    [[R("penD", 3)]], // 27
    [[add(R("penV", 3), "n")], [add(R("penV", 3), "t")]], // 28a, 28b
    [[R("pengC", 4)]], // 29
    [[R("pengV", 4)], [add(R("pengV", 4), "k")], [R("penge", 5)]], // 30a-c
    [[add(R("penyV", 4), "ny")], [add(R("penyV", 4), "s")]], // 31a, 31b
    [[whole(R("pelajar", 3)), R("pelV", 2)]], // 32
    [[notEr(R("peC", 2), 3)]], // 34
    [[R("terKerC", 3)]], // 35
    [[R("peKerC", 2)]], // 36
    [[R("CerV", 0)], [keep(R("CerV", 3), 1)]], // 37a, 37b
    [[R("CelV", 0)], [keep(R("CelV", 3), 1)]], // 38a, 38b
    [[R("CemV", 0)], [keep(R("CemV", 3), 1)]], // 39a, 39b
    [[R("CinV", 0)], [keep(R("CinV", 3), 1)]], // 40a, 40b
    [[R("ku", 2)]], // 41
    [[R("kau", 3)]] // 42
  ];

  // context.rs: one word.
  var PARTICLE = 0, POSSESSIVE = 1, DERIVATIONAL = 2, PREFIX = 3;
  function idPrefixFirst(word) {
    var pairs = [["be", "lah"], ["be", "an"], ["me", "i"], ["di", "i"], ["pe", "i"], ["ter", "i"]];
    for (var i = 0; i < pairs.length; i++) {
      var p = pairs[i][0], s = pairs[i][1];
      if (word.length >= p.length + s.length && word.startsWith(p) && word.endsWith(s)) return true;
    }
    return false;
  }
  function idStripEnclitic(word, suffixes) {
    for (var i = 0; i < suffixes.length; i++) {
      if (word.endsWith(suffixes[i])) {
        return word.slice(0, word.length - suffixes[i].length).replace(/-+$/, "");
      }
    }
    return null;
  }
  function IdContext(word, dict) {
    this.dict = dict;
    this.original = word;
    this.current = word;
    this.removals = [];
    this.stopped = false;
  }
  IdContext.prototype.found = function () { return this.dict(this.current); };
  IdContext.prototype.run = function () {
    if (this.found()) return;
    if (this.current.length <= 3) this.stopped = true;
    if (idPrefixFirst(this.original)) {
      // Our deviation: after each prefix, the word without its suffixes too.
      for (var round = 0; round < 3; round++) {
        this.removeOnePrefix();
        if (this.found()) return;
        var current = this.current, count = this.removals.length;
        this.removeSuffixes();
        if (this.found()) return;
        this.current = current;
        this.removals.length = count;
      }
      this.current = this.original;
      this.removals = [];
    }
    this.removeSuffixes();
    if (this.found()) return;
    this.removePrefixes();
    if (this.found()) return;
    this.giveBackSuffixes();
  };
  IdContext.prototype.remove = function (result, kind, kan) {
    this.removals.push({ subject: this.current, result: result, kind: kind, kan: kan });
    this.current = result;
  };
  IdContext.prototype.removeSuffixes = function () {
    for (var step = 0; step < 3; step++) {
      if (step === 0) {
        var p = idStripEnclitic(this.current, ["lah", "kah", "tah", "pun"]);
        if (p !== null) this.remove(p, PARTICLE, false);
      } else if (step === 1) {
        var q = idStripEnclitic(this.current, ["ku", "mu", "nya"]);
        if (q !== null) this.remove(q, POSSESSIVE, false);
      } else {
        var list = ["isasi", "isme", "kan", "an", "is", "i"];
        for (var i = 0; i < list.length; i++) {
          if (this.current.endsWith(list[i])) {
            this.remove(this.current.slice(0, this.current.length - list[i].length), DERIVATIONAL, list[i] === "kan");
            break;
          }
        }
      }
      if (this.found() || this.stopped) return;
    }
  };
  IdContext.prototype.removePrefixes = function () {
    for (var round = 0; round < 3; round++) {
      this.removeOnePrefix();
      if (this.found()) return;
    }
  };
  IdContext.prototype.removeOnePrefix = function () {
    var before = this.removals.length;
    for (var v = -1; v < ID_VISITORS.length; v++) {
      if (v < 0) this.plainPrefix(); else this.disambiguate(ID_VISITORS[v]);
      if (this.found() || this.stopped || this.removals.length > before) return;
    }
  };
  IdContext.prototype.plainPrefix = function () {
    var c = this.current;
    if (c.startsWith("di") || c.startsWith("ke") || c.startsWith("se")) this.remove(c.slice(2), PREFIX, false);
  };
  IdContext.prototype.disambiguate = function (disambiguators) {
    var proposal = null;
    for (var d = 0; d < disambiguators.length; d++) {
      proposal = null;
      var alternatives = disambiguators[d];
      for (var a = 0; a < alternatives.length && proposal === null; a++) {
        proposal = idApply(alternatives[a], this.current);
      }
      if (proposal !== null && this.dict(proposal)) break;
    }
    if (proposal !== null) this.remove(proposal, PREFIX, false);
  };
  IdContext.prototype.giveBackSuffixes = function () {
    if (this.removals.length > 0) this.current = this.removals[0].subject;
    this.removals = this.removals.filter(function (r) { return r.kind !== PREFIX; });
    var suffixes = this.removals.slice();
    var saved = this.current;
    for (var i = suffixes.length - 1; i >= 0; i--) {
      var removal = suffixes[i];
      if (removal.kan) {
        this.current = removal.result + "k";
        this.removePrefixes();
        if (this.found()) return;
        this.current = removal.result + "kan";
      } else {
        this.current = removal.subject;
      }
      this.removePrefixes();
      if (this.found()) return;
      this.removals = suffixes.slice();
      this.current = saved;
    }
  };
  function idSingular(word, dict) {
    var c = new IdContext(word, dict);
    c.run();
    return c.found() ? c.current : c.original;
  }

  // mod.rs: hyphenated words, and words of other letters.
  var ID_ENCLITICS = ["ku", "mu", "nya", "lah", "kah", "tah", "pun"];
  function idWord(word, dict) {
    var dash = word.lastIndexOf("-");
    if (dash < 0) return idSingular(word, dict);
    var first = word.slice(0, dash), last = word.slice(dash + 1);
    var enclitic = ID_ENCLITICS.indexOf(last) >= 0;
    if (enclitic && first.indexOf("-") < 0) return idSingular(word, dict);
    var a = first, b = last;
    var inner = first.lastIndexOf("-");
    if (enclitic && inner >= 0) {
      a = first.slice(0, inner);
      b = first.slice(inner + 1) + "-" + last;
    }
    var rootA = idSingular(a, dict);
    var rootB = idSingular(b, dict);
    if (!dict(b) && rootB === b) rootB = idSingular("me" + b, dict);
    return rootA === rootB ? rootA : word;
  }
  function stemId(word, dict) {
    dict = dict || idDict;
    if (/^[a-z-]*$/.test(word)) return idWord(word, dict);
    var dash = word.indexOf("-");
    if (dash >= 0) {
      var left = word.slice(0, dash), right = word.slice(dash + 1);
      if (left === "" || right === "") return word;
      var a = stemId(left, dict), b = stemId(right, dict);
      return a === b ? a : word;
    }
    return word;
  }

  /* ---- English (Porter2, keeping -er in step 4) ---- */
  var EN_EXCEPTIONS = {
    skis: "ski", skies: "sky", dying: "die", lying: "lie", tying: "tie", idly: "idl",
    gently: "gentl", ugly: "ugli", early: "earli", only: "onli", singly: "singl", sky: "sky",
    news: "news", howe: "howe", atlas: "atlas", cosmos: "cosmos", bias: "bias", andes: "andes"
  };
  var EN_AFTER_1A = ["inning", "outing", "canning", "herring", "earring", "proceed", "exceed", "succeed"];
  function v(c) {
    return c === "a" || c === "e" || c === "i" || c === "o" || c === "u" || c === "y";
  }
  function regionAfter(w, start) {
    for (var i = start; i + 1 < w.length; i++) {
      if (v(w[i]) && !v(w[i + 1])) return i + 2;
    }
    return w.length;
  }
  function ends(w, s) {
    return w.length >= s.length && w.slice(w.length - s.length).join("") === s;
  }
  function cut(w, n) { w.length = w.length - n; }
  function replace(w, n, s) { cut(w, n); for (var i = 0; i < s.length; i++) w.push(s[i]); }
  function hasVowel(w, end) { for (var i = 0; i < end; i++) if (v(w[i])) return true; return false; }
  function shortAt(w, end) {
    if (end === 2) return v(w[0]) && !v(w[1]);
    return end >= 3 && !v(w[end - 3]) && v(w[end - 2]) && !v(w[end - 1]) &&
      w[end - 1] !== "w" && w[end - 1] !== "x" && w[end - 1] !== "Y";
  }
  function longest(w, list) {
    var best = null;
    for (var i = 0; i < list.length; i++) {
      if (ends(w, list[i]) && (best === null || list[i].length > best.length)) best = list[i];
    }
    return best;
  }
  function stemEn(word) {
    if (Array.from(word).length <= 2 || !/^[a-z']+$/.test(word)) return word;
    if (Object.prototype.hasOwnProperty.call(EN_EXCEPTIONS, word)) return EN_EXCEPTIONS[word];
    var w = word.replace(/^'+/, "").split("");
    if (w.length <= 2) return w.join("");
    for (var i = 0; i < w.length; i++) {
      if (w[i] === "y" && (i === 0 || v(w[i - 1]))) w[i] = "Y";
    }
    var s = w.join("");
    var r1 = regionAfter(w, 0);
    ["gener", "commun", "arsen"].forEach(function (p) { if (s.startsWith(p)) r1 = p.length; });
    var r2 = regionAfter(w, r1);
    // step 0
    var s0 = longest(w, ["'s'", "'s", "'"]);
    if (s0) cut(w, s0.length);
    // step 1a
    var s1 = longest(w, ["sses", "ied", "ies", "us", "ss", "s"]);
    if (s1 === "sses") cut(w, 2);
    else if (s1 === "ied" || s1 === "ies") cut(w, w.length > 4 ? 2 : 1);
    else if (s1 === "s" && w.length >= 2 && hasVowel(w, w.length - 2)) cut(w, 1);
    if (EN_AFTER_1A.indexOf(w.join("")) >= 0) return w.join("");
    // step 1b
    var b = longest(w, ["eed", "eedly", "ed", "edly", "ing", "ingly"]);
    if (b === "eed" || b === "eedly") {
      if (w.length - b.length >= r1) replace(w, b.length, "ee");
    } else if (b !== null && hasVowel(w, w.length - b.length)) {
      cut(w, b.length);
      if (ends(w, "at") || ends(w, "bl") || ends(w, "iz")) w.push("e");
      else if (["bb", "dd", "ff", "gg", "mm", "nn", "pp", "rr", "tt"].some(function (d) { return ends(w, d); })) cut(w, 1);
      else if (r1 >= w.length && shortAt(w, w.length)) w.push("e");
    }
    // step 1c
    var n = w.length;
    if (n > 2 && (w[n - 1] === "y" || w[n - 1] === "Y") && !v(w[n - 2])) w[n - 1] = "i";
    // step 2
    var RULES2 = [["tional", "tion"], ["enci", "ence"], ["anci", "ance"], ["abli", "able"], ["entli", "ent"],
      ["izer", "ize"], ["ization", "ize"], ["ational", "ate"], ["ation", "ate"], ["ator", "ate"],
      ["alism", "al"], ["aliti", "al"], ["alli", "al"], ["fulness", "ful"], ["ousli", "ous"],
      ["ousness", "ous"], ["iveness", "ive"], ["iviti", "ive"], ["biliti", "ble"], ["bli", "ble"],
      ["ogi", "og"], ["fulli", "ful"], ["lessli", "less"], ["li", ""]];
    var s2 = longest(w, RULES2.map(function (r) { return r[0]; }));
    if (s2 !== null && w.length - s2.length >= r1) {
      var st2 = w.length - s2.length;
      if (s2 === "ogi") {
        if (st2 >= 1 && w[st2 - 1] === "l") replace(w, 3, "og");
      } else if (s2 === "li") {
        if (st2 >= 1 && "cdeghkmnrt".indexOf(w[st2 - 1]) >= 0) cut(w, 2);
      } else {
        replace(w, s2.length, RULES2.filter(function (r) { return r[0] === s2; })[0][1]);
      }
    }
    // step 3
    var RULES3 = [["tional", "tion"], ["ational", "ate"], ["alize", "al"], ["icate", "ic"], ["iciti", "ic"],
      ["ical", "ic"], ["ful", ""], ["ness", ""], ["ative", ""]];
    var s3 = longest(w, RULES3.map(function (r) { return r[0]; }));
    if (s3 !== null && w.length - s3.length >= r1) {
      if (s3 === "ative") {
        if (w.length - 5 >= r2) cut(w, 5);
      } else {
        replace(w, s3.length, RULES3.filter(function (r) { return r[0] === s3; })[0][1]);
      }
    }
    // step 4
    var s4 = longest(w, ["al", "ance", "ence", "ic", "able", "ible", "ant", "ement", "ment", "ent",
      "ism", "ate", "iti", "ous", "ive", "ize", "ion"]);
    if (s4 !== null && w.length - s4.length >= r2) {
      var st4 = w.length - s4.length;
      if (s4 === "ion") {
        if (st4 >= 1 && (w[st4 - 1] === "s" || w[st4 - 1] === "t")) cut(w, 3);
      } else {
        cut(w, s4.length);
      }
    }
    // step 5
    n = w.length;
    if (n > 0 && w[n - 1] === "e") {
      if (n - 1 >= r2 || (n - 1 >= r1 && !shortAt(w, n - 1))) cut(w, 1);
    } else if (n >= 2 && w[n - 1] === "l" && n - 1 >= r2 && w[n - 2] === "l") {
      cut(w, 1);
    }
    return w.join("").replace(/Y/g, "y");
  }

  function stem(word, lang) {
    if (lang === "id") return stemId(word);
    if (lang === "en") return stemEn(word);
    return word;
  }

  function terms(text, lang) {
    var out = [];
    tokenize(text).forEach(function (word) {
      var s = stem(word, lang);
      if (s.indexOf("-") >= 0) {
        word.split("-").forEach(function (p) { if (p !== "") out.push(stem(p, lang)); });
      } else {
        out.push(s);
      }
    });
    return out;
  }

  /* Is w a root word of the Indonesian dictionary (assets/roots-id.js loaded)? */
  function isRootId(w) { return idDict(w); }

  var api = { tokenize: tokenize, stem: stem, stemId: stemId, stemEn: stemEn, terms: terms, isRootId: isRootId };
  if (typeof window !== "undefined") window.panduanStem = api;
  if (typeof module !== "undefined" && module.exports) module.exports = api;
})();
