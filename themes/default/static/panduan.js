/* Panduan default theme: sidebar from the per-language navigation file, menu button.
   Classic script, no modules and no fetch, so it works from file:// as well as online.
   Reading and navigation work without it: the sidebar then links to the contents. */
(function () {
  "use strict";
  var body = document.body;
  var root = body.getAttribute("data-root") || "";
  var current = body.getAttribute("data-url") || "";
  var sidebar = document.getElementById("sidebar");

  if (sidebar && typeof window.panduanNav === "string") {
    sidebar.innerHTML = window.panduanNav;
    var links = sidebar.querySelectorAll("a[data-url]");
    for (var i = 0; i < links.length; i++) {
      var a = links[i];
      var url = a.getAttribute("data-url");
      a.setAttribute("href", root + url);
      if (url === current) {
        a.setAttribute("aria-current", "page");
        a.parentNode.classList.add("current");
      }
    }
    var mark = sidebar.querySelector("[aria-current=page]");
    // Bring the current page into view inside the sidebar only (scrollIntoView would
    // scroll the page itself too).
    if (mark && sidebar.scrollHeight > sidebar.clientHeight) {
      sidebar.scrollTop = Math.max(0, mark.offsetTop - sidebar.offsetTop - sidebar.clientHeight / 2);
    }
  }

  var button = document.querySelector(".menu-button");
  if (button && sidebar) {
    button.hidden = false;
    button.addEventListener("click", function () {
      var open = button.getAttribute("aria-expanded") === "true";
      button.setAttribute("aria-expanded", open ? "false" : "true");
      body.classList.toggle("menu-open", !open);
      if (!open) {
        var first = sidebar.querySelector("a");
        if (first) first.focus();
      }
    });
    document.addEventListener("keydown", function (e) {
      if (e.key === "Escape" && body.classList.contains("menu-open")) {
        button.setAttribute("aria-expanded", "false");
        body.classList.remove("menu-open");
        button.focus();
      }
    });
  }

  /* Light/dark toggle: the system setting until the reader chooses; remembered. */
  var toggle = document.querySelector(".theme-toggle");
  if (toggle) {
    var html = document.documentElement;
    var isDark = function () {
      var set = html.getAttribute("data-theme");
      if (set) return set === "dark";
      return window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches;
    };
    var label = function () {
      toggle.setAttribute("aria-pressed", isDark() ? "true" : "false");
    };
    toggle.hidden = false;
    label();
    toggle.addEventListener("click", function () {
      var next = isDark() ? "light" : "dark";
      html.setAttribute("data-theme", next);
      try { window.localStorage.setItem("panduan-theme", next); } catch (e) { /* storage off */ }
      label();
    });
  }
})();
