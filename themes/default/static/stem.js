/* Panduan search: tokenizer and stemmers, the same steps as src/search/ in Rust
   (mod.rs tokenize/terms, stem_id.rs, stem_en.rs). tests/search/ holds both to the same
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
  function idVowel(c) {
    return c === "a" || c === "e" || c === "i" || c === "o" || c === "u";
  }
  function stemId(word, dict) {
    dict = dict || idDict;
    var dash = word.indexOf("-");
    if (dash >= 0) {
      var left = word.slice(0, dash), right = word.slice(dash + 1);
      if (left === "" || right === "") return word;
      var a = stemId(left, dict), b = stemId(right, dict);
      return a === b ? a : word;
    }
    return idSingle(word, dict);
  }
  function idSingle(word, dict) {
    if (word.length < 4 || !/^[a-z]+$/.test(word) || dict(word)) return word;
    var bases = idSuffixBases(word);
    for (var i = 0; i < bases.length; i++) {
      if (dict(bases[i])) return bases[i];
      var root = idStripPrefixes(bases[i], 3, dict);
      if (root !== null) return root;
    }
    return word;
  }
  function idSuffixBases(word) {
    var chain = [word];
    var current = word;
    var groups = [["lah", "kah", "tah", "pun"], ["nya", "ku", "mu"]];
    for (var g = 0; g < groups.length; g++) {
      for (var k = 0; k < groups[g].length; k++) {
        var s = groups[g][k];
        if (current.endsWith(s) && current.length > s.length + 2) {
          current = current.slice(0, current.length - s.length);
          chain.push(current);
          break;
        }
      }
    }
    var bases = [];
    ["kan", "an", "i"].forEach(function (s) {
      if (current.endsWith(s) && current.length > s.length + 2) {
        bases.push(current.slice(0, current.length - s.length));
      }
    });
    return bases.concat(chain.reverse());
  }
  function idStripPrefixes(word, depth, dict) {
    if (depth === 0) return null;
    var candidates = idPrefixCandidates(word).filter(function (c) { return c.length >= 2; });
    for (var i = 0; i < candidates.length; i++) {
      if (dict(candidates[i])) return candidates[i];
    }
    for (var j = 0; j < candidates.length; j++) {
      var root = idStripPrefixes(candidates[j], depth - 1, dict);
      if (root !== null) return root;
    }
    return null;
  }
  function idPrefixCandidates(word) {
    var at = function (i) { return i < word.length ? word[i] : ""; };
    var rest = function (n) { return word.slice(n); };
    var out = [];
    ["di", "ke", "se"].forEach(function (p) {
      if (word.startsWith(p)) out.push(rest(2));
    });
    if (word.startsWith("ber") || word.startsWith("ter") || word.startsWith("per")) {
      out.push(rest(3));
      if (idVowel(at(3))) out.push("r" + rest(3));
    }
    if (word.startsWith("belajar") || word.startsWith("pelajar")) out.push(rest(3));
    if ((word.startsWith("be") || word.startsWith("te") || word.startsWith("pe")) &&
        !idVowel(at(2)) && at(2) !== "r" && word.slice(3, 5) === "er") {
      out.push(rest(2));
    }
    ["me", "pe"].forEach(function (prefix) {
      if (!word.startsWith(prefix)) return;
      var n = 2;
      var c = at(n);
      if ((c === "l" || c === "r" || c === "w" || c === "y") && idVowel(at(n + 1))) {
        out.push(rest(n));
      } else if (c === "m") {
        var m1 = at(n + 1);
        if (m1 === "b" || m1 === "f" || m1 === "v") {
          out.push(rest(n + 1));
        } else if (m1 === "p") {
          out.push(rest(n + 1));
        } else if (idVowel(m1)) {
          out.push("m" + rest(n + 1));
          out.push("p" + rest(n + 1));
        }
      } else if (c === "n") {
        var next = at(n + 1);
        if (next === "g") {
          var after = at(n + 2);
          if (word.slice(n, n + 3) === "nge" && !idVowel(at(n + 3))) out.push(rest(n + 3));
          if (after === "g" || after === "h" || after === "q" || after === "k") {
            out.push(rest(n + 2));
          } else if (idVowel(after)) {
            out.push(rest(n + 2));
            out.push("k" + rest(n + 2));
          }
        } else if (next === "y" && idVowel(at(n + 2))) {
          out.push("s" + rest(n + 2));
        } else if ("cdjstz".indexOf(next) >= 0 && next !== "") {
          out.push(rest(n + 1));
        } else if (idVowel(next)) {
          out.push("n" + rest(n + 1));
          out.push("t" + rest(n + 1));
        }
      }
    });
    return out;
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

  var api = { tokenize: tokenize, stem: stem, stemId: stemId, stemEn: stemEn, terms: terms };
  if (typeof window !== "undefined") window.panduanStem = api;
  if (typeof module !== "undefined" && module.exports) module.exports = api;
})();
