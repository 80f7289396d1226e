// Evidence upload: drag and drop many files, each sent in chunks with its SHA-256, resumable.
// An interrupted upload is remembered in localStorage (by name, size and modification time), so
// adding the same file again — after a dropped connection or a reload — continues where it was.
(function () {
  "use strict";
  const details = document.getElementById("evidence-details");
  const drop = document.getElementById("evidence-drop");
  const input = document.getElementById("evidence-files");
  const list = document.getElementById("evidence-uploads");
  if (!details || !drop || !input || !list) return;
  const T = JSON.parse(document.getElementById("evidence-text").textContent);
  const startUrl = details.dataset.startUrl;
  const chunkBytes = parseInt(details.dataset.chunkBytes, 10);
  const maxBytes = parseInt(details.dataset.maxBytes, 10);
  const csrf = details.querySelector("input[name=csrfmiddlewaretoken]").value;
  let running = 0;
  const queue = [];

  window.addEventListener("beforeunload", function (event) {
    if (running > 0 || queue.length > 0) { event.preventDefault(); event.returnValue = T.leave; }
  });

  function hex(buffer) {
    return Array.from(new Uint8Array(buffer)).map((b) => b.toString(16).padStart(2, "0")).join("");
  }
  function sleep(ms) { return new Promise((resolve) => setTimeout(resolve, ms)); }
  function resumeKey(file) { return "mizan-upload:" + file.name + ":" + file.size + ":" + file.lastModified; }

  function row(file) {
    const el = document.createElement("div");
    el.className = "upload-row card card-body py-2 mb-2";
    const name = document.createElement("div");
    name.className = "d-flex justify-content-between gap-2";
    const title = document.createElement("bdi");
    title.textContent = file.name;
    const status = document.createElement("span");
    status.className = "upload-status small text-muted";
    status.textContent = T.waiting;
    name.append(title, status);
    const bar = document.createElement("div");
    bar.className = "progress mt-1";
    bar.setAttribute("role", "progressbar");
    bar.setAttribute("aria-valuemin", "0");
    bar.setAttribute("aria-valuemax", "100");
    const fill = document.createElement("div");
    fill.className = "progress-bar";
    fill.style.width = "0%";
    bar.append(fill);
    el.append(name, bar);
    list.append(el);
    return {
      el: el,
      status: function (text, cls) { status.textContent = text; status.className = "upload-status small " + (cls || "text-muted"); },
      progress: function (done, total) {
        const pct = total ? Math.floor((done * 100) / total) : 100;
        fill.style.width = pct + "%";
        bar.setAttribute("aria-valuenow", String(pct));
      },
      link: function (text, url, ref) {
        status.textContent = "";
        const a = document.createElement("a");
        a.href = url;
        a.textContent = text + " " + ref;
        status.append(a);
        status.className = "upload-status small text-success";
        fill.classList.add("bg-success");
      },
      fail: function (message) {
        status.textContent = T.failed + ": " + message;
        status.className = "upload-status small text-danger";
        fill.classList.add("bg-danger");
      },
    };
  }

  async function postJSON(url, body) {
    const response = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrf },
      body: JSON.stringify(body),
      credentials: "same-origin",
    });
    return { ok: response.ok, status: response.status, data: await response.json().catch(() => ({})) };
  }

  async function withRetries(fn, ui) {
    for (let attempt = 0; ; attempt++) {
      try {
        return await fn();
      } catch (error) {
        if (attempt >= 8) throw error;
        ui.status(T.retrying, "text-warning");
        await sleep(Math.min(30000, 1000 * 2 ** attempt));
      }
    }
  }

  async function send(file) {
    const ui = row(file);
    if (file.size === 0) { ui.fail(T.empty); return; }
    if (file.size > maxBytes) { ui.fail(T.too_large); return; }
    const key = resumeKey(file);
    const started = await withRetries(() => postJSON(startUrl, { name: file.name, size: file.size, resume: localStorage.getItem(key) || "" }), ui);
    if (!started.ok) { ui.fail(started.data.error || String(started.status)); return; }
    const token = started.data.token;
    localStorage.setItem(key, token);
    let offset = started.data.received || 0;
    if (offset > 0) ui.status(T.resumed);
    const chunkUrl = startUrl + encodeURIComponent(token) + "/";
    while (offset < file.size) {
      ui.status(T.sending);
      ui.progress(offset, file.size);
      const blob = file.slice(offset, Math.min(file.size, offset + chunkBytes));
      const buffer = await blob.arrayBuffer();
      const digest = hex(await crypto.subtle.digest("SHA-256", buffer));
      const result = await withRetries(async function () {
        const response = await fetch(chunkUrl + "?offset=" + offset, {
          method: "POST",
          headers: { "Content-Type": "application/octet-stream", "X-CSRFToken": csrf, "X-Chunk-Sha256": digest },
          body: buffer,
          credentials: "same-origin",
        });
        if (response.status >= 500 && response.status !== 507) throw new Error(String(response.status));
        return { ok: response.ok, status: response.status, data: await response.json().catch(() => ({})) };
      }, ui);
      if (result.status === 409 && typeof result.data.received === "number") { offset = result.data.received; continue; }
      if (!result.ok) { ui.fail(result.data.error || String(result.status)); return; }
      offset = result.data.received;
    }
    ui.progress(file.size, file.size);
    ui.status(T.storing);
    const form = new FormData(details);
    const done = await withRetries(async function () {
      const response = await fetch(chunkUrl + "complete/", { method: "POST", body: form, headers: { "X-CSRFToken": csrf }, credentials: "same-origin" });
      if (response.status >= 500 && response.status !== 507) throw new Error(String(response.status));
      return { ok: response.ok, status: response.status, data: await response.json().catch(() => ({})) };
    }, ui);
    if (!done.ok) { ui.fail(done.data.error || String(done.status)); return; }
    localStorage.removeItem(key);
    ui.link(done.data.created ? T.done : T.duplicate, done.data.url, done.data.reference);
  }

  async function pump() {
    while (queue.length > 0 && running < 2) {
      const file = queue.shift();
      running++;
      send(file).catch((error) => console.error(error)).finally(() => { running--; pump(); });
    }
  }

  function add(files) {
    for (const file of files) queue.push(file);
    pump();
  }

  input.addEventListener("change", function () { add(Array.from(input.files)); input.value = ""; });
  drop.addEventListener("click", function (event) { if (event.target === drop) input.click(); });
  drop.addEventListener("keydown", function (event) { if (event.key === "Enter" || event.key === " ") { event.preventDefault(); input.click(); } });
  ["dragenter", "dragover"].forEach((type) => drop.addEventListener(type, function (event) { event.preventDefault(); drop.classList.add("is-over"); }));
  ["dragleave", "drop"].forEach((type) => drop.addEventListener(type, function (event) { event.preventDefault(); drop.classList.remove("is-over"); }));
  drop.addEventListener("drop", function (event) { add(Array.from(event.dataTransfer.files)); });
})();
