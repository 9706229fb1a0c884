// chigai: Material's search worker for English pages, with each query word also searched
// by its stem. Material appends a wildcard to every query term ("forgetting*"), and lunr
// skips its pipeline (the stemmer) for wildcard terms, so an inflected query never met
// the word as the text has it ("forget"; squidfunk/mkdocs-material#3112). Here each word
// is sent with its Porter stem as well: "forgetting" -> "forgetting forget", and the
// stem's wildcard finds "forget", "forgets", "forgotten"... The index is not stemmed.
// Loaded as workers/chigai-search.js?material=<Material's worker file> (chigai.site.webpage).
(function () {
  "use strict";
  var material = new URLSearchParams(self.location.search).get("material");
  var listeners = [];
  var addEventListener = self.addEventListener.bind(self);
  self.addEventListener = function (type, listener) {
    if (type !== "message") return addEventListener(type, listener);
    listeners.push(listener);
  };
  importScripts(material);
  self.addEventListener = addEventListener;

  function withStems(query) {
    if (typeof lunr === "undefined" || typeof query !== "string") return query;
    return query
      .split(/\s+/)
      .map(function (word) {
        if (!/^[A-Za-z]{4,}$/.test(word)) return word; // leave operators and short words
        var stem = lunr.stemmer(new lunr.Token(word.toLowerCase())).toString();
        return stem === word.toLowerCase() ? word : word + " " + stem;
      })
      .join(" ");
  }

  addEventListener("message", function (event) {
    var message = event.data;
    if (message && message.type === 2) {
      message = { type: message.type, data: withStems(message.data) };
    }
    var forwarded = { data: message };
    return Promise.all(
      listeners.map(function (listener) {
        return listener(forwarded);
      })
    );
  });
})();
