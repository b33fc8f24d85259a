/* Panduan live reload: inserted by `panduan serve` before </body> of every page, never
   into `panduan build` output. It reloads the page after a good rebuild, shows the
   errors of a failed one over the page (in the page's language), and reconnects when
   the server restarts. After a good rebuild it lists, quietly in a corner, what is not
   finished yet (links to pages not written, warnings), and loudly the pages that could
   not be read and show their last good version. Every message names the build the server is serving; the page
   knows the build it came from (data-build), so a page that is out of date reloads. */
(function () {
  "use strict";
  var script = document.currentScript;
  var build = script ? script.getAttribute("data-build") : "";
  var url = (location.protocol === "https:" ? "wss://" : "ws://") + location.host + "/.panduan/live";
  var wait = 250;
  var host = null;

  function el(tag, text) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }

  function strings(m) {
    var all = m.strings || {};
    var lang = (document.documentElement.getAttribute("lang") || "").toLowerCase();
    return all[lang] || all[lang.split("-")[0]] || all[m.lang] || all.en || {};
  }

  function hide() {
    if (host && host.parentNode) host.parentNode.removeChild(host);
    host = null;
  }

  function show(m) {
    hide();
    var s = strings(m);
    // "errors": nothing was rebuilt; "kept": some pages show their last good version;
    // "hello" with a list: the preview is up to date, with what is still to do.
    var quiet = m.type === "hello";
    host = el("div");
    host.id = "panduan-build-errors";
    // A shadow root keeps the theme's styles out of the overlay and the overlay's out of the page.
    var root = host.attachShadow ? host.attachShadow({ mode: "open" }) : host;
    var style = el("style",
      ":host{all:initial}" +
      ".box{position:fixed;inset:0 0 auto 0;max-height:80vh;overflow:auto;z-index:2147483647;" +
      "background:#fff8f6;color:#1b1b1b;border-bottom:4px solid #b3261e;box-shadow:0 4px 16px rgba(0,0,0,.3);" +
      "font:16px/1.5 system-ui,sans-serif;padding:1rem 1.25rem}" +
      "h2{margin:0 0 .25rem;font-size:1.25rem;color:#b3261e}" +
      "ul{padding:0;list-style:none}li{margin:.75rem 0;padding:.5rem .75rem;background:#fff;border-left:4px solid #b3261e}" +
      "li.warning{border-left-color:#8a6d00}" +
      "code{font:14px/1.4 ui-monospace,monospace;background:#f1e7e5;padding:0 .25em}" +
      ".help{margin:.25rem 0 0;color:#333;white-space:pre-wrap}.msg{white-space:pre-wrap}" +
      "button{font:inherit;padding:.25rem .75rem;cursor:pointer}");
    var box = el("div");
    box.className = "box";
    box.setAttribute("role", quiet ? "status" : "alert");
    box.setAttribute("lang", document.documentElement.getAttribute("lang") || "en");
    var title = quiet ? s.serve_notes_title : m.type === "kept" ? s.serve_kept_title : s.serve_errors_title;
    var body = quiet ? s.serve_notes_body : m.type === "kept" ? s.serve_kept_body : s.serve_errors_body;
    box.appendChild(el("h2", title || "The handbook could not be rebuilt"));
    box.appendChild(el("p", body || ""));
    var list = el("ul");
    var errors = m.errors || [];
    for (var i = 0; i < errors.length; i++) {
      var d = errors[i];
      var item = el("li");
      item.className = d.level === "warning" ? "warning" : "error";
      var head = el("p");
      head.style.margin = "0";
      if (d.path) {
        head.appendChild(el("code", d.path + ":" + d.line + ":" + d.col));
        head.appendChild(document.createTextNode(" "));
      }
      head.appendChild(el("strong", (d.level === "warning" ? (s.serve_warning || s.warning) : s.serve_error) || d.level));
      head.appendChild(document.createTextNode(": "));
      // The words in the page's language when the server sent them, else as printed.
      var pageLang = (document.documentElement.getAttribute("lang") || "").toLowerCase();
      var texts = d.texts || {};
      var words = texts[pageLang] || texts[pageLang.split("-")[0]];
      var wordsLang = words ? (texts[pageLang] ? pageLang : pageLang.split("-")[0]) : (d.lang || "en");
      words = words || { message: d.message, help: d.help };
      var message = el("span", words.message);
      message.className = "msg";
      message.setAttribute("lang", wordsLang);
      head.appendChild(message);
      item.appendChild(head);
      if (words.help) {
        var help = el("p");
        help.className = "help";
        help.appendChild(el("strong", (s.serve_help || "help") + ": "));
        var text = el("span", words.help);
        text.setAttribute("lang", wordsLang);
        help.appendChild(text);
        item.appendChild(help);
      }
      list.appendChild(item);
    }
    box.appendChild(list);
    var close = el("button", s.serve_close || "Close");
    close.type = "button";
    close.addEventListener("click", hide);
    box.appendChild(close);
    if (quiet) {
      // Above the Edit button, when there is one.
      var low = document.getElementById("panduan-edit") ? "4.75rem" : "1rem";
      style.textContent += ".box{inset:auto 1rem " + low + " auto;max-width:min(34rem,calc(100vw - 2rem));max-height:40vh;" +
        "background:#fffdf5;border:1px solid #c9b458;border-bottom:1px solid #c9b458;border-radius:6px;" +
        "box-shadow:0 2px 8px rgba(0,0,0,.2);font-size:14px;padding:.5rem .75rem}" +
        "h2{font-size:1rem;color:#5c4a00}li{border-left-color:#c9b458;margin:.4rem 0;padding:.25rem .5rem}";
    }
    root.appendChild(style);
    root.appendChild(box);
    document.body.appendChild(host);
  }

  function connect() {
    var socket;
    try {
      socket = new WebSocket(url);
    } catch (e) {
      retry();
      return;
    }
    socket.onopen = function () { wait = 250; };
    socket.onmessage = function (event) {
      var m;
      try { m = JSON.parse(event.data); } catch (e) { return; }
      if (m.build !== build) {
        // A newer good build than this page (or a restarted server): fetch it.
        location.reload();
        return;
      }
      if (m.type === "errors" || m.type === "kept" || (m.errors && m.errors.length)) show(m); else hide();
    };
    socket.onclose = retry;
  }

  function retry() {
    setTimeout(connect, wait);
    wait = Math.min(wait * 2, 4000);
  }

  /* The browser editor (issue #27): the address `serve` prints carries the run's key
     (?token=); it is kept for this server and taken out of the address bar. A page
     with a file gets an Edit button; a link to a page not written yet, a button that
     writes it, titled with the link's text. */
  function editing() {
    var key = "panduan-token:" + location.host;
    var m = /([?&])token=([0-9a-f]+)&?/.exec(location.search);
    if (m) {
      try { localStorage.setItem(key, m[2]); } catch (e) { /* private mode */ }
      var rest = location.search.replace(/[?&]token=[0-9a-f]+/, "").replace(/^&/, "?");
      history.replaceState(null, "", location.pathname + rest + location.hash);
    }
    var source = script ? script.getAttribute("data-source") : null;
    if (!source) return;
    var enc = function (p) { return p.split("/").map(encodeURIComponent).join("/"); };
    var edit = el("a", script.getAttribute("data-edit") || "Edit");
    edit.href = "/_panduan/edit/" + enc(source);
    edit.id = "panduan-edit";
    edit.setAttribute("style", "position:fixed;left:1rem;bottom:1rem;z-index:2147483646;background:#0b5cad;color:#fff;" +
      "font:600 16px/1.2 system-ui,sans-serif;padding:.75rem 1rem;border-radius:6px;text-decoration:none;" +
      "box-shadow:0 2px 8px rgba(0,0,0,.3);min-height:44px;box-sizing:border-box");
    document.body.appendChild(edit);
    var marks = document.querySelectorAll(".panduan-unfinished[data-new]");
    for (var i = 0; i < marks.length; i++) (function (mark) {
      var link = mark.previousElementSibling;
      var target = mark.getAttribute("data-new");
      var button = el("button", script.getAttribute("data-create") || "Write this page");
      button.type = "button";
      button.setAttribute("style", "font:inherit;font-size:.85em;margin-left:.3em;min-height:32px;cursor:pointer");
      button.addEventListener("click", function () {
        var title = (link && link.textContent.trim()) || target.split("/").pop().replace(/\.md$/, "");
        var token = "";
        try { token = localStorage.getItem(key) || ""; } catch (e) { /* private mode */ }
        fetch("/_panduan/source/" + enc(target), {
          method: "PUT",
          headers: { "X-Panduan-Token": token, "If-None-Match": "*", "Content-Type": "text/markdown" },
          body: "---\ntitle: " + JSON.stringify(title) + "\n---\n\n"
        }).then(function (r) {
          if (r.status === 201 || r.status === 409) location.href = "/_panduan/edit/" + enc(target);
          else if (r.status === 403) button.textContent = script.getAttribute("data-no-key") || "403";
        });
      });
      mark.appendChild(button);
    })(marks[i]);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", editing); else editing();
  connect();
})();
