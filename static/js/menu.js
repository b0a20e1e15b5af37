// The header's two menus fold behind one "Menu" button on narrow screens (the stylesheet decides
// when). Without this script the button stays hidden and the menus stay open: nothing is lost.
(function () {
  "use strict";
  var button = document.querySelector("[data-menu-toggle]");
  if (!button) return;
  var header = button.closest(".site-header");

  function setOpen(open) {
    button.setAttribute("aria-expanded", open ? "true" : "false");
    header.classList.toggle("menu-open", open);
  }

  header.classList.add("menu-folds");
  button.hidden = false;
  setOpen(false);
  button.addEventListener("click", function () {
    setOpen(button.getAttribute("aria-expanded") !== "true");
  });
  // Escape closes the open menu from anywhere inside it and gives the focus back to the button.
  header.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && header.classList.contains("menu-open")) {
      setOpen(false);
      button.focus();
    }
  });
})();
