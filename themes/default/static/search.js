/* Panduan search UI: the field in the header (results as you type) and search.html.
   Indexes are classic scripts loaded on demand (assets/search-<lang>.js), so search
   works from file:// too. Keys: "/" focuses the field, Esc clears, arrows move. */
(function () {
  "use strict";
  var body = document.body;
  var root = body.getAttribute("data-root") || "";
  var lang = body.getAttribute("data-lang") || document.documentElement.lang;
  var form = document.querySelector("form.search");
  var strings = {
    none: form && form.getAttribute("data-none"),
    results: form && form.getAttribute("data-results")
  };
  var loading = {};

  function load(src, done) {
    if (loading[src] === true) return done();
    if (loading[src]) return loading[src].push(done);
    loading[src] = [done];
    var s = document.createElement("script");
    s.src = root + src;
    s.onload = function () {
      var waiting = loading[src];
      loading[src] = true;
      waiting.forEach(function (f) { f(); });
    };
    s.onerror = function () { loading[src] = null; };
    document.head.appendChild(s);
  }

  function withIndex(done) {
    var idx = window.panduanSearch && window.panduanSearch[lang];
    if (idx && (lang !== "id" || window.panduanRootsId)) return done(idx);
    var need = ["assets/search-" + lang + ".js"];
    if (lang === "id") need.unshift("assets/roots-id.js");
    var left = need.length;
    need.forEach(function (src) {
      load(src, function () {
        left -= 1;
        if (left === 0) done(window.panduanSearch[lang]);
      });
    });
  }

  /* Entry n as { url, title, section, heading }. */
  function entry(idx, n) {
    var d = idx.docs[n];
    var p = idx.pages[d[0]];
    return { page: d[0], url: p[0] + (d[1] ? "#" + d[1] : ""), title: p[1], section: p[2], heading: d[2] };
  }

  /* Postings are text (`entry.weight` pairs in base 36, entries as differences);
     decoded on first use. */
  var decoded = {};
  function postingsOf(idx, term) {
    var key = lang + "\u0000" + term;
    if (decoded[key]) return decoded[key];
    var text = idx.terms[term];
    var out = [];
    if (typeof text === "string" && text !== "") {
      var doc = 0;
      var pairs = text.split(" ");
      for (var i = 0; i < pairs.length; i++) {
        var dot = pairs[i].indexOf(".");
        doc += parseInt(pairs[i].slice(0, dot), 36);
        out.push(doc, parseInt(pairs[i].slice(dot + 1), 36));
      }
    }
    decoded[key] = out;
    return out;
  }

  /* Scores: for each query term, the entries holding its stem (and, for the last term,
     any stem it starts: "kelom" finds "kelompok"). Entries must match every term. */
  function search(idx, query, limit) {
    var stem = window.panduanStem;
    var words = stem.tokenize(query);
    if (!words.length) return { hits: [], stems: [] };
    var stems = stem.terms(query, lang);
    var prefix = words[words.length - 1];
    var keys = null;
    var scores = null;
    stems.forEach(function (term, k) {
      var these = {};
      var add = function (postings, factor) {
        for (var i = 0; i < postings.length; i += 2) {
          these[postings[i]] = (these[postings[i]] || 0) + postings[i + 1] * factor;
        }
      };
      if (idx.terms[term]) add(postingsOf(idx, term), 2);
      if (k === stems.length - 1) {
        keys = keys || Object.keys(idx.terms);
        for (var j = 0; j < keys.length; j++) {
          var key = keys[j];
          if (key !== term && (key.indexOf(prefix) === 0 || key.indexOf(term) === 0)) add(postingsOf(idx, key), 1);
        }
      }
      if (scores === null) {
        scores = these;
      } else {
        var both = {};
        Object.keys(scores).forEach(function (d) { if (these[d]) both[d] = scores[d] + these[d]; });
        scores = both;
      }
    });
    var best = {};
    Object.keys(scores || {}).forEach(function (d) {
      var page = idx.docs[d][0];
      if (!best[page] || scores[d] > best[page].score) best[page] = { doc: +d, score: scores[d] };
    });
    var hits = Object.keys(best).map(function (p) { return best[p]; });
    hits.sort(function (a, b) { return b.score - a.score || a.doc - b.doc; });
    return { hits: hits.slice(0, limit), stems: stems, prefix: prefix };
  }

  /* The text around the first matched word, with every matched word in <mark>. */
  function snippet(text, found) {
    var frag = document.createDocumentFragment();
    var re = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu;
    var matches = [];
    var m;
    while ((m = re.exec(text)) !== null) {
      var word = m[0].toLowerCase();
      var s = window.panduanStem.terms(word, lang);
      var hit = s.some(function (t) {
        return found.stems.indexOf(t) >= 0 || t.indexOf(found.prefix) === 0 || word.indexOf(found.prefix) === 0;
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

  /* Results first; the entries' text (for snippets) follows in a second file. */
  function renderResults(list, idx, found, query) {
    draw(list, idx, found, query);
    if (found.hits.length && !(window.panduanSearchText && window.panduanSearchText[lang])) {
      load("assets/search-" + lang + "-text.js", function () {
        if (list.getAttribute("data-query") === query) draw(list, idx, found, query);
      });
    }
  }

  function draw(list, idx, found, query) {
    list.setAttribute("data-query", query);
    list.textContent = "";
    found.hits.forEach(function (hit) {
      var d = entry(idx, hit.doc);
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = root + d.url;
      var title = document.createElement("span");
      title.className = "result-title";
      title.textContent = d.heading ? d.title + " › " + d.heading : d.title;
      a.appendChild(title);
      if (d.section) {
        var section = document.createElement("span");
        section.className = "result-section";
        section.textContent = d.section;
        a.appendChild(section);
      }
      var texts = window.panduanSearchText && window.panduanSearchText[lang];
      if (texts) {
        var text = document.createElement("span");
        text.className = "result-snippet";
        text.appendChild(snippet(texts[hit.doc] || "", found));
        a.appendChild(text);
      }
      li.appendChild(a);
      list.appendChild(li);
    });
    if (!found.hits.length && query.trim()) {
      var none = document.createElement("li");
      none.className = "no-results";
      none.textContent = (strings.none || "No results for") + " “" + query + "”";
      list.appendChild(none);
    }
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
      if (!q.trim()) { panel.hidden = true; list.textContent = ""; return; }
      withIndex(function (idx) {
        if (input.value !== q) return;
        renderResults(list, idx, search(idx, q, 8), q);
        otherLanguages(document.getElementById("search-other"), q);
        panel.hidden = false;
      });
    };
    input.addEventListener("input", run);
    input.addEventListener("focus", function () { withIndex(function () {}); });
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
    var initial = params.get("q") || "";
    pageInput.value = initial;
    var show = function () {
      var q = pageInput.value;
      withIndex(function (idx) {
        if (pageInput.value !== q) return;
        var found = search(idx, q, 50);
        renderResults(pageList, idx, found, q);
        status.textContent = q.trim() ? found.hits.length + " " + (strings.results || "results") : "";
        otherLanguages(document.getElementById("search-page-other"), q);
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
    show();
  }

  window.panduanSearchQuery = function (query, limit, done) {
    withIndex(function (idx) { done(search(idx, query, limit || 10), idx); });
  };
})();
