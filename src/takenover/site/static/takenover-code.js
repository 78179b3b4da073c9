/* The page's "Show code" switch: shows or hides the code of every cell at once (takenover.site.code_switch). */
document.addEventListener("DOMContentLoaded", function () {
  var root = document.documentElement;
  document.querySelectorAll("button.tk-code-switch").forEach(function (button) {
    button.addEventListener("click", function () {
      var show = button.getAttribute("aria-pressed") !== "true";
      root.classList.toggle("tk-show-code", show);
      document.querySelectorAll("button.tk-code-switch").forEach(function (each) {
        each.setAttribute("aria-pressed", String(show));
      });
    });
  });
});
