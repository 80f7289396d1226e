// Review queue: keys A (same person), R (different people), U (unsure) and N (next pair) press
// the matching button or link. event.code is the physical key, so the keys work with an Arabic
// keyboard layout too. Ignored while typing in a field. No inline script (CSP).
(function () {
  "use strict";
  const pair = document.getElementById("review-pair");
  if (!pair) return;
  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.target.closest("input, select, textarea")) return;
    const target = pair.querySelector('[data-key="' + event.code + '"]');
    if (!target) return;
    event.preventDefault();
    target.click();
  });
})();
