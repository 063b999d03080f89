import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";

/** A diagnostic as a language server publishes it. */
export interface LspDiagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  message: string;
  severity?: number;
}

type Message = { id?: number; method?: string; params?: unknown; result?: unknown; error?: unknown };

/**
 * A minimal Language Server Protocol client over stdio (Content-Length framing), enough to open
 * documents, collect `textDocument/publishDiagnostics` and ask for completions, as an editor does.
 * Requests from the server are answered: `workspace/configuration` with `settings(section)`, others with null.
 */
export class LspClient {
  private readonly child: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, (m: Message) => void>();
  private readonly diagnostics = new Map<string, LspDiagnostic[]>();
  private readonly waiters: (() => void)[] = [];

  constructor(
    command: string,
    args: readonly string[],
    private readonly settings: (section: string | undefined) => unknown,
  ) {
    this.child = spawn(command, args, { stdio: ["pipe", "pipe", "pipe"] });
    this.child.stdout.on("data", (chunk: Buffer) => this.receive(chunk));
  }

  private send(message: Message): void {
    const body = Buffer.from(JSON.stringify({ jsonrpc: "2.0", ...message }), "utf8");
    this.child.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`), body]));
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const end = this.buffer.indexOf("\r\n\r\n");
      if (end < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, end).toString())?.[1]);
      if (this.buffer.length < end + 4 + length) return;
      const message = JSON.parse(this.buffer.subarray(end + 4, end + 4 + length).toString("utf8")) as Message;
      this.buffer = this.buffer.subarray(end + 4 + length);
      this.handle(message);
    }
  }

  private handle(message: Message): void {
    if (message.id !== undefined && message.method === undefined) return this.pending.get(message.id)?.(message);
    if (message.id !== undefined) {
      const items = (message.params as { items?: { section?: string }[] } | undefined)?.items ?? [];
      const result = message.method === "workspace/configuration" ? items.map((i) => this.settings(i.section)) : null;
      return this.send({ id: message.id, result });
    }
    if (message.method === "textDocument/publishDiagnostics") {
      const { uri, diagnostics } = message.params as { uri: string; diagnostics: LspDiagnostic[] };
      this.diagnostics.set(uri, diagnostics);
      this.waiters.splice(0).forEach((wake) => wake());
    }
  }

  /** Sends a request and resolves with its result. */
  request<T>(method: string, params: unknown): Promise<T> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, (m) => (m.error ? reject(new Error(JSON.stringify(m.error))) : resolve(m.result as T)));
      this.send({ id, method, params });
    });
  }

  notify(method: string, params: unknown): void {
    this.send({ method, params });
  }

  /** The diagnostics published for `uri` once `done` accepts them (they may come in several rounds). */
  async diagnosticsFor(
    uri: string,
    done: (d: LspDiagnostic[]) => boolean,
    timeoutMs = 20_000,
  ): Promise<LspDiagnostic[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.diagnostics.get(uri);
      if (found && done(found)) return found;
      if (Date.now() > deadline) throw new Error(`no matching diagnostics for ${uri}: ${JSON.stringify(found)}`);
      await new Promise<void>((wake) => {
        this.waiters.push(wake);
        setTimeout(wake, 500);
      });
    }
  }

  close(): void {
    this.child.kill();
  }
}
