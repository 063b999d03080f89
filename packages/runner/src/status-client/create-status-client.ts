import {
  newRetryState,
  parseRetryAfter,
  resolveRetry,
  retryDelay,
  waitUnlessAborted,
  type RetryFailure,
  type RetryOptions,
} from "@qac/core";
import { RunnerError } from "../errors.js";
import type { LedgerStore } from "../ledger/ledger-store.js";
import type { StatusLease, StatusLeaseRequest } from "@qac/schemas";

/** Options of {@link createStatusClient}. */
export interface StatusClientOptions {
  /** Status server root, e.g. `http://127.0.0.1:8790`. */
  url: string;
  /** Bearer token for writes (`QAC_STATUS_TOKEN`); never logged. */
  token?: string | undefined;
  /** Per-request deadline. @default 10000 */
  timeoutMs?: number;
  /**
   * Retries, with `@qac/core`'s policy (the one retry owner): 429s are waited out, a server that
   * is down (connection refused, 502/503/504) is tried again for about half a minute, so a status
   * server restarted during an apply loses no record. @default RETRY_DEFAULTS
   */
  retry?: RetryOptions | false;
  /** Aborting it (Ctrl-C) ends every wait between attempts; the last failure is thrown. */
  signal?: AbortSignal;
  fetch?: typeof fetch;
}

// The lease and its request as the status server returns and takes them
// (schemas/status-api/lease.schema.json, lease-request.schema.json).
export type { StatusLease, StatusLeaseRequest };

/** The HTTP client of the status server (contract: /api/v1 applies, ledger, leases). */
export interface StatusClient {
  readonly url: string;
  /** `POST /api/v1/applies`: stores an apply report; returns its id. */
  postApply(report: unknown): Promise<{ id: string }>;
  /** The `--once-per` ledger kept by the server. */
  ledger: LedgerStore;
  /** `POST /api/v1/leases`: the lease, or the current holder's lease when it is held (409). */
  acquireLease(
    body: StatusLeaseRequest,
  ): Promise<{ ok: true; lease: StatusLease } | { ok: false; lease: StatusLease | null }>;
  /** `PUT /api/v1/leases/:id`; false when it expired or was broken (404/410). */
  renewLease(id: string, ttlSeconds: number): Promise<boolean>;
  /** `DELETE /api/v1/leases/:id`. */
  releaseLease(id: string): Promise<void>;
}

/** Why a request got no answer, in words (fetch itself only says "fetch failed"). */
function describeFetchFailure(error: unknown, timeoutMs: number): string {
  const e = error as { name?: string; message?: string; cause?: { code?: string } } | null;
  if (e?.name === "TimeoutError") return `no answer within ${timeoutMs} ms; is the status server overloaded?`;
  const code = e?.cause?.code;
  if (code === "ECONNREFUSED")
    return "connection refused (ECONNREFUSED); is the status server (qac serve) running at this address?";
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return `unknown host (${code}); check the status server URL.`;
  return code ? `${e?.message ?? "network error"} (${code})` : (e?.message ?? String(error));
}

/**
 * Creates the status server client. Errors are `RUNNER_STATUS_SERVER` with the method, path and
 * status; the token never appears in them.
 */
