// Posts each `<dir>/<plan>.md` written by `qac plan --format markdown` as a pull-request comment,
// or updates the comment that already starts with the same hidden marker line
// (`<!-- qac-preview: <plan> -->`, the first line qac writes), so every push edits one comment per
// plan instead of adding a new one. Used from actions/github-script:
//   const post = require("./examples/ci/github/post-preview-comments.cjs");
//   await post({ github, context, core, dir: "qac-preview" });
const fs = require("node:fs");
const path = require("node:path");

const MARKER = /^<!-- qac-preview: .+ -->$/;

module.exports = async function postPreviewComments({ github, context, core, dir }) {
  const { owner, repo } = context.repo;
  const issue_number = context.issue.number;
  const files = fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((f) => f.endsWith(".md"))
        .sort()
    : [];
  const existing = await github.paginate(github.rest.issues.listComments, { owner, repo, issue_number, per_page: 100 });
  const results = [];
  for (const file of files) {
    const body = fs.readFileSync(path.join(dir, file), "utf8");
    const marker = body.split(/\r?\n/, 1)[0];
    if (!MARKER.test(marker)) {
      // qac could not produce a preview at all (e.g. it could not reach QAComplete): the job log says why.
      core.warning(`${file}: no qac preview in it (see the Preview step's log); nothing posted.`);
      continue;
    }
    const previous = existing.find((c) => typeof c.body === "string" && c.body.split(/\r?\n/, 1)[0] === marker);
    if (previous) {
      await github.rest.issues.updateComment({ owner, repo, comment_id: previous.id, body });
      core.info(`${file}: updated comment ${previous.id}`);
      results.push({ file, action: "updated", id: previous.id });
    } else {
      const { data } = await github.rest.issues.createComment({ owner, repo, issue_number, body });
      core.info(`${file}: posted comment ${data.id}`);
      results.push({ file, action: "created", id: data.id });
    }
  }
  return results;
};
