// "Ma sélection": offers a visitor keeps, stored in this browser only (localStorage), no account.
// Buttons are hidden in the HTML and shown here, so nothing appears that cannot work.
(function () {
  "use strict";
  var KEY = "essaim:selection";

  function load() {
    try {
      var ids = JSON.parse(window.localStorage.getItem(KEY) || "[]");
      return Array.isArray(ids) ? ids.map(String) : [];
    } catch (error) {
      return [];
    }
  }

  function save(ids) {
    window.localStorage.setItem(KEY, JSON.stringify(ids));
    refreshLinks(ids);
  }

  function selectionUrl(ids, base) {
    return ids.length ? base.split("?")[0] + "?offres=" + ids.join(",") : base.split("?")[0];
  }

  function refreshLinks(ids) {
    document.querySelectorAll("[data-selection-link]").forEach(function (link) {
      link.href = selectionUrl(ids, link.getAttribute("href"));
      link.textContent = "Ma sélection (" + ids.length + ")";
    });
  }

  function render(button, ids) {
    var kept = ids.indexOf(button.dataset.favourite) !== -1;
    button.setAttribute("aria-pressed", kept ? "true" : "false");
    button.firstChild.nodeValue = kept ? "Retirer de ma sélection" : "Garder dans ma sélection";
  }

  var ids = load();
  document.querySelectorAll("[data-favourite]").forEach(function (button) {
    button.hidden = false;
    render(button, ids);
    button.addEventListener("click", function () {
      var current = load();
      var position = current.indexOf(button.dataset.favourite);
      if (position === -1) current.push(button.dataset.favourite);
      else current.splice(position, 1);
      save(current);
      render(button, current);
    });
  });
  refreshLinks(ids);

  // On the selection page: show the kept offers, then offer to print or clear them.
  var params = new URLSearchParams(window.location.search);
  if (document.querySelector("[data-selection-empty]") && !params.has("offres") && ids.length) {
    window.location.replace(selectionUrl(ids, window.location.pathname));
    return;
  }
  var print = document.querySelector("[data-print]");
  if (print) {
    print.hidden = false;
    print.addEventListener("click", function () { window.print(); });
  }
  var clear = document.querySelector("[data-clear-selection]");
  if (clear && ids.length) {
    clear.hidden = false;
    clear.addEventListener("click", function () {
      save([]);
      window.location.replace(window.location.pathname);
    });
  }
})();
