// Transcript page: clicking a segment seeks the recording to its start and plays; the segment
// being played is highlighted as the recording advances.
(function () {
  "use strict";
  const audio = document.getElementById("recording");
  const list = document.getElementById("segments");
  if (!audio || !list) return;
  const segments = Array.from(list.querySelectorAll(".segment[data-start]")).filter(
    function (segment) { return segment.dataset.start !== ""; }
  );
  list.addEventListener("click", function (event) {
    if (event.target.closest("a")) return;
    const segment = event.target.closest(".segment");
    if (!segment || segment.dataset.start === "") return;
    audio.currentTime = parseFloat(segment.dataset.start) / 1000;
    audio.play().catch(function () { /* playback may need a user gesture; the seek stands */ });
  });
  audio.addEventListener("timeupdate", function () {
    const now = audio.currentTime * 1000;
    segments.forEach(function (segment) {
      const start = parseFloat(segment.dataset.start);
      const end = parseFloat(segment.dataset.end);
      segment.classList.toggle("table-active", now >= start && now < end);
      segment.setAttribute("aria-current", now >= start && now < end ? "true" : "false");
    });
  });
  // A search hit links here with ?t=SECONDS (and #segment-N): the recording starts there.
  const at = parseFloat(new URLSearchParams(window.location.search).get("t") || "");
  if (isFinite(at) && at >= 0) {
    audio.currentTime = at;
  } else if (window.location.hash) {
    const target = document.querySelector(window.location.hash);
    if (target && target.dataset.start) audio.currentTime = parseFloat(target.dataset.start) / 1000;
  }
})();
