// New file in the registry: while a name is typed, htmx shows persons already recorded with a
// similar name (Arabic or Latin spelling; hx-* attributes of the name fields); choosing one opens
// the file for that person instead of creating a duplicate. No inline script (the
// Content-Security-Policy forbids it).
(function () {
  "use strict";
  const form = document.getElementById("missing-file-form");
  if (!form) return;
  form.addEventListener("click", function (event) {
    const choice = event.target.closest("[data-choose-person]");
    if (!choice) return;
    event.preventDefault();
    window.location.href = form.dataset.createUrl + "?person=" + choice.dataset.choosePerson;
  });
})();
