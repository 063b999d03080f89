// One pull-request comment per plan, updated in place: the comment whose first line is the same
// hidden marker qac writes (`<!-- qac-preview: <plan> -->`) is edited, else one is created.

const MARKER = /^<!-- qac-preview: .+ -->$/;

/**
 * @typedef {{ apiUrl: string, repository: string, issue: number, token: string }} PullRequest
 * @typedef {{ action: "created" | "updated", id: number, url: string }} Posted
 */

/**
 * Calls the GitHub REST API; never prints the token.
 * @param {PullRequest} pr
 * @param {string} method
 * @param {string} path
 * @param {unknown} [body]
 * @returns {Promise<any>}
 */
async function github(pr, method, path, body) {
  const res = await fetch(`${pr.apiUrl.replace(/\/$/, "")}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${pr.token}`,
      accept: "application/vnd.github+json",
      "x-github-api-version": "2022-11-28",
      ...(body ? { "content-type": "application/json" } : {}),
    },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  if (!res.ok)
    throw new Error(`qac action: GitHub ${method} ${path} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
  return res.json();
}

/**
 * The comments of the pull request, every page.
 * @param {PullRequest} pr
 * @returns {Promise<{ id: number, body?: string, html_url: string }[]>}
 */
async function listComments(pr) {
  const all = [];
  for (let page = 1; ; page++) {
    const batch = await github(
      pr,
      "GET",
      `/repos/${pr.repository}/issues/${pr.issue}/comments?per_page=100&page=${page}`,
    );
    all.push(...batch);
    if (batch.length < 100) return all;
  }
}

/**
 * Posts each body as a comment, or updates the comment that starts with the same marker line.
 * Bodies without a marker (qac could not produce a preview) are skipped: the log says why.
 * @param {PullRequest} pr
 * @param {string[]} bodies
 * @returns {Promise<Posted[]>}
 */
export async function upsertComments(pr, bodies) {
  const existing = await listComments(pr);
  /** @type {Posted[]} */
  const posted = [];
  for (const body of bodies) {
    const marker = body.split(/\r?\n/, 1)[0] ?? "";
    if (!MARKER.test(marker)) continue;
    const previous = existing.find((c) => typeof c.body === "string" && c.body.split(/\r?\n/, 1)[0] === marker);
    const data = previous
      ? await github(pr, "PATCH", `/repos/${pr.repository}/issues/comments/${previous.id}`, { body })
      : await github(pr, "POST", `/repos/${pr.repository}/issues/${pr.issue}/comments`, { body });
    posted.push({ action: previous ? "updated" : "created", id: data.id, url: data.html_url });
  }
  return posted;
}
