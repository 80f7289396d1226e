// One-pass incident entry: choose a suggested person (htmx fetches the suggestions while a name
// is typed: hx-* attributes of the name fields) and add rows.
// No inline script (the Content-Security-Policy forbids it): everything hangs off data-*.
(function () {
  "use strict";
  const form = document.getElementById("incident-form");
  if (!form) return;

  function rowOf(element) { return element.closest("[data-row]"); }

  form.addEventListener("click", function (event) {
    const choice = event.target.closest("[data-choose-person]");
    if (choice) {
      event.preventDefault();
      const row = rowOf(choice);
      row.querySelector("input[data-person-id]").value = choice.dataset.choosePerson;
      row.querySelector("[data-chosen]").textContent = choice.dataset.label;
      row.querySelector("[data-chosen-box]").hidden = false;
      row.querySelector("[data-suggestions]").replaceChildren();
      row.querySelectorAll("[data-suggest]").forEach(function (i) { i.disabled = true; });
      return;
    }
    const clear = event.target.closest("[data-clear-person]");
    if (clear) {
      event.preventDefault();
      const row = rowOf(clear);
      row.querySelector("input[data-person-id]").value = "";
      row.querySelector("[data-chosen-box]").hidden = true;
      row.querySelectorAll("[data-suggest]").forEach(function (i) { i.disabled = false; });
      return;
    }
    const add = event.target.closest("[data-add-row]");
    if (add) {
      event.preventDefault();
      const prefix = add.dataset.addRow;
      const total = form.querySelector("#id_" + prefix + "-TOTAL_FORMS");
      const template = document.getElementById("empty-" + prefix);
      const html = template.innerHTML.replace(/__prefix__/g, total.value);
      const rows = document.getElementById("rows-" + prefix);
      rows.insertAdjacentHTML("beforeend", html);
      if (window.htmx) window.htmx.process(rows.lastElementChild);  // its name fields suggest too
      total.value = String(Number(total.value) + 1);
    }
  });

  // A row whose person was chosen before a failed submit keeps its choice visible.
  form.querySelectorAll("input[data-person-id]").forEach(function (hidden) {
    if (hidden.value) {
      const row = rowOf(hidden);
      row.querySelector("[data-chosen-box]").hidden = false;
    }
  });
})();
