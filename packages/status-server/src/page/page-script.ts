/**
 * The page's only script: listens to /events and updates run statuses and counts in place. It
 * writes with textContent only, never markup, so event data cannot inject anything.
 */
export const PAGE_SCRIPT = `
(() => {
  const live = document.getElementById("live");
  const bucket = (s) => ({ "passed": "passed", "failed": "failed", "blocked": "blocked", "awaiting run": "awaiting", "in progress": "inProgress", "paused": "inProgress" })[(s || "").toLowerCase()] || "other";
  let timer = null;
  const refreshCounts = () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const res = await fetch("/api/v1/plans", { headers: { accept: "application/json" } });
      if (!res.ok) return;
      const { plans } = await res.json();
      for (const p of plans) {
        for (const el of document.querySelectorAll("[data-count]")) {
          if (el.closest("[data-plan]")?.dataset.plan !== p.plan) continue;
          el.textContent = String(p.counts[el.dataset.count] ?? 0);
        }
      }
    }, 200);
  };
  const es = new EventSource("/events");
  es.onopen = () => { live.textContent = "live"; live.className = "on"; };
  es.onerror = () => { live.textContent = "reconnecting"; live.className = ""; };
  es.addEventListener("run", (e) => {
    const d = JSON.parse(e.data);
    if (!d.status) return;
    for (const el of document.querySelectorAll('[data-run="' + d.projectId + ":" + d.runId + '"]')) {
      el.textContent = d.status;
      el.className = "status s-" + bucket(d.status);
    }
    refreshCounts();
  });
  es.addEventListener("apply", () => location.reload());
})();
`;
