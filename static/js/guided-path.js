// The guided path loads a new page at each step: without this the browser puts the focus back
// at the top of the page, and a keyboard or screen reader user must walk through the header
// again to reach the question. The page marks, with data-path-focus, the form (a new question)
// or the error message; the focus goes to the error, or else to the first question.
(function () {
  "use strict";
  var marked = document.querySelector("[data-path-focus]");
  if (!marked) return;
  var target = marked.matches("form") ? marked.querySelector("fieldset, input:not([type=hidden]), select") : marked;
  if (!target) return;
  if (target.matches("fieldset, div")) target.setAttribute("tabindex", "-1");
  target.focus();
})();
