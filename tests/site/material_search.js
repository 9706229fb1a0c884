// Runs Material's own search worker (lunr + lunr-languages, as shipped in the built
// site) under Node, so tests can ask the real search engine what a reader would find.
// usage: node material_search.js SITE_DIR QUERY... -> JSON {query: [locations]}
const fs = require("fs");
const path = require("path");
const vm = require("vm");

const [site, ...queries] = process.argv.slice(2);
const workers = path.join(site, "assets", "javascripts", "workers");
const worker = fs.readdirSync(workers).find((name) => /^search\..*\.min\.js$/.test(name));
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
vm.runInThisContext(fs.readFileSync(path.join(workers, worker), "utf8"), { filename: worker });

(async () => {
  const index = JSON.parse(fs.readFileSync(path.join(site, "search", "search_index.json"), "utf8"));
  await onMessage({ data: { type: 0, data: { ...index, options: { suggest: false } } } });
  const found = {};
  for (const query of queries) {
    messages.length = 0;
    await onMessage({ data: { type: 2, data: query } });
    const items = messages.length ? messages[0].data.items : [];
    found[query] = [...new Set(items.flat().map((doc) => doc.location.split("#")[0]))];
  }
  process.stdout.write(JSON.stringify(found));
})();
