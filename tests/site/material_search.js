// Runs Material's own search worker (lunr + lunr-languages, as shipped in the built
// site) under Node, so tests can ask the real search engine what a reader would find.
// usage: node material_search.js SITE_DIR LANG QUERY... -> JSON {query: [locations]}
// LANG picks the index a page in that language loads: "ja" (the default) the one at
// search/, any other the one at LANG/search/ (chigai.site.webpage.split_search_index).
// Locations come back relative to the site root, in the order Material lists them.
const fs = require("fs");
const path = require("path");
const vm = require("vm");

const [site, lang, ...queries] = process.argv.slice(2);
const root = lang === "ja" ? "" : `${lang}/`;
// The worker a page in this language starts: the "search" entry of its __config.
const home = fs.readFileSync(path.join(site, root, "index.html"), "utf8");
const config = JSON.parse(home.match(/<script id="__config" type="application\/json">(.*?)<\/script>/s)[1]);
const [file, search = ""] = config.search.split("?");
const worker = path.resolve(site, root, file);
const workers = path.dirname(worker);
globalThis.location = { search: search ? `?${search}` : "" };
const messages = [];
let onMessage;
globalThis.self = globalThis;
globalThis.addEventListener = (type, listener) => { onMessage = listener; };
globalThis.postMessage = (message) => messages.push(message);
globalThis.importScripts = (...urls) => {
  for (const url of urls) {
    vm.runInThisContext(fs.readFileSync(path.resolve(workers, url), "utf8"), { filename: url });
  }
};
vm.runInThisContext(fs.readFileSync(worker, "utf8"), { filename: worker });

(async () => {
  const indexPath = path.join(site, root, "search", "search_index.json");
  const index = JSON.parse(fs.readFileSync(indexPath, "utf8"));
  await onMessage({ data: { type: 0, data: { ...index, options: { suggest: false } } } });
  const found = {};
  for (const query of queries) {
    messages.length = 0;
    await onMessage({ data: { type: 2, data: query } });
    const items = messages.length ? messages[0].data.items : [];
    found[query] = [...new Set(items.flat().map((doc) => root + doc.location.split("#")[0]))];
  }
  process.stdout.write(JSON.stringify(found));
})();
