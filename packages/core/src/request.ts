import type { Dispatcher } from "undici";
import { QacCreateOutcomeUnknownError, QacError, type CoreErrorCode, type QacErrorContext } from "./errors.js";
import { ROUTES, type Route, type RouteParams, type RouteResponse } from "./endpoints.js";
import { buildPath } from "./build-path.js";
import { header, mapHttpError, readServerMessage } from "./http-error.js";
import type { ResolvedOptions } from "./options.js";
import { isRetryable, newRetryState, retryDelay, waitUnlessAborted } from "./retry.js";
import type { ServerClock } from "./server-clock.js";
import type { StatsCounter } from "./stats.js";
import { failedBeforeSending, send } from "./transport.js";
import { validateResponse } from "./validate-response.js";

/** The generic call: params and response are inferred from the endpoint key. */
export type RequestFn = <K extends Route>(route: K, params: RouteParams<K>) => Promise<RouteResponse<K>>;

/** What {@link createRequest} needs besides the options; the credentials stay in the caller's closure. */
export interface RequestDeps {
  options: ResolvedOptions;
  dispatcher: Dispatcher;
  authorization: string;
  /** Removes credentials from text that came from the server before it is put in an error. */
  scrub: (text: string) => string;
  stats: StatsCounter;
  /** Learns the server's time from each answer's `Date` header. */
  clock: ServerClock;
}

const SERVER_ID_HEADERS = ["x-request-id", "request-id", "x-correlation-id", "x-ms-request-id"];
const USER_AGENT = "qac-core/0.1.0";

type Loose = { path?: Record<string, unknown>; query?: Record<string, unknown>; body?: unknown };

/**
 * Builds the client's one `request(route, params)`: URL, auth, timeout, retries, error mapping, validation, stats, log.
 */
export function createRequest(deps: RequestDeps): RequestFn {
  const { options, dispatcher, authorization, scrub, stats, clock } = deps;
  return async function request<K extends Route>(route: K, params: RouteParams<K>): Promise<RouteResponse<K>> {
    const meta = ROUTES[route];
    const space = route.indexOf(" ");
    const method = route.slice(0, space);
    const loose = params as Loose;
    const path = options.servicePath + buildPath(route.slice(space + 1), loose.path, loose.query);
    const bodyText =
      loose.body === undefined
        ? method === "GET" || method === "DELETE"
          ? undefined
          : ""
        : JSON.stringify(loose.body);

    const spent = newRetryState();
    for (let attempt = 1; ; attempt += 1) {
      const requestId = options.requestId();
      const context: QacErrorContext = { method, path, requestId, attempt };
      const headers: Record<string, string> = {
        authorization,
        accept: "application/json",
        "x-request-id": requestId,
        "user-agent": USER_AGENT,
      };
      if (bodyText !== undefined) headers["content-type"] = "application/json";
      const started = options.now();
      stats.record(route);
      let error: QacError;
      let status: number | null = null;
      try {
        const response = await send(
          dispatcher,
          {
            origin: options.origin,
            path,
            method,
            headers,
            body: bodyText,
            timeoutMs: options.timeoutMs,
            maxBytes: options.maxResponseBytes,
          },
          context,
          scrub,
        );
        status = response.status;
        clock.observe(header(response.headers, "date"), options.wallClock());
        const serverRequestId = SERVER_ID_HEADERS.map((name) => header(response.headers, name)).find(
          (v) => v !== undefined && v !== requestId,
        );
        const answered: QacErrorContext = {
          ...context,
          status,
          ...(serverRequestId === undefined ? {} : { serverRequestId }),
        };
        if (status >= 200 && status < 300) {
          const body = validateResponse(response.text, meta, answered, scrub);
          log(route, context, status, started);
          return body as RouteResponse<K>;
        }
        const message = readServerMessage(response.text);
        error = mapHttpError(
          response,
          message === undefined ? answered : { ...answered, serverMessage: scrub(message) },
          options.wallClock(),
        );
      } catch (caught) {
        if (!(caught instanceof QacError)) throw caught;
        error = caught;
      }
      const delay = isRetryable(error, meta, failedBeforeSending(error))
        ? retryDelay(error, spent, options.retry, options.wallClock())
        : null;
      log(route, context, status, started, error.code, delay);
      // Aborted while waiting: the last failure stands (a 429 or an unsent request did nothing).
      if (delay === null || !(await waitUnlessAborted(delay, options.retry.sleep, options.signal))) {
        if (meta.creates && outcomeUnknown(error)) throw new QacCreateOutcomeUnknownError(error, loose.body ?? null);
        throw error;
      }
    }
  };

  function log(
    route: string,
    ctx: QacErrorContext,
    status: number | null,
    started: number,
    errorCode?: CoreErrorCode,
    retryInMs?: number | null,
  ): void {
    if (options.log === undefined) return;
    const event = {
      method: ctx.method ?? "",
      route,
      path: ctx.path ?? "",
      status,
      durationMs: options.now() - started,
      attempt: ctx.attempt ?? 1,
      requestId: ctx.requestId ?? "",
    };
    try {
      options.log({
        ...event,
        ...(errorCode === undefined ? {} : { errorCode }),
        ...(retryInMs == null ? {} : { retryInMs }),
      });
    } catch {
      // A failing log hook must not turn a successful call into a failure.
    }
  }
}

/**
 * Whether a failed create may have created the run anyway. 4xx answers (and a 429, see retry.ts)
 * mean the server refused; a request that never left did nothing. Everything else (timeout, reset
 * after sending, 5xx, a 2xx body we could not read) leaves the outcome unknown.
 */
function outcomeUnknown(error: QacError): boolean {
  if (error.code === "CORE_NETWORK") return !failedBeforeSending(error);
  return error.code === "CORE_TIMEOUT" || error.code === "CORE_SERVER" || error.code === "CORE_INVALID_RESPONSE";
}
