// Suggests communes under every <input data-commune-search> through a native <datalist>,
// which browsers and screen readers already know how to navigate. Without JavaScript the
// field still works: the server understands names, "Nom (44)" and INSEE codes.
(function () {
  "use strict";
  var endpoint = document.documentElement.getAttribute("data-commune-endpoint") || "/territoires/communes/";

  function attach(input, index) {
    var list = document.createElement("datalist");
    list.id = "communes-suggestions-" + index;
    input.insertAdjacentElement("afterend", list);
    input.setAttribute("list", list.id);
    var timer = null;
    var lastQuery = "";
    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      var query = input.value.trim();
      if (query.length < 2 || query === lastQuery) return;
      timer = window.setTimeout(function () {
        lastQuery = query;
        var url = endpoint + "?q=" + encodeURIComponent(query);
        if (input.dataset.region) url += "&region=" + encodeURIComponent(input.dataset.region);
        fetch(url, { headers: { Accept: "application/json" } })
          .then(function (response) { return response.ok ? response.json() : { results: [] }; })
          .then(function (data) {
            list.replaceChildren();
            data.results.forEach(function (commune) {
              var option = document.createElement("option");
              option.value = commune.label;
              list.appendChild(option);
            });
          })
          .catch(function () { /* suggestions are a convenience: typing still works */ });
      }, 200);
    });
  }

  document.querySelectorAll("input[data-commune-search]").forEach(attach);
})();
