// When a part of a page sent by htmx gets no answer (network down) or a server error, the element
// that sent it says so in its target, with the message of its data-htmx-error attribute, rather
// than leaving a stale "saved" in place. A 4xx answer carries its own French message (swapped).
(function () {
  "use strict";
  function say(event) {
    var element = event.detail.elt;
    var message = element && element.getAttribute("data-htmx-error");
    var target = event.detail.target;
    if (!message || !target) return;
    if (event.type === "htmx:responseError" && event.detail.xhr && event.detail.xhr.status < 500) return;
    var text = document.createElement("span");
    text.className = "fragment-error";
    text.textContent = message;
    target.replaceChildren(text);
  }
  document.addEventListener("htmx:sendError", say);
  document.addEventListener("htmx:responseError", say);
})();
