import Fastify from "fastify";

/** A comment (GitHub) or note (GitLab) as the fake stores it. */
interface FakeComment {
  id: number;
  body: string;
}

/** What the fake was asked to do, in order: every create and update of a comment. */
type ForgeCall = { action: "create" | "update"; id: number; body: string };

/** A fake of the GitHub and GitLab REST APIs' comment endpoints, on 127.0.0.1, port 0. */
export interface FakeForge {
  url: string;
  calls: ForgeCall[];
  comments: FakeComment[];
  /** Authorization values the requests carried (to check the token is sent). */
  tokens: Set<string>;
  close(): Promise<void>;
}

/**
 * Serves what the qac Action and GitLab template call: GitHub's issue comments (list with
 * `per_page`/`page`, create, update) under `/repos/...`, and GitLab's merge-request notes (list,
 * create, update) under `/api/v4/...`, for one pull request / merge request. Records every create
 * and update, so a test can count them.
 */
export async function startFakeForge(): Promise<FakeForge> {
  const app = Fastify();
  const comments: FakeComment[] = [];
  const calls: ForgeCall[] = [];
  const tokens = new Set<string>();
  let nextId = 1000;
  const page = (query: unknown) => {
    const q = query as { per_page?: string; page?: string };
    const size = Number(q.per_page ?? 30);
    const from = (Number(q.page ?? 1) - 1) * size;
    return comments.slice(from, from + size);
  };
  const create = (body: string) => {
    const comment = { id: nextId++, body };
    comments.push(comment);
    calls.push({ action: "create", id: comment.id, body });
    return comment;
  };
  const update = (id: number, body: string) => {
    const comment = comments.find((c) => c.id === id);
    if (!comment) return null;
    comment.body = body;
    calls.push({ action: "update", id, body });
    return comment;
  };
  app.addHook("onRequest", (request, _reply, done) => {
    tokens.add(String(request.headers.authorization ?? request.headers["private-token"] ?? ""));
    done();
  });
  const html = (c: FakeComment) => ({ ...c, html_url: `https://github.example/pr#issuecomment-${c.id}` });
  // GitHub
  app.get("/repos/:owner/:repo/issues/:issue/comments", (request, reply) => reply.send(page(request.query).map(html)));
  app.post("/repos/:owner/:repo/issues/:issue/comments", (request, reply) =>
    reply.code(201).send(html(create((request.body as { body: string }).body))),
  );
  app.patch("/repos/:owner/:repo/issues/comments/:id", (request, reply) => {
    const c = update(Number((request.params as { id: string }).id), (request.body as { body: string }).body);
    return c ? reply.send(html(c)) : reply.code(404).send({ message: "Not Found" });
  });
  // GitLab
  app.get("/api/v4/projects/:project/merge_requests/:iid/notes", (request, reply) => reply.send(page(request.query)));
  app.post("/api/v4/projects/:project/merge_requests/:iid/notes", (request, reply) =>
    reply.code(201).send(create((request.body as { body: string }).body)),
  );
  app.put("/api/v4/projects/:project/merge_requests/:iid/notes/:id", (request, reply) => {
    const c = update(Number((request.params as { id: string }).id), (request.body as { body: string }).body);
    return c ? reply.send(c) : reply.code(404).send({ message: "404 Not found" });
  });
  const url = await app.listen({ host: "127.0.0.1", port: 0 });
  return { url, calls, comments, tokens, close: () => app.close() };
}
