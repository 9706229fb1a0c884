// chigai: small reader aids that need a script. Deferred: the page reads without it.
(function () {
  "use strict";
  var phone = window.matchMedia("(max-width: 40em)");
  var ja = document.documentElement.lang === "ja";
  var HINT = ja ? "← 表は横にスクロールできます →" : "← scroll sideways to see the whole table →";

  // On a phone the lightbox opens the phone drawing: readable at full width, where the
  // desktop drawing would shrink its text below what is on the page.
  function lightboxSources() {
    document.querySelectorAll(".chigai-figure a.glightbox[data-phone]").forEach(function (a) {
      if (!a.dataset.desktop) a.dataset.desktop = a.getAttribute("href");
      a.setAttribute("href", phone.matches ? a.dataset.phone : a.dataset.desktop);
    });
  }

  // A table wider than the screen scrolls inside its wrapper; say so, and shade the edge
  // that hides columns (chigai.css), only while there is something to scroll to.
  function scrollHints() {
    var wraps = Array.prototype.slice.call(document.querySelectorAll(".md-typeset__scrollwrap"));
    // all reads first, then all writes: one layout, not one per table
    var overflowing = wraps.map(function (wrap) {
      return wrap.scrollWidth > wrap.clientWidth + 1;
    });
    wraps.forEach(function (wrap, i) {
      var scrolls = overflowing[i];
      wrap.classList.toggle("chigai-scrolls", scrolls);
      var hint = wrap.previousElementSibling;
      var has = hint && hint.classList.contains("chigai-scroll-hint");
      if (scrolls && !has) {
        hint = document.createElement("p");
        hint.className = "chigai-scroll-hint";
        hint.textContent = HINT;
        wrap.parentNode.insertBefore(hint, wrap);
      } else if (!scrolls && has) {
        hint.remove();
      }
      if (scrolls && !wrap.hasAttribute("tabindex")) {
        wrap.setAttribute("tabindex", "0"); // scrollable regions must be reachable by keyboard
        wrap.setAttribute("role", "region");
        wrap.setAttribute("aria-label", ja ? "表（横にスクロール）" : "Table (scrolls sideways)");
      }
      wrap.onscroll = function () {
        wrap.classList.toggle("chigai-at-end", wrap.scrollLeft + wrap.clientWidth >= wrap.scrollWidth - 1);
      };
    });
  }

  function setup() {
    lightboxSources();
    // after the first frame: measuring tables before it would force an early layout
    window.requestAnimationFrame(function () {
      window.setTimeout(scrollHints, 0);
    });
  }
  if (window.document$) {
    window.document$.subscribe(setup);
  } else {
    document.addEventListener("DOMContentLoaded", setup);
  }
  phone.addEventListener("change", lightboxSources);
  window.addEventListener("resize", scrollHints);
})();
