/* Panduan's browser editor, served by `panduan serve` at /_panduan/edit/<path>; never
   part of `panduan build` output. No build step, nothing from the network. It reads the
   page's data from #panduan-editor-data and talks to the server's /_panduan/ interface
   (see the README, "Writing in the browser"). A project theme may replace this file
   with its own editor/editor.js, and restyle it with editor/editor.css. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("panduan-editor-data").textContent);
  var S = data.strings || {};
  var TOKEN_KEY = "panduan-token:" + location.host;
  var original = data.text;    // the text on disk when opened or last saved
  var etag = data.etag;
  var changed = {};            // form keys the author changed: key -> value (null: cleared)
  var values = {};             // the form's values as read
  var bodyStart = 0;           // 1-based line of the body's first line in the file
  var pages = [];
  var previewTimer = null;
  var dirty = false;

  function s(key, fallback) { return S[key] || fallback || key; }
  function fill(text, vars) {
    return text.replace(/\{(\w+)\}/g, function (m, k) { return vars[k] !== undefined ? vars[k] : m; });
  }
  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    for (var k in attrs || {}) {
      if (k === "text") e.textContent = attrs[k];
      else if (k.indexOf("on") === 0) e.addEventListener(k.slice(2), attrs[k]);
      else if (attrs[k] !== null && attrs[k] !== undefined && attrs[k] !== false) e.setAttribute(k, attrs[k] === true ? "" : attrs[k]);
    }
    (children || []).forEach(function (c) { if (c) e.appendChild(typeof c === "string" ? document.createTextNode(c) : c); });
    return e;
  }
  function token() {
    var m = /[?&]token=([0-9a-f]+)/.exec(location.search);
    if (m) {
      try { localStorage.setItem(TOKEN_KEY, m[1]); } catch (e) { /* private mode */ }
      return m[1];
    }
    try { return localStorage.getItem(TOKEN_KEY) || ""; } catch (e) { return ""; }
  }
  var key = token();
  function enc(path) { return path.split("/").map(encodeURIComponent).join("/"); }
  function request(method, url, body, headers) {
    var h = { "X-Panduan-Token": key };
    for (var k in headers || {}) h[k] = headers[k];
    if (body !== undefined && typeof body === "object" && !(body instanceof Blob)) {
      h["Content-Type"] = "application/json";
      body = JSON.stringify(body);
    }
    return fetch(url, { method: method, headers: h, body: body, credentials: "same-origin" }).then(function (r) {
      return r.text().then(function (t) {
        var json = null;
        try { json = JSON.parse(t); } catch (e) { /* text */ }
        return { status: r.status, json: json, text: t, etag: r.headers.get("ETag") };
      });
    });
  }
  function errorWords(res) {
    var code = res.json && res.json.error;
    var map = { token: "editor_err_token", stale: "editor_err_stale", path: "editor_err_path",
      "not-picture": "editor_err_not_picture", "too-large": "editor_err_too_large",
      exists: "editor_err_exists", field: "editor_err_field", "no-history": "editor_err_no_history" };
    var words = s(map[code] || "editor_err_other");
    if (res.json && res.json.detail && !map[code]) words += " (" + res.json.detail + ")";
    return words;
  }

  /* ---------- Splitting the text ---------- */
  function split(text) {
    var lines = text.split("\n");
    var first = lines[0].replace(/^\ufeff/, "").replace(/\r$/, "");
    if (first !== "---") return { head: "", body: text, bodyLine: 1 };
    for (var i = 1; i < lines.length; i++) {
      var l = lines[i].replace(/\r$/, "");
      if (l === "---" || l === "...") {
        var head = lines.slice(0, i + 1).join("\n") + (i + 1 < lines.length ? "\n" : "");
        return { head: head, body: text.slice(head.length), bodyLine: i + 2 };
      }
    }
    return { head: "", body: text, bodyLine: 1 };
  }

  /* ---------- The page ---------- */
  var status = el("p", { id: "pe-status", role: "status", "aria-live": "polite" });
  var alertBox = el("div", { id: "pe-alert", role: "alert" });
  var form = el("form", { id: "pe-form", novalidate: true, onsubmit: function (e) { e.preventDefault(); save(false); } });
  var body = el("textarea", { id: "pe-body", spellcheck: "true", rows: "24" });
  var preview = el("iframe", { id: "pe-preview", title: s("editor_preview"), sandbox: "allow-same-origin" });
  var problems = el("ul", { id: "pe-problems" });
  var datalist = el("datalist", { id: "pe-pages" });

  function toolbarButton(label, action) {
    return el("button", { type: "button", onclick: action }, [label]);
  }

  function build() {
    var title = (data.page && data.page.title) || (data.values && data.values.title) || data.path;
    var header = el("header", { "class": "pe-bar" }, [
      el("h1", {}, [s("editor_title", "Edit") + ": ", el("span", { text: title })]),
      el("code", { text: "content/" + data.path }),
      el("nav", { "class": "pe-actions", "aria-label": s("editor_title", "Edit") }, [
        el("button", { type: "submit", form: "pe-form", "class": "pe-primary", id: "pe-save" }, [s("editor_save", "Save")]),
        el("button", { type: "button", id: "pe-undo", onclick: undo, disabled: data.undo ? null : true }, [s("editor_undo")]),
        data.page ? el("a", { href: data.page.url, id: "pe-view" }, [s("editor_view")]) : null,
        el("button", { type: "button", id: "pe-new", onclick: newPage }, [s("editor_new")])
      ].concat(translateButtons()))
    ]);
    var formBox = el("section", { "class": "pe-form", "aria-labelledby": "pe-form-h" }, [
      el("h2", { id: "pe-form-h", text: s("editor_form") }), form
    ]);
    var tools = el("div", { "class": "pe-tools", role: "toolbar", "aria-label": s("editor_body"), "aria-controls": "pe-body" }, [
      toolbarButton(s("editor_tool_heading"), function () { linePrefix("## "); }),
      toolbarButton(s("editor_tool_bold"), function () { wrap("**", "**"); }),
      toolbarButton(s("editor_tool_italic"), function () { wrap("*", "*"); }),
      toolbarButton(s("editor_tool_list"), function () { linePrefix("- "); }),
      toolbarButton(s("editor_tool_numbered"), function () { linePrefix("1. "); }),
      toolbarButton(s("editor_tool_link"), linkToPage),
      toolbarButton(s("editor_tool_picture"), function () { pictureInput.click(); }),
      toolbarButton(s("editor_tool_table"), function () { insertBlock(s("editor_table_template")); }),
      toolbarButton(s("editor_tool_callout"), function () { insertBlock(s("editor_callout_template")); })
    ]);
    var bodyBox = el("section", { "class": "pe-text", "aria-labelledby": "pe-body-h" }, [
      el("h2", {}, [el("label", { "for": "pe-body", id: "pe-body-h", text: s("editor_body") })]), tools, body
    ]);
    var previewBox = el("section", { "class": "pe-preview", "aria-labelledby": "pe-preview-h" }, [
      el("h2", { id: "pe-preview-h", text: s("editor_preview") }),
      el("h3", { id: "pe-problems-h", text: s("editor_problems") }), problems, preview
    ]);
    // Translating: the source on the left, the translation's form and text on the
    // right, the preview below them.
    var source = sourceBox();
    var main = source
      ? el("main", { "class": "pe-main pe-translating" }, [source, el("div", { "class": "pe-left" }, [alertBox, formBox, bodyBox]), previewBox])
      : el("main", { "class": "pe-main" }, [el("div", { "class": "pe-left" }, [alertBox, formBox, bodyBox]), previewBox]);
    document.body.appendChild(header);
    // What sticks below the bar needs its height, which grows when its buttons wrap.
    var barHeight = function () { document.documentElement.style.setProperty("--pe-bar-h", header.offsetHeight + "px"); };
    window.addEventListener("resize", barHeight);
    setTimeout(barHeight, 0);
    document.body.appendChild(status);
    document.body.appendChild(main);
    document.body.appendChild(datalist);
    document.body.appendChild(pictureInput);
    if (!key) showAlert(s("editor_err_token"));
  }

  /* ---------- Translation ---------- */
  function otherPath(lang) { return lang + data.path.slice(data.path.indexOf("/")); }
  function langName(code) {
    for (var i = 0; i < (data.languages || []).length; i++) if (data.languages[i].code === code) return data.languages[i].name;
    return code;
  }
  function translateButtons() {
    var out = [];
    (data.languages || []).forEach(function (l) {
      if (l.code === data.lang) return;
      var existing = data.page && data.page.translations && data.page.translations[l.code];
      if (existing) {
        out.push(el("a", { href: "/_panduan/edit/" + enc(existing) + "?from=" + encodeURIComponent(data.path), "class": "pe-translate" },
          [fill(s("editor_edit_translation"), { lang: l.name })]));
      } else if (!(data.page && data.page.translation)) {
        out.push(el("button", { type: "button", "class": "pe-translate", onclick: function () {
          var target = otherPath(l.code);
          request("POST", "/_panduan/translate/" + enc(target) + "?from=" + encodeURIComponent(data.lang)).then(function (res) {
            if (res.status === 201 || res.status === 409) location.href = "/_panduan/edit/" + enc(target) + "?from=" + encodeURIComponent(data.path);
            else showAlert(errorWords(res));
          });
        } }, [fill(s("editor_translate"), { lang: l.name })]));
      }
    });
    return out;
  }
  function sourcePath() {
    var m = /[?&]from=([^&]+)/.exec(location.search);
    if (m) return decodeURIComponent(m[1]);
    return data.page && data.page.translation ? data.page.translation.source : null;
  }
  function sourceBox() {
    var from = sourcePath();
    if (!from) return null;
    var box = el("section", { "class": "pe-source", "aria-labelledby": "pe-source-h" }, [
      el("h2", { id: "pe-source-h", text: fill(s("editor_source"), { lang: langName(from.split("/")[0]) }) })
    ]);
    var t = data.page && data.page.translation;
    if (t && t.state === "outdated" && t.changed.length) {
      box.appendChild(el("p", { text: s("editor_outdated") }));
      var list = el("ul", { "class": "pe-changed" });
      t.changed.forEach(function (c) { list.appendChild(el("li", {}, [el("pre", { text: c })])); });
      box.appendChild(list);
    }
    var pre = el("pre", { "class": "pe-source-text", tabindex: "0", "aria-label": from });
    box.appendChild(pre);
    fetch("/_panduan/source/" + enc(from)).then(function (r) { return r.text(); }).then(function (t) { pre.textContent = t; });
    box.appendChild(el("button", { type: "button", id: "pe-mark", onclick: function () { save(true); } }, [s("editor_mark_translated")]));
    return box;
  }

  /* ---------- The form ---------- */
  var inputs = {};
  function fieldId(k) { return "pe-f-" + k; }
  function setChanged(k, v) {
    changed[k] = v;
    markDirty();
  }
  function fieldError(k, words) {
    var box = document.getElementById(fieldId(k) + "-err");
    var input = inputs[k];
    if (!box) return;
    box.textContent = words || "";
    if (input && input.setAttribute) {
      if (words) input.setAttribute("aria-invalid", "true"); else input.removeAttribute("aria-invalid");
    }
  }
  function chips(k, list, isPage, labelId) {
    var wrap = el("div", { "class": "pe-chips" });
    var items = (list || []).slice();
    var ul = el("ul", { "class": "pe-chip-list", "aria-labelledby": labelId });
    var input = el("input", { id: fieldId(k), type: "text", list: isPage ? "pe-pages" : null, "aria-labelledby": labelId, "aria-describedby": fieldId(k) + "-err" });
    function titleOf(id) {
      for (var i = 0; i < pages.length; i++) if (pages[i].id === id && pages[i].lang === data.lang) return pages[i].title;
      return id;
    }
    function draw() {
      ul.textContent = "";
      items.forEach(function (item, i) {
        ul.appendChild(el("li", {}, [
          el("span", { text: isPage ? titleOf(item) : item }),
          el("button", { type: "button", "aria-label": s("editor_remove") + ": " + (isPage ? titleOf(item) : item), onclick: function () {
            items.splice(i, 1); draw(); setChanged(k, items.length ? items.slice() : null); input.focus();
          } }, ["×"])
        ]));
      });
    }
    function add() {
      var v = input.value.trim();
      if (!v) return;
      if (isPage) v = pageIdFrom(v);
      if (items.indexOf(v) < 0) items.push(v);
      input.value = "";
      draw();
      setChanged(k, items.slice());
    }
    input.addEventListener("keydown", function (e) { if (e.key === "Enter") { e.preventDefault(); add(); } });
    input.addEventListener("change", function () { if (isPage) add(); });
    draw();
    wrap.appendChild(ul);
    wrap.appendChild(el("div", { "class": "pe-chip-add" }, [input, el("button", { type: "button", onclick: add }, [s("editor_add")])]));
    inputs[k] = input;
    return wrap;
  }
  function pageIdFrom(v) {
    for (var i = 0; i < pages.length; i++) {
      var p = pages[i];
      if (p.lang === data.lang && (p.id === v || p.title === v)) return p.id;
    }
    return v;
  }
  function fieldRow(f) {
    var v = values[f.key];
    var labelId = fieldId(f.key) + "-label";
    var label = el("label", { "for": fieldId(f.key), id: labelId }, [f.label,
      f.required ? el("span", { "class": "pe-req" }, [" (" + s("editor_required") + ")"]) : null]);
    var err = el("p", { id: fieldId(f.key) + "-err", "class": "pe-err", "aria-live": "polite" });
    var common = { id: fieldId(f.key), "aria-describedby": fieldId(f.key) + "-err", "aria-required": f.required ? "true" : null };
    var control;
    if (f.type === "text") {
      control = el("textarea", common);
      control.rows = f.key === "summary" ? 2 : 4;
      control.value = v === undefined || v === null ? "" : String(v);
      control.addEventListener("input", function () { setChanged(f.key, control.value === "" ? null : control.value); });
    } else if (f.type === "bool") {
      common.type = "checkbox";
      control = el("input", common);
      control.checked = v === true;
      control.addEventListener("change", function () { setChanged(f.key, control.checked ? true : null); });
      var row = el("div", { "class": "pe-field pe-check" }, [control, label, err]);
      inputs[f.key] = control;
      return row;
    } else if (f.type === "list" || f.type === "tags" || f.type === "pages") {
      var list = Array.isArray(v) ? v.map(String) : (v ? [String(v)] : []);
      control = chips(f.key, list, f.type === "pages", labelId);
      label = el("p", { id: labelId, "class": "pe-label" }, label.childNodes.length ? Array.prototype.slice.call(label.childNodes) : []);
      return el("div", { "class": "pe-field" }, [label, control, err]);
    } else if (f.type === "integer") {
      common.type = "text"; common.inputmode = "numeric";
      control = el("input", common);
      control.value = v === undefined || v === null ? "" : String(v);
      control.addEventListener("input", function () {
        var t = control.value.trim();
        if (t === "") { fieldError(f.key, ""); setChanged(f.key, null); return; }
        if (!/^-?\d+$/.test(t)) { fieldError(f.key, s("editor_err_number")); return; }
        fieldError(f.key, "");
        setChanged(f.key, parseInt(t, 10));
      });
    } else {
      common.type = "text";
      if (f.type === "page") common.list = "pe-pages";
      control = el("input", common);
      control.value = v === undefined || v === null ? "" : String(v);
      control.addEventListener("input", function () {
        var t = control.value;
        if (f.type === "page") t = pageIdFrom(t.trim());
        setChanged(f.key, t === "" ? null : t);
      });
    }
    inputs[f.key] = control;
    return el("div", { "class": "pe-field" }, [label, control, err]);
  }
  function buildForm() {
    values = {};
    var parsed = data.values || {};
    for (var k in parsed) values[k] = parsed[k];
    for (k in changed) { if (changed[k] === null) delete values[k]; else values[k] = changed[k]; }
    form.textContent = "";
    inputs = {};
    var more = el("details", { "class": "pe-more" }, [el("summary", { text: s("editor_more") })]);
    data.fields.forEach(function (f) {
      (f.more ? more : form).appendChild(fieldRow(f));
    });
    form.appendChild(more);
  }
  function checkRequired() {
    var ok = true;
    data.fields.forEach(function (f) {
      if (!f.required) return;
      var v = f.key in changed ? changed[f.key] : values[f.key];
      var empty = v === undefined || v === null || v === "" || (Array.isArray(v) && !v.length);
      fieldError(f.key, empty ? s("editor_err_required") : "");
      if (empty) ok = false;
    });
    return ok;
  }

  /* ---------- The body ---------- */
  function markDirty() {
    dirty = true;
    status.textContent = s("editor_unsaved");
    clearTimeout(previewTimer);
    previewTimer = setTimeout(refreshPreview, 500);
  }
  function replaceSelection(text, selectFrom, selectTo) {
    body.focus();
    var a = body.selectionStart, b = body.selectionEnd;
    body.setRangeText(text, a, b, "end");
    if (selectFrom !== undefined) body.setSelectionRange(a + selectFrom, a + selectTo);
    markDirty();
  }
  function wrap(before, after) {
    var a = body.selectionStart, b = body.selectionEnd;
    var inner = body.value.slice(a, b);
    replaceSelection(before + inner + after, before.length, before.length + inner.length);
  }
  function linePrefix(prefix) {
    var a = body.selectionStart, b = body.selectionEnd;
    var start = body.value.lastIndexOf("\n", a - 1) + 1;
    var chunk = body.value.slice(start, b);
    var done = chunk.split("\n").map(function (l) { return prefix + l; }).join("\n");
    body.setSelectionRange(start, b);
    replaceSelection(done);
  }
  function insertBlock(text) {
    var a = body.selectionStart;
    var before = body.value.slice(0, a);
    var lead = before === "" || /\n\n$/.test(before) ? "" : (/\n$/.test(before) ? "\n" : "\n\n");
    replaceSelection(lead + text + "\n");
  }
  function relativeLink(from, to) {
    var f = from.split("/"), t = to.split("/");
    f.pop();
    var common = 0;
    while (common < f.length && common < t.length - 1 && f[common] === t[common]) common++;
    var up = [];
    for (var i = common; i < f.length; i++) up.push("..");
    return up.concat(t.slice(common)).join("/");
  }
  function linkToPage() {
    var selection = body.value.slice(body.selectionStart, body.selectionEnd);
    var start = body.selectionStart, end = body.selectionEnd;
    pickPage(function (p) {
      body.setSelectionRange(start, end);
      var text = selection || p.title;
      replaceSelection("[" + text + "](" + relativeLink(data.path, p.path) + ")");
    });
  }
  function pickPage(done) {
    var dialog = dialogBox("pe-pick-h");
    var search = el("input", { type: "search", id: "pe-pick-q", "aria-label": s("editor_search_pages") });
    var list = el("ul", { "class": "pe-pick-list" });
    function draw() {
      list.textContent = "";
      var q = search.value.toLowerCase();
      pages.filter(function (p) { return p.lang === data.lang && p.title.toLowerCase().indexOf(q) >= 0; }).slice(0, 50).forEach(function (p) {
        list.appendChild(el("li", {}, [el("button", { type: "button", onclick: function () { dialog.close(); done(p); } },
          [p.title, el("small", { text: " " + p.id })])]));
      });
    }
    search.addEventListener("input", draw);
    dialog.appendChild(el("h2", { id: "pe-pick-h", text: s("editor_choose_page") }));
    dialog.appendChild(el("label", { "for": "pe-pick-q", text: s("editor_search_pages") }));
    dialog.appendChild(search);
    dialog.appendChild(list);
    dialog.appendChild(el("button", { type: "button", onclick: function () { dialog.close(); body.focus(); } }, [s("editor_cancel")]));
    document.body.appendChild(dialog);
    draw();
    dialog.showModal();
    search.focus();
  }

  /* ---------- Pictures ---------- */
  var pictureInput = el("input", { type: "file", accept: "image/png,image/jpeg,image/gif,image/webp,image/avif", hidden: true, "aria-hidden": "true", tabindex: "-1" });
  pictureInput.addEventListener("change", function () {
    if (pictureInput.files[0]) uploadPicture(pictureInput.files[0]);
    pictureInput.value = "";
  });
  // The alt text is asked first: a picture is saved only once it has one.
  function uploadPicture(file) {
    var at = body.selectionStart;
    askAlt(function (alt) {
      request("POST", "/_panduan/picture/" + enc(data.path) + "?name=" + encodeURIComponent(file.name), file).then(function (res) {
        if (res.status !== 201) { showAlert(errorWords(res)); return; }
        body.setSelectionRange(at, at);
        replaceSelection("![" + alt.replace(/[\[\]]/g, "") + "](" + res.json.link + ")");
      });
    });
  }
  function dialogBox(labelledBy) {
    var dialog = el("dialog", { "class": "pe-dialog", "aria-labelledby": labelledBy });
    // Closed by Escape or a button: gone from the page, focus back in the text.
    dialog.addEventListener("close", function () { dialog.remove(); });
    return dialog;
  }
  function askAlt(done) {
    var dialog = dialogBox("pe-alt-l");
    var input = el("input", { type: "text", id: "pe-alt", required: true });
    var f = el("form", { onsubmit: function (e) {
      e.preventDefault();
      if (!input.value.trim()) { input.focus(); return; }
      var alt = input.value.trim();
      dialog.close();
      done(alt);
    } }, [
      el("label", { "for": "pe-alt", id: "pe-alt-l", text: s("editor_alt_prompt") }), input,
      el("div", { "class": "pe-row" }, [
        el("button", { type: "submit", "class": "pe-primary" }, [s("editor_tool_picture")]),
        el("button", { type: "button", onclick: function () { dialog.close(); body.focus(); } }, [s("editor_cancel")])
      ])
    ]);
    dialog.appendChild(f);
    document.body.appendChild(dialog);
    dialog.showModal();
    input.focus();
  }
  body.addEventListener("dragover", function (e) { if (e.dataTransfer && e.dataTransfer.types.indexOf("Files") >= 0) e.preventDefault(); });
  body.addEventListener("drop", function (e) {
    if (!e.dataTransfer || !e.dataTransfer.files.length) return;
    e.preventDefault();
    uploadPicture(e.dataTransfer.files[0]);
  });

  /* ---------- Pasting from Word and Excel ---------- */
  function tableFromTabs(text) {
    var rows = text.replace(/\r/g, "").replace(/\n+$/, "").split("\n");
    if (rows.length < 2 || !rows.every(function (r) { return r.indexOf("\t") >= 0; })) return null;
    var cells = rows.map(function (r) { return r.split("\t").map(function (c) { return c.trim().replace(/\|/g, "\\|"); }); });
    var width = Math.max.apply(null, cells.map(function (r) { return r.length; }));
    var line = function (r) { while (r.length < width) r.push(""); return "| " + r.join(" | ") + " |"; };
    var out = [line(cells[0]), "|" + new Array(width + 1).join("---|")];
    for (var i = 1; i < cells.length; i++) out.push(line(cells[i]));
    return out.join("\n");
  }
  function markdownFromHtml(html) {
    var doc = new DOMParser().parseFromString(html, "text/html");
    function inline(node) {
      var out = "";
      node.childNodes.forEach(function (c) {
        if (c.nodeType === 3) { out += c.textContent.replace(/\s+/g, " "); return; }
        if (c.nodeType !== 1) return;
        var tag = c.tagName.toLowerCase();
        var inner = inline(c);
        var style = (c.getAttribute("style") || "").toLowerCase();
        // The spaces inside a bold or italic run go outside its markers.
        var mark = function (m) {
          if (!inner.trim()) return inner;
          return (/^\s/.test(inner) ? " " : "") + m + inner.trim() + m + (/\s$/.test(inner) ? " " : "");
        };
        if (tag === "b" || tag === "strong" || /font-weight:\s*(bold|[6-9]00)/.test(style)) out += mark("**");
        else if (tag === "i" || tag === "em" || /font-style:\s*italic/.test(style)) out += mark("*");
        else if (tag === "a" && /^(https?:|mailto:)/i.test(c.getAttribute("href") || "")) out += "[" + inner.trim() + "](" + c.getAttribute("href") + ")";
        else if (tag === "br") out += "\n";
        else out += inner;
      });
      return out;
    }
    function cellText(c) { return inline(c).replace(/\s+/g, " ").trim().replace(/\|/g, "\\|"); }
    function blocks(node, depth) {
      var out = [];
      node.childNodes.forEach(function (c) {
        if (c.nodeType === 3) { if (c.textContent.trim()) out.push(c.textContent.trim()); return; }
        if (c.nodeType !== 1) return;
        var tag = c.tagName.toLowerCase();
        if (/^h[1-6]$/.test(tag)) out.push(new Array(Math.max(2, +tag[1]) + 1).join("#") + " " + inline(c).trim());
        else if (tag === "p") { var t = inline(c).trim(); if (t) out.push(t); }
        else if (tag === "ul" || tag === "ol") {
          var n = 0;
          out.push(Array.prototype.filter.call(c.children, function (li) { return li.tagName.toLowerCase() === "li"; }).map(function (li) {
            n++;
            return new Array(depth + 1).join("   ") + (tag === "ol" ? n + ". " : "- ") + inline(li).trim();
          }).join("\n"));
        } else if (tag === "table") {
          var rows = Array.prototype.map.call(c.querySelectorAll("tr"), function (tr) {
            return Array.prototype.map.call(tr.querySelectorAll("th,td"), cellText);
          });
          if (rows.length) out.push(tableFromTabs(rows.map(function (r) { return r.join("\t") || " \t "; }).join("\n")) || rows.map(function (r) { return r.join(" "); }).join("\n"));
        } else if (tag === "script" || tag === "style" || tag === "meta" || tag === "title") { /* dropped */ }
        else out = out.concat(blocks(c, depth));
      });
      return out;
    }
    return blocks(doc.body, 0).join("\n\n").replace(/[ \u00a0]+\n/g, "\n").replace(/\u00a0/g, " ");
  }
  body.addEventListener("paste", function (e) {
    var cd = e.clipboardData;
    if (!cd) return;
    var html = cd.getData("text/html"), plain = cd.getData("text/plain");
    var md = null;
    if (html && /<(table|h[1-6]|ul|ol|b|strong|i|em|a)[\s>]/i.test(html)) md = markdownFromHtml(html);
    else if (plain) md = tableFromTabs(plain);
    if (md === null || md === "") return;
    e.preventDefault();
    replaceSelection(md);
  });
  body.addEventListener("input", markDirty);

  /* ---------- Preview and problems ---------- */
  function composeText() {
    var set = {};
    for (var k in changed) set[k] = changed[k];
    var parts = split(original);
    var bodyChanged = body.value !== parts.body;
    return request("POST", "/_panduan/compose/" + enc(data.path), { base: original, set: set, body: bodyChanged ? body.value : null });
  }
  function refreshPreview() {
    composeText().then(function (res) {
      if (res.status !== 200) {
        if (res.json && res.json.field) fieldError(res.json.field, s("editor_err_field"));
        else if (res.status === 403) showAlert(s("editor_err_token"));
        return null;
      }
      return request("POST", "/_panduan/preview/" + enc(data.path), { text: res.json.text }).then(function (p) {
        if (p.status !== 200) return;
        bodyStart = split(res.json.text).bodyLine;
        if (p.json.url) {
          // Kept where the reader was in the preview.
          var y = 0;
          try { y = preview.contentWindow.scrollY; } catch (e) { /* not loaded */ }
          preview.onload = function () { try { preview.contentWindow.scrollTo(0, y); } catch (e) { /* ignore */ } };
          preview.src = p.json.url;
        }
        showProblems(p.json.problems || []);
      });
    });
  }
  function showProblems(list) {
    problems.textContent = "";
    data.fields.forEach(function (f) { if (f.key !== "title" || !list.length) fieldError(f.key, ""); });
    if (!list.length) { problems.appendChild(el("li", { "class": "pe-ok", text: s("editor_no_problems") })); return; }
    list.forEach(function (d) {
      var where = s("editor_line", "line") + " " + d.line;
      var item = el("li", { "class": d.level }, [
        el("button", { type: "button", "class": "pe-goto", onclick: function () { goTo(d); } }, [where]),
        " ", el("span", { text: d.message }), d.help ? el("p", { "class": "pe-help", text: d.help }) : null
      ]);
      problems.appendChild(item);
      if (d.field && document.getElementById(fieldId(d.field) + "-err")) fieldError(d.field, d.message + (d.help ? " " + d.help : ""));
    });
  }
  function goTo(d) {
    if (d.field && inputs[d.field]) { inputs[d.field].focus(); return; }
    var line = d.line - bodyStart;
    if (line < 0) return;
    var lines = body.value.split("\n");
    var pos = 0;
    for (var i = 0; i < line && i < lines.length; i++) pos += lines[i].length + 1;
    body.focus();
    body.setSelectionRange(pos + Math.max(0, d.col - 1), pos + (lines[line] || "").length);
  }

  /* ---------- Saving ---------- */
  function showAlert(words, actions) {
    alertBox.textContent = "";
    if (!words) return;
    alertBox.appendChild(el("p", { text: words }));
    if (actions) alertBox.appendChild(el("div", { "class": "pe-row" }, actions));
  }
  function load(text, tag) {
    original = text;
    etag = tag;
    changed = {};
    body.value = split(text).body;
    dirty = false;
  }
  function save(markTranslated) {
    if (!checkRequired()) { status.textContent = s("editor_err_required"); return; }
    status.textContent = s("editor_saving");
    composeText().then(function (res) {
      if (res.status !== 200) { showAlert(res.status === 403 ? s("editor_err_token") : errorWords(res)); status.textContent = ""; return; }
      var text = res.json.text;
      return request("PUT", "/_panduan/source/" + enc(data.path), new Blob([text], { type: "text/markdown" }), { "If-Match": etag }).then(function (put) {
        if (put.status === 200) {
          for (var k in changed) { if (changed[k] === null) delete values[k]; else values[k] = changed[k]; }
          original = text; etag = put.json.etag; changed = {}; dirty = false;
          document.getElementById("pe-undo").disabled = false;
          showAlert("");
          if (markTranslated) {
            return request("POST", "/_panduan/translated/" + enc(data.path)).then(function (t) {
              if (t.status === 200) {
                etag = t.json.etag;
                return fetch("/_panduan/source/" + enc(data.path)).then(function (r) { return r.text(); }).then(function (fresh) {
                  original = fresh; status.textContent = s("editor_translated");
                });
              }
              showAlert(errorWords(t));
            });
          }
          status.textContent = s("editor_saved");
        } else if (put.status === 409) {
          conflict(text, put.json && put.json.etag);
        } else {
          status.textContent = "";
          showAlert(errorWords(put));
        }
      });
    });
  }
  function lineDiff(a, b) {
    // A small longest-common-subsequence diff by lines: pages are short.
    var x = a.split("\n"), y = b.split("\n");
    var n = x.length, m = y.length, t = [];
    for (var i = 0; i <= n; i++) { t.push(new Array(m + 1).fill(0)); }
    for (i = n - 1; i >= 0; i--) for (var j = m - 1; j >= 0; j--) t[i][j] = x[i] === y[j] ? t[i + 1][j + 1] + 1 : Math.max(t[i + 1][j], t[i][j + 1]);
    var out = [];
    i = 0; j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && x[i] === y[j]) { out.push([" ", x[i]]); i++; j++; }
      else if (j < m && (i >= n || t[i][j + 1] >= t[i + 1][j])) { out.push(["+", y[j]]); j++; }
      else { out.push(["-", x[i]]); i++; }
    }
    return out;
  }
  function conflict(mine, diskTag) {
    status.textContent = "";
    fetch("/_panduan/source/" + enc(data.path)).then(function (r) { return r.text().then(function (t) { return { text: t, etag: r.headers.get("ETag") }; }); }).then(function (disk) {
      var diffBox = el("div", { "class": "pe-diff", hidden: true });
      showAlert(s("editor_err_stale"), [
        el("button", { type: "button", id: "pe-see-diff", onclick: function () {
          diffBox.hidden = false;
          diffBox.textContent = "";
          diffBox.appendChild(el("p", {}, [el("del", { text: "− " + s("editor_diff_disk") }), " ", el("ins", { text: "+ " + s("editor_diff_mine") })]));
          var pre = el("pre", { tabindex: "0" });
          // Only the changed lines, with two lines around each change.
          var lines = lineDiff(disk.text, mine);
          var near = lines.map(function (d, i) {
            for (var j = Math.max(0, i - 2); j <= Math.min(lines.length - 1, i + 2); j++) if (lines[j][0] !== " ") return true;
            return false;
          });
          var skipped = false;
          lines.forEach(function (d, i) {
            if (!near[i]) { if (!skipped) pre.appendChild(document.createTextNode("  …\n")); skipped = true; return; }
            skipped = false;
            if (d[0] === " ") pre.appendChild(document.createTextNode("  " + d[1] + "\n"));
            else pre.appendChild(el(d[0] === "+" ? "ins" : "del", { text: d[0] + " " + d[1] + "\n" }));
          });
          diffBox.appendChild(pre);
          pre.focus();
        } }, [s("editor_see_diff")]),
        el("button", { type: "button", id: "pe-take-disk", onclick: function () { location.reload(); } }, [s("editor_take_disk")]),
        el("button", { type: "button", id: "pe-keep-mine", onclick: function () { etag = disk.etag || diskTag; save(false); } }, [s("editor_keep_mine")])
      ]);
      alertBox.appendChild(diffBox);
    });
  }
  function undo() {
    request("POST", "/_panduan/undo/" + enc(data.path), undefined, { "If-Match": etag }).then(function (res) {
      if (res.status === 200) {
        // Opened again, so that the form reads the restored front matter.
        try { sessionStorage.setItem("panduan-undone", "1"); } catch (e) { /* ignore */ }
        location.reload();
      } else if (res.status === 409) conflict(body.value, res.json && res.json.etag);
      else showAlert(errorWords(res));
    });
  }

  /* ---------- New pages ---------- */
  function slugify(title) {
    return title.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 60) || "halaman";
  }
  function newPage() {
    var folder = data.path.slice(0, data.path.lastIndexOf("/"));
    var dialog = dialogBox("pe-new-h");
    var title = el("input", { type: "text", id: "pe-new-title", required: true });
    var file = el("input", { type: "text", id: "pe-new-file", required: true, "aria-describedby": "pe-new-where" });
    var touched = false;
    title.addEventListener("input", function () { if (!touched) file.value = slugify(title.value); });
    file.addEventListener("input", function () { touched = true; });
    var err = el("p", { "class": "pe-err", role: "alert" });
    var f = el("form", { onsubmit: function (e) {
      e.preventDefault();
      var name = slugify(file.value);
      if (!title.value.trim() || !name) { title.focus(); return; }
      var path = folder + "/" + name + ".md";
      var text = "---\ntitle: " + JSON.stringify(title.value.trim()) + "\n---\n\n";
      request("PUT", "/_panduan/source/" + enc(path), new Blob([text], { type: "text/markdown" }), { "If-None-Match": "*" }).then(function (res) {
        if (res.status === 201) location.href = "/_panduan/edit/" + enc(path);
        else err.textContent = errorWords(res);
      });
    } }, [
      el("h2", { id: "pe-new-h", text: s("editor_new") }),
      el("label", { "for": "pe-new-title", text: s("editor_new_title") }), title,
      el("label", { "for": "pe-new-file", text: s("editor_new_file") }), file,
      el("p", { id: "pe-new-where" }, [el("code", { text: "content/" + folder + "/…" + ".md" })]), err,
      el("div", { "class": "pe-row" }, [
        el("button", { type: "submit", "class": "pe-primary" }, [s("editor_create")]),
        el("button", { type: "button", onclick: function () { dialog.close(); } }, [s("editor_cancel")])
      ])
    ]);
    dialog.appendChild(f);
    document.body.appendChild(dialog);
    dialog.showModal();
    title.focus();
  }

  /* ---------- Start ---------- */
  build();
  buildForm();
  load(data.text, data.etag);
  try {
    if (sessionStorage.getItem("panduan-undone")) { sessionStorage.removeItem("panduan-undone"); status.textContent = s("editor_undone"); }
  } catch (e) { /* ignore */ }
  fetch("/_panduan/pages").then(function (r) { return r.json(); }).then(function (j) {
    pages = j.pages || [];
    pages.filter(function (p) { return p.lang === data.lang; }).forEach(function (p) {
      datalist.appendChild(el("option", { value: p.id, label: p.title }));
    });
    buildForm();
  });
  refreshPreview();
  window.addEventListener("beforeunload", function (e) { if (dirty) { e.preventDefault(); e.returnValue = ""; } });
  document.addEventListener("keydown", function (e) {
    if ((e.ctrlKey || e.metaKey) && e.key === "s") { e.preventDefault(); save(false); }
  });
})();
