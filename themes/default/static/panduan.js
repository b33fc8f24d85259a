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
    if (mark && mark.scrollIntoView && sidebar.scrollHeight > sidebar.clientHeight) {
      mark.scrollIntoView({ block: "center" });
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
})();
