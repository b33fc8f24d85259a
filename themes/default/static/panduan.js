/* Panduan default theme: the sidebar from the per-language navigation file, the menu
   drawer, the search and language buttons of the bar, and the light/dark control.
   Classic script, no modules and no fetch, so it works from file:// as well as online.
   Reading and navigation work without it: the sidebar then links to the contents, the
   search button to the search page and the language menu is a plain <details>. The
   buttons that need it are in the HTML already, shown by the `js` class that the
   script in <head> sets before the first paint, so nothing moves when this runs. */
(function () {
  "use strict";
  var body = document.body;
  var html = document.documentElement;
  var root = body.getAttribute("data-root") || "";
  var current = body.getAttribute("data-url") || "";
  var sidebar = document.getElementById("sidebar");
  var CHEVRON = '<svg aria-hidden="true" viewBox="0 0 24 24" width="18" height="18"><path d="M9 6l6 6-6 6"/></svg>';

  /* Sections fold; the ones that lead to the current page start open. */
  function foldable(list) {
    var items = list.querySelectorAll("li");
    for (var i = 0; i < items.length; i++) {
      var li = items[i];
      var sub = li.querySelector(":scope > ul");
      var link = li.querySelector(":scope > a");
      if (!sub || !link) continue;
      var row = document.createElement("div");
      row.className = "nav-row";
      li.insertBefore(row, link);
      row.appendChild(link);
      var toggle = document.createElement("button");
      toggle.type = "button";
      toggle.className = "nav-toggle";
      toggle.setAttribute("aria-label", link.textContent);
      toggle.innerHTML = CHEVRON;
      row.appendChild(toggle);
      var open = li.classList.contains("current") || !!li.querySelector(".current");
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
      sub.hidden = !open;
    }
    list.addEventListener("click", function (e) {
      var t = e.target.closest ? e.target.closest(".nav-toggle") : null;
      if (!t) return;
      var isOpen = t.getAttribute("aria-expanded") === "true";
      t.setAttribute("aria-expanded", isOpen ? "false" : "true");
      var ul = t.parentNode.parentNode.querySelector(":scope > ul");
      if (ul) ul.hidden = isOpen;
    });
  }

  /* Scrolls the sidebar (only it: scrollIntoView would move the page too) so that the
     current page is in the middle. */
  function showCurrent() {
    var mark = sidebar && sidebar.querySelector("[aria-current=page]");
    if (mark && sidebar.scrollHeight > sidebar.clientHeight) {
      var top = mark.getBoundingClientRect().top - sidebar.getBoundingClientRect().top + sidebar.scrollTop;
      sidebar.scrollTop = Math.max(0, top - sidebar.clientHeight / 2);
    }
    return mark;
  }

  // The tree goes below the drawer's close button (a theme's own base.html may have
  // no `.sidebar-tree`: then the sidebar holds the tree alone).
  var treeBox = sidebar && (sidebar.querySelector(".sidebar-tree") || sidebar);
  if (treeBox && typeof window.panduanNav === "string") {
    treeBox.innerHTML = window.panduanNav;
    var links = treeBox.querySelectorAll("a[data-url]");
    for (var i = 0; i < links.length; i++) {
      var a = links[i];
      var url = a.getAttribute("data-url");
      a.setAttribute("href", root + url);
      if (url === current) {
        a.setAttribute("aria-current", "page");
        a.parentNode.classList.add("current");
      }
    }
    var tree = treeBox.querySelector("ul");
    if (tree) foldable(tree);
    showCurrent();
  }

  /* The menu button opens the sidebar as a drawer over the page, at the current page.
     Its close button, Esc, a tap outside it and following a link close it. */
  var button = document.querySelector(".menu-button");
  var closeButton = sidebar && sidebar.querySelector(".drawer-close");
  if (button && sidebar) {
    // While the drawer is open, what it covers is inert (dimmed, out of reach of the
    // keyboard and of screen readers): the bar, the page and its footer.
    var covered = document.querySelectorAll(".skip-link, .site-header, main, .site-footer");
    var setOpen = function (open, focusButton) {
      button.setAttribute("aria-expanded", open ? "true" : "false");
      body.classList.toggle("menu-open", open);
      for (var c = 0; c < covered.length; c++) {
        if (open) covered[c].setAttribute("inert", "");
        else covered[c].removeAttribute("inert");
      }
      if (open) {
        var mark = showCurrent();
        var target = mark || sidebar.querySelector("a");
        if (target) target.focus({ preventScroll: true });
      } else if (focusButton) {
        button.focus();
      }
    };
    button.addEventListener("click", function () {
      setOpen(button.getAttribute("aria-expanded") !== "true", false);
    });
    document.addEventListener("keydown", function (e) {
      if (e.key === "Escape" && body.classList.contains("menu-open")) setOpen(false, true);
    });
    document.addEventListener("click", function (e) {
      if (body.classList.contains("menu-open") && !sidebar.contains(e.target) && !button.contains(e.target)) {
        setOpen(false, false);
      }
    });
    sidebar.addEventListener("click", function (e) {
      if (e.target.closest && e.target.closest("a[href]")) setOpen(false, false);
    });
    if (closeButton) {
      closeButton.addEventListener("click", function () { setOpen(false, true); });
    }
    // Back to a page kept in the browser's memory: the drawer starts closed.
    window.addEventListener("pageshow", function () {
      if (body.classList.contains("menu-open")) setOpen(false, false);
    });
  }

  /* On a phone the search field waits behind a button; without JavaScript that button
     is a link to the search page. "/" opens it too. */
  var searchButton = document.querySelector(".search-button");
  var searchInput = document.getElementById("search-input");
  if (searchButton && searchInput) {
    searchButton.setAttribute("role", "button");
    searchButton.setAttribute("aria-expanded", "false");
    var openSearch = function (open) {
      body.classList.toggle("search-open", open);
      searchButton.setAttribute("aria-expanded", open ? "true" : "false");
      if (open) searchInput.focus();
    };
    // Once open, the same button closes the field again (its icon becomes a cross).
    searchButton.addEventListener("click", function (e) {
      e.preventDefault();
      var isOpen = body.classList.contains("search-open");
      openSearch(!isOpen);
      if (isOpen) searchButton.focus();
    });
    document.addEventListener("keydown", function (e) {
      var t = e.target;
      var typing = t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.isContentEditable);
      if (e.key === "/" && !typing && getComputedStyle(searchButton).display !== "none") openSearch(true);
      if (e.key === "Escape" && body.classList.contains("search-open") && !searchInput.value) {
        openSearch(false);
        searchButton.focus();
      }
    });
    searchInput.addEventListener("blur", function () {
      window.setTimeout(function () {
        var form = searchInput.form;
        if (!searchInput.value && form && !form.contains(document.activeElement)) openSearch(false);
      }, 150);
    });
  }

  /* A table wider than its column scrolls sideways inside its region: then a line above
     it says so, over the space above the table, so that nothing moves. Checked again
     when the window changes size. */
  var hintText = body.getAttribute("data-table-hint");
  var wraps = document.querySelectorAll(".table-wrap");
  if (hintText && wraps.length) {
    var boxes = [];
    for (var w = 0; w < wraps.length; w++) {
      var wrap = wraps[w];
      var box = document.createElement("div");
      box.className = "table-box" + (wrap.classList.contains("comparison") ? " comparison-box" : "");
      wrap.parentNode.insertBefore(box, wrap);
      box.appendChild(wrap);
      var hint = document.createElement("span");
      hint.className = "table-hint";
      hint.setAttribute("aria-hidden", "true");
      hint.textContent = hintText;
      box.appendChild(hint);
      boxes.push(box);
    }
    var updateAll = function () {
      for (var b = 0; b < boxes.length; b++) update(boxes[b], boxes[b].firstChild);
    };
    updateAll();
    if (window.ResizeObserver) new ResizeObserver(updateAll).observe(document.documentElement);
    else window.addEventListener("resize", updateAll);
  }
  function update(box, wrap) {
    box.classList.toggle("scrolls", wrap.scrollWidth > wrap.clientWidth + 1);
  }

  /* The language menu closes on a click outside it and on Esc. */
  var menu = document.querySelector(".language-menu");
  if (menu) {
    document.addEventListener("click", function (e) {
      if (menu.open && !menu.contains(e.target)) menu.open = false;
    });
    menu.addEventListener("keydown", function (e) {
      if (e.key === "Escape" && menu.open) {
        menu.open = false;
        menu.querySelector("summary").focus();
      }
    });
  }

  /* Light/dark: the system setting until the reader chooses; remembered. The control
     shows the scheme in use through CSS (icon and label), from `data-theme` or the
     system setting. */
  var toggle = document.querySelector(".theme-toggle");
  if (toggle) {
    var isDark = function () {
      var set = html.getAttribute("data-theme");
      if (set) return set === "dark";
      return !!(window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches);
    };
    toggle.addEventListener("click", function () {
      var next = isDark() ? "light" : "dark";
      html.setAttribute("data-theme", next);
      try { window.localStorage.setItem("panduan-theme", next); } catch (e) { /* storage off */ }
    });
  }
})();