export function createStatusClient(options: StatusClientOptions): StatusClient {
  let base: URL;
  try {
    base = new URL(options.url);
  } catch {
    throw new RunnerError(
      "RUNNER_INVALID_ARGUMENT",
      `--status-url ${JSON.stringify(options.url)} is not a URL; expected e.g. http://127.0.0.1:8790`,
      {},
    );
  }
  const root = base.origin + base.pathname.replace(/\/+$/, "");
  const doFetch = options.fetch ?? fetch;
  const retry = resolveRetry(options.retry);
  const timeoutMs = options.timeoutMs ?? 10_000;
  /** One attempt: the answer, or why there is none and whether repeating it is safe. */
  const attempt = async (
    method: string,
    path: string,
    body: unknown,
  ): Promise<{ response: Response; text: string } | { error: unknown; notSent: boolean }> => {
    const headers: Record<string, string> = { accept: "application/json" };
    if (body !== undefined) headers["content-type"] = "application/json";
    if (options.token) headers["authorization"] = `Bearer ${options.token}`;
    try {
      const response = await doFetch(`${root}${path}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
      return { response, text: await response.text() };
    } catch (error) {
      const code = (error as { cause?: { code?: string } } | null)?.cause?.code;
      return { error, notSent: code === "ECONNREFUSED" || code === "ENOTFOUND" || code === "EAI_AGAIN" };
    }
  };
  /**
   * A request with retries. `idempotent` requests are repeated after any transient failure; the
   * others (storing an apply report) only when the server surely did nothing: a 429, or a
   * connection refused before anything was sent.
   */
  const call = async (
    method: string,
    path: string,
    body?: unknown,
    accept: number[] = [],
    idempotent = true,
    waitOutRateLimits = true,
  ): Promise<{ status: number; json: unknown }> => {
    const state = newRetryState();
    for (;;) {
      const result = await attempt(method, path, body);
      let failure: RetryFailure | null = null;
      let error: RunnerError;
      if ("error" in result) {
        error = new RunnerError(
          "RUNNER_STATUS_SERVER",
          `${method} ${root}${path} failed: ${describeFetchFailure(result.error, timeoutMs)}`,
          { method, path },
          { cause: result.error },
        );
        if (idempotent || result.notSent) failure = { rateLimited: false };
      } else {
        const { response, text } = result;
        let json: unknown = null;
        try {
          json = text ? JSON.parse(text) : null;
        } catch {
          json = null;
        }
        if (response.ok || accept.includes(response.status)) return { status: response.status, json };
        const message = (json as { error?: { message?: string } } | null)?.error?.message ?? text.slice(0, 200);
        error = new RunnerError(
          "RUNNER_STATUS_SERVER",
          `${method} ${root}${path} answered ${response.status}: ${message}`,
          { method, path, status: response.status },
        );
        if (response.status === 429 && waitOutRateLimits)
          failure = {
            rateLimited: true,
            retryAfterMs: parseRetryAfter(response.headers.get("retry-after") ?? undefined),
          };
        else if (idempotent && [502, 503, 504].includes(response.status)) failure = { rateLimited: false };
      }
      const delay = failure === null ? null : retryDelay(failure, state, retry, Date.now());
      if (delay === null || !(await waitUnlessAborted(delay, retry.sleep, options.signal))) throw error;
    }
  };
  const enc = encodeURIComponent;
  return {
    url: root,
    async postApply(report) {
      // Not idempotent: a lost answer must not store the report twice.
      const { json } = await call("POST", "/api/v1/applies", report, [], false);
      const id = (json as { id?: unknown } | null)?.id;
      return { id: typeof id === "string" || typeof id === "number" ? String(id) : "" };
    },
    ledger: {
      async read(projectId, applyIdentity) {
        const { json } = await call("GET", `/api/v1/ledger/${enc(applyIdentity)}?project=${projectId}`);
        type Wire = { identity: string; runId: number | null; intentAt?: string | null };
        const entries = (json as { entries?: Wire[] } | null)?.entries ?? [];
        return Object.fromEntries(entries.map((e) => [e.identity, { runId: e.runId, intentAt: e.intentAt ?? null }]));
      },
      async record(projectId, applyIdentity, entries) {
        if (entries.length === 0) return;
        const { status, json } = await call(
          "POST",
          `/api/v1/ledger/${enc(applyIdentity)}`,
          { project: projectId, entries },
          [409],
        );
        if (status === 409)
          throw new RunnerError(
            "RUNNER_LEDGER_CONFLICT",
            `the status server already records a different run for one of these runs under --once-per ` +
              `${applyIdentity}: ${JSON.stringify(json)}`,
            { applyIdentity },
          );
      },
    },
    async acquireLease(body) {
      // A 429 here means "not now", like a held lease: the lease provider keeps trying on its own clock.
      const { status, json } = await call("POST", "/api/v1/leases", body, [409], true, false);
      if (status === 409) return { ok: false, lease: (json as { lease?: StatusLease } | null)?.lease ?? null };
      return { ok: true, lease: json as StatusLease };
    },
    async renewLease(id, ttlSeconds) {
      const { status } = await call("PUT", `/api/v1/leases/${enc(id)}`, { ttlSeconds }, [404, 410]);
      return status === 200;
    },
    async releaseLease(id) {
      await call("DELETE", `/api/v1/leases/${enc(id)}`, undefined, [404, 410]);
    },
  };
}
