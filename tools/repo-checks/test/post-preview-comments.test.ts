import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../src/repo-root.js";

interface Comment {
  id: number;
  body: string;
}
type Result = { file: string; action: "created" | "updated"; id: number }[];

function previews(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "qac-preview-"));
  mkdirSync(dir, { recursive: true });
  for (const [name, body] of Object.entries(files)) writeFileSync(join(dir, name), body);
  return dir;
}

const smoke = (n: number) =>
  `<!-- qac-preview: smoke -->\n### qac plan \`smoke\`: ${n} to create, 0 already satisfied\n`;
const nightly = "<!-- qac-preview: nightly -->\n### qac plan `nightly`: 8 to create\n";

describe("examples/ci/github/post-preview-comments.cjs", () => {
  const post = createRequire(import.meta.url)(join(repoRoot(), "examples/ci/github/post-preview-comments.cjs")) as (
    args: unknown,
  ) => Promise<Result>;

  function fakeGithub(initial: Comment[]) {
    const comments = [...initial];
    let next = 100;
    const issues = {
      listComments: "listComments",
      createComment: ({ body }: { body: string }) => {
        const c = { id: next++, body };
        comments.push(c);
        return Promise.resolve({ data: c });
      },
      updateComment: ({ comment_id, body }: { comment_id: number; body: string }) => {
        comments.find((c) => c.id === comment_id)!.body = body;
        return Promise.resolve({ data: {} });
      },
    };
    const github = {
      rest: { issues },
      paginate: (route: string) => Promise.resolve(route === "listComments" ? comments.map((c) => ({ ...c })) : []),
    };
    const context = { repo: { owner: "o", repo: "r" }, issue: { number: 7 } };
    const core = { info: () => undefined, warning: () => undefined };
    return { comments, run: (dir: string) => post({ github, context, core, dir }) };
  }

  it("posts one comment per plan, then updates them in place on the next push", async () => {
    const gh = fakeGithub([
      { id: 1, body: "LGTM" },
      { id: 2, body: "quoting <!-- qac-preview: smoke --> in a review" },
    ]);
    expect(await gh.run(previews({ "smoke.md": smoke(3), "nightly.md": nightly }))).toEqual([
      { file: "nightly.md", action: "created", id: 100 },
      { file: "smoke.md", action: "created", id: 101 },
    ]);
    expect(await gh.run(previews({ "smoke.md": smoke(0), "nightly.md": nightly }))).toEqual([
      { file: "nightly.md", action: "updated", id: 100 },
      { file: "smoke.md", action: "updated", id: 101 },
    ]);
    expect(gh.comments.map((c) => c.id)).toEqual([1, 2, 100, 101]);
    expect(gh.comments.find((c) => c.id === 101)!.body).toBe(smoke(0));
  });

  it("posts nothing for a file without a qac preview (qac could not run)", async () => {
    const gh = fakeGithub([]);
    expect(await gh.run(previews({ "smoke.md": "" }))).toEqual([]);
    expect(gh.comments).toEqual([]);
  });
});

describe("examples/ci/gitlab/post-mr-notes.mjs", () => {
  async function fakeGitlab() {
    const notes: Comment[] = [{ id: 1, body: "Looks good" }];
    const seen: { method: string; path: string; token: string | undefined }[] = [];
    const body = async (req: IncomingMessage) => {
      let text = "";
      for await (const chunk of req) text += String(chunk);
      return JSON.parse(text) as { body: string };
    };
    const server = createServer((req, res) => {
      void (async () => {
        const url = new URL(req.url!, "http://x");
        seen.push({
          method: req.method!,
          path: url.pathname,
          token: req.headers["private-token"] as string | undefined,
        });
        res.setHeader("content-type", "application/json");
        const base = "/api/v4/projects/group%2Fproj/merge_requests/5/notes";
        if (req.method === "GET" && url.pathname === base)
          return res.end(JSON.stringify(url.searchParams.get("page") === "1" ? notes : []));
        if (req.method === "POST" && url.pathname === base) {
          const note = { id: 200 + notes.length, body: (await body(req)).body };
          notes.push(note);
          return res.end(JSON.stringify(note));
        }
        const m = new RegExp(`^${base.replace(/[.%]/g, "\\$&")}/(\\d+)$`).exec(url.pathname);
        if (req.method === "PUT" && m) {
          const note = notes.find((n) => n.id === Number(m[1]))!;
          note.body = (await body(req)).body;
          return res.end(JSON.stringify(note));
        }
        res.statusCode = 404;
        res.end("{}");
      })();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const env = {
      CI_API_V4_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v4`,
      CI_PROJECT_ID: "group/proj",
      CI_MERGE_REQUEST_IID: "5",
      GITLAB_API_TOKEN: "glpat-secret",
    };
    return { notes, seen, env, close: () => new Promise((resolve) => server.close(resolve)) };
  }

  it("creates one note per plan, then updates it in place, with the token header", async () => {
    const { postMrNotes } = (await import(
      pathToFileURL(join(repoRoot(), "examples/ci/gitlab/post-mr-notes.mjs")).href
    )) as {
      postMrNotes: (dir: string, env: Record<string, string>, log: (s: string) => void) => Promise<Result>;
    };
    const gl = await fakeGitlab();
    const logs: string[] = [];
    try {
      expect(await postMrNotes(previews({ "smoke.md": smoke(2) }), gl.env, (s) => logs.push(s))).toEqual([
        { file: "smoke.md", action: "created", id: 201 },
      ]);
      expect(await postMrNotes(previews({ "smoke.md": smoke(0) }), gl.env, (s) => logs.push(s))).toEqual([
        { file: "smoke.md", action: "updated", id: 201 },
      ]);
      expect(gl.notes).toEqual([
        { id: 1, body: "Looks good" },
        { id: 201, body: smoke(0) },
      ]);
      expect(gl.seen.every((r) => r.token === "glpat-secret")).toBe(true);
      expect(logs.join("\n")).not.toContain("glpat-secret");
      await expect(postMrNotes(previews({}), { ...gl.env, GITLAB_API_TOKEN: "" }, () => undefined)).rejects.toThrow(
        /GITLAB_API_TOKEN/,
      );
    } finally {
      await gl.close();
    }
  });
});
