// New file in the registry: while a name is typed, show persons already recorded with a similar
// name (Arabic or Latin spelling); choosing one opens the file for that person instead of
// creating a duplicate. No inline script (the Content-Security-Policy forbids it).
(function () {
  "use strict";
  const form = document.getElementById("missing-file-form");
  if (!form) return;
  const box = form.querySelector("[data-suggestions]");
  let timer = null;
  form.addEventListener("input", function (event) {
    const input = event.target;
    if (!input.matches("[data-suggest]")) return;
    clearTimeout(timer);
    if (input.value.trim().length < 2) { box.replaceChildren(); return; }
    timer = setTimeout(function () {
      fetch(form.dataset.suggestUrl + "?q=" + encodeURIComponent(input.value),
            {credentials: "same-origin"})
        .then(function (response) { return response.ok ? response.text() : ""; })
        .then(function (html) { box.innerHTML = html; });
    }, 200);
  });
  form.addEventListener("click", function (event) {
    const choice = event.target.closest("[data-choose-person]");
    if (!choice) return;
    event.preventDefault();
    window.location.href = form.dataset.createUrl + "?person=" + choice.dataset.choosePerson;
  });
})();
