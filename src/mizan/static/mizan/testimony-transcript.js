// Transcript page: clicking a segment seeks the recording to its start and plays; the segment
// being played is highlighted as the recording advances. The page holds one window of segments;
// the next window is fetched when its link comes near the screen (without this script the link
// opens it as a page), when the recording plays past the last segment shown, or when the address
// names a segment further on (#segment-900 from a search hit).
(function () {
  "use strict";
  const audio = document.getElementById("recording");
  const list = document.getElementById("segments");
  if (!list) return;
  let loading = null;

  function moreLink() {
    return list.querySelector("li.more a[data-window]");
  }

  function loadMore() {
    const link = moreLink();
    if (!link) return Promise.resolve(false);
    if (loading) return loading;
    link.setAttribute("aria-busy", "true");
    loading = fetch(link.dataset.window, { credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) throw new Error(String(response.status));
        return response.text();
      })
      .then(function (html) {
        const item = link.closest("li");
        item.insertAdjacentHTML("afterend", html);
        item.remove();
        watch();
        return true;
      })
      .catch(function () {
        link.removeAttribute("aria-busy");  // the link still opens the next window as a page
        return false;
      })
      .finally(function () { loading = null; });
    return loading;
  }

  const observer = "IntersectionObserver" in window
    ? new IntersectionObserver(function (entries) {
        if (entries.some(function (entry) { return entry.isIntersecting; })) loadMore();
      }, { rootMargin: "1000px 0px" })
    : null;

  function watch() {
    const link = moreLink();
    if (observer && link) observer.observe(link);
  }

  list.addEventListener("click", function (event) {
    const link = event.target.closest("a[data-window]");
    if (link) {
      event.preventDefault();
      loadMore();
      return;
    }
    if (!audio || event.target.closest("a")) return;
    const segment = event.target.closest(".segment");
    if (!segment || segment.dataset.start === "") return;
    audio.currentTime = parseFloat(segment.dataset.start) / 1000;
    audio.play().catch(function () { /* playback may need a user gesture; the seek stands */ });
  });

  if (audio) {
    audio.addEventListener("timeupdate", function () {
      const now = audio.currentTime * 1000;
      let last = null;
      list.querySelectorAll(".segment").forEach(function (segment) {
        if (segment.dataset.start === "") return;
        const start = parseFloat(segment.dataset.start);
        const end = parseFloat(segment.dataset.end);
        const playing = now >= start && now < end;
        segment.classList.toggle("table-active", playing);
        segment.setAttribute("aria-current", playing ? "true" : "false");
        last = segment;
      });
      if (last && now >= parseFloat(last.dataset.end)) loadMore();
    });
    // A search hit links here with ?t=SECONDS (and #segment-N): the recording starts there.
    const at = parseFloat(new URLSearchParams(window.location.search).get("t") || "");
    if (isFinite(at) && at >= 0) audio.currentTime = at;
  }

  async function openHash() {
    if (!/^#segment-\d+$/.test(window.location.hash)) return;
    let target = document.querySelector(window.location.hash);
    for (let tries = 0; !target && tries < 100; tries += 1) {
      if (!(await loadMore())) break;
      target = document.querySelector(window.location.hash);
    }
    if (!target) return;
    target.scrollIntoView({ block: "center" });
    if (audio && target.dataset.start) audio.currentTime = parseFloat(target.dataset.start) / 1000;
  }

  watch();
  openHash();
})();
