/**
 * The page's only script: listens to /events and updates run statuses and counts in place. It
 * writes with textContent only, never markup, so event data cannot inject anything. It does not
 * classify statuses: each `run` event carries its `bucket`, computed by the server with
 * `@qac/core`'s `runStatusBucket` (as the server-rendered table is), and the script only turns it
 * into a CSS class.
 */
export const PAGE_SCRIPT = `
(() => {
  const live = document.getElementById("live");
  let timer = null;
  const refreshCounts = () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const res = await fetch("/api/v1/plans", { headers: { accept: "application/json" } });
      if (!res.ok) return;
      const { plans } = await res.json();
      const totals = {};
      for (const p of plans) {
        for (const [key, n] of Object.entries(p.counts)) totals[key] = (totals[key] || 0) + n;
        for (const el of document.querySelectorAll("[data-count]")) {
          if (el.closest("[data-plan]")?.dataset.plan !== p.plan) continue;
          el.textContent = String(p.counts[el.dataset.count] ?? 0);
        }
      }
      for (const el of document.querySelectorAll("[data-total]")) {
        el.textContent = String(totals[el.dataset.total] ?? 0);
      }
    }, 200);
  };
  const es = new EventSource("/events");
  es.onopen = () => { live.textContent = "live"; live.className = "on"; };
  es.onerror = () => { live.textContent = "reconnecting"; live.className = ""; };
  es.addEventListener("run", (e) => {
    const d = JSON.parse(e.data);
    if (!d.status) return;
    const bucket = d.bucket || "other";
    const key = '[data-run="' + d.projectId + ":" + d.runId + '"]';
    for (const el of document.querySelectorAll(key)) {
      el.textContent = d.status;
      el.className = "status s-" + bucket;
    }
    // A run that just failed or got blocked joins the failures at the top: a copy of its row.
    const failures = document.getElementById("failures");
    const source = document.querySelector("[data-plan] " + key);
    if (failures && source && ["failed", "blocked"].includes(bucket) && !failures.querySelector(key)) {
      const row = source.closest("tr").cloneNode(true);
      const plan = document.createElement("td");
      plan.textContent = source.closest("[data-plan]").dataset.plan;
      row.prepend(plan);
      failures.querySelector("tbody").append(row);
      failures.querySelector("table").hidden = false;
      failures.querySelector(".empty")?.remove();
    }
    refreshCounts();
  });
  es.addEventListener("apply", () => location.reload());
})();
`;
