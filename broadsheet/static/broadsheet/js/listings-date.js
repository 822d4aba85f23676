// The city guide's date picker goes straight to the baked date page
// (/city-guide/YYYY/MM/DD/) instead of through the /jump/ redirect.
// Without this script the form still works: it submits to the redirect view.
(function () {
  "use strict";
  document.querySelectorAll("form.date-jump[data-guide-url]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      var value = form.elements.date.value;
      if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) {
        return; // let the server explain what is wrong
      }
      event.preventDefault();
      window.location.assign(form.dataset.guideUrl + value.replace(/-/g, "/") + "/");
    });
  });
})();
