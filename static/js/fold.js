// A <details open data-fold-narrow> folds on narrow screens, so that what follows it (the first
// results) comes into view; it stays open on wide screens, without the script, and when a field
// inside it shows an error.
(function () {
  "use strict";
  if (!window.matchMedia("(max-width: 48rem)").matches) return;
  document.querySelectorAll("details[data-fold-narrow]").forEach(function (details) {
    if (!details.querySelector(".field--error")) details.open = false;
  });
})();
