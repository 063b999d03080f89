#!/usr/bin/env node
// Posts each `<dir>/<plan>.md` written by `qac plan --format markdown` as a merge-request note, or
// updates the note that already starts with the same hidden marker line
// (`<!-- qac-preview: <plan> -->`), so every push edits one note per plan.
//
//   node examples/ci/gitlab/post-mr-notes.mjs qac-preview
//
// Needs GitLab's predefined CI_API_V4_URL, CI_PROJECT_ID and CI_MERGE_REQUEST_IID, and
// GITLAB_API_TOKEN: a project access token with the `api` scope (CI_JOB_TOKEN cannot write notes).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const MARKER = /^<!-- qac-preview: .+ -->$/;

/** Posts or updates one note per preview file; returns what it did. */
export async function postMrNotes(dir, env = process.env, log = console.log) {
  const missing = ["CI_API_V4_URL", "CI_PROJECT_ID", "CI_MERGE_REQUEST_IID", "GITLAB_API_TOKEN"].filter((k) => !env[k]);
  if (missing.length)
    throw new Error(
      `post-mr-notes: set ${missing.join(", ")} (GITLAB_API_TOKEN: a project access token with the api scope).`,
    );
  const base = `${env.CI_API_V4_URL.replace(/\/$/, "")}/projects/${encodeURIComponent(env.CI_PROJECT_ID)}/merge_requests/${env.CI_MERGE_REQUEST_IID}/notes`;
  const headers = { "PRIVATE-TOKEN": env.GITLAB_API_TOKEN, "Content-Type": "application/json" };
  const call = async (method, url, body) => {
    const res = await fetch(url, { method, headers, ...(body ? { body: JSON.stringify(body) } : {}) });
    // Never print the token: only the method, path and status.
    if (!res.ok)
      throw new Error(
        `post-mr-notes: ${method} ${new URL(url).pathname} answered ${res.status}: ${(await res.text()).slice(0, 300)}`,
      );
    return res.json();
  };
  const notes = [];
  for (let page = 1; ; page++) {
    const batch = await call("GET", `${base}?per_page=100&page=${page}&sort=asc`);
    notes.push(...batch);
    if (batch.length < 100) break;
  }
  const files = existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith(".md"))
        .sort()
    : [];
  const results = [];
  for (const file of files) {
    const body = readFileSync(join(dir, file), "utf8");
    const marker = body.split(/\r?\n/, 1)[0];
    if (!MARKER.test(marker)) {
      log(`${file}: no qac preview in it (see the job log); nothing posted.`);
      continue;
    }
    const previous = notes.find((n) => typeof n.body === "string" && n.body.split(/\r?\n/, 1)[0] === marker);
    if (previous) {
      await call("PUT", `${base}/${previous.id}`, { body });
      results.push({ file, action: "updated", id: previous.id });
    } else {
      const created = await call("POST", base, { body });
      results.push({ file, action: "created", id: created.id });
    }
    log(`${file}: ${results.at(-1).action} note ${results.at(-1).id}`);
  }
  return results;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await postMrNotes(process.argv[2] ?? "qac-preview").catch((error) => {
    console.error(error.message);
    process.exitCode = 1;
  });
}
