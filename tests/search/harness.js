// Runs a built book's own search (assets/stem.js and assets/search.js) in node, the way
// a browser runs it from file://: each script the search adds to the page is read from
// the book and run in the same global scope; nothing else is faked beyond the few DOM
// calls search.js makes when it starts. Used by the node tests in this folder.
//
//   const search = open(bookDir, "id");
//   const found = await search.query("kelompok swabantu", 10);
//   found.hits: [{ url, ... }], best first; search.loaded: the scripts loaded, in order.
"use strict";
const fs = require("fs");
const path = require("path");
const vm = require("vm");

function open(book, lang) {
  const loaded = [];
  const context = { console, URLSearchParams, setTimeout, clearTimeout, setImmediate };
  context.window = context;
  const run = (rel) => {
    const file = path.join(book, rel);
    const code = fs.readFileSync(file, "utf8");
    loaded.push({ src: rel, bytes: Buffer.byteLength(code) });
    vm.runInContext(code, context, { filename: rel });
  };
  const element = (tag) => ({
    tagName: tag.toUpperCase(),
    attributes: {},
    children: [],
    setAttribute(k, v) { this.attributes[k] = String(v); },
    getAttribute(k) { return k in this.attributes ? this.attributes[k] : null; },
    appendChild(c) { this.children.push(c); return c; },
    addEventListener() {},
  });
  const head = element("head");
  head.appendChild = (s) => {
    // A classic script: runs after the current task, then fires onload (or onerror).
    setImmediate(() => {
      try {
        run(s.src);
      } catch (err) {
        if (err.code !== "ENOENT") throw err;
        if (s.onerror) s.onerror(err);
        return;
      }
      if (s.onload) s.onload();
    });
    return s;
  };
  const body = element("body");
  body.setAttribute("data-root", "");
  body.setAttribute("data-lang", lang);
  context.document = {
    body,
    head,
    documentElement: { lang },
    querySelector: () => null,
    getElementById: () => null,
    addEventListener() {},
    createElement: element,
  };
  vm.createContext(context);
  run("assets/stem.js");
  run("assets/search.js");
  return {
    loaded,
    context,
    /* The search's answer; hits carry `url` (the page's URL with the entry's anchor). */
    query(q, limit) {
      return new Promise((resolve) => {
        context.panduanSearchQuery(q, limit, (found, idx) => {
          // The index before #16 kept entries in the index itself.
          for (const hit of found.hits) {
            if (hit.url === undefined && idx && idx.docs) {
              const d = idx.docs[hit.doc];
              hit.url = idx.pages[d[0]][0] + (d[1] ? "#" + d[1] : "");
            }
          }
          resolve(found);
        });
      });
    },
  };
}

/* The page of a hit: its URL without the anchor. */
function pageOf(hit) {
  return hit.url.split("#")[0];
}

module.exports = { open, pageOf };
