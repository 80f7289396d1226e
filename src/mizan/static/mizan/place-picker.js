// A search box in front of every place picker (select[data-place-picker]): typing keeps the
// places whose path holds every typed word, in Arabic or Latin letters (hamza forms, tā'
// marbūṭa and diacritics ignored). No inline code: the Content-Security-Policy allows none.
(function () {
  "use strict";
  function normalise(text) {
    return text.toLowerCase()
      .replace(/[\u064B-\u065F\u0670\u0640]/g, "")
      .replace(/[أإآٱ]/g, "ا").replace(/ة/g, "ه").replace(/ى/g, "ي");
  }
  function attach(select) {
    if (select.dataset.placePickerReady) return;
    select.dataset.placePickerReady = "1";
    var box = document.createElement("input");
    box.type = "search";
    box.className = "form-control form-control-sm mb-1 place-search";
    box.placeholder = select.dataset.searchLabel || "";
    box.setAttribute("aria-label", select.dataset.searchLabel || "");
    box.setAttribute("dir", "auto");
    select.parentNode.insertBefore(box, select);
    var options = Array.prototype.slice.call(select.options).map(function (option) {
      return [option, normalise(option.text)];
    });
    box.addEventListener("input", function () {
      var words = normalise(box.value).split(/\s+/).filter(Boolean);
      options.forEach(function (pair) {
        var option = pair[0];
        var match = !option.value || words.every(function (w) { return pair[1].indexOf(w) !== -1; });
        option.hidden = !(match || option.selected);
      });
    });
  }
  function attachAll(root) {
    (root || document).querySelectorAll("select[data-place-picker]").forEach(attach);
  }
  document.addEventListener("DOMContentLoaded", function () { attachAll(document); });
  document.addEventListener("htmx:afterSwap", function (event) { attachAll(event.target); });
})();
