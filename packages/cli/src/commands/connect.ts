import { hostname } from "node:os";
import { dirname, join, resolve } from "node:path";
import { InvalidArgumentError, type Command } from "commander";
import type { QacClient } from "@qac/core";
import type { Diagnostic, ResolvedPlan } from "@qac/planner";
import type { LedgerStore, LeaseProvider, RunTestCache } from "@qac/runner";
import { useColor } from "../cli-io.js";
import { CliError } from "../errors.js";
import { collectPatterns } from "./collect-patterns.js";
import type { CommandContext } from "../run-cli.js";

/** Flags shared by `plan`, `apply` and `wait`. */
export interface ConnectionFlags {
  url?: string;
  user?: string;
  passwordStdin?: boolean;
  project?: string;
  oncePer?: string;
  stateFile?: string;
  statusUrl?: string;
  only?: string[];
  exclude?: string[];
  strictWarnings?: boolean;
}

/** Adds `--url`, `--user`, `--password-stdin` and `--project` (no password flag: it would show in `ps`). */
export function addConnectionOptions(command: Command): Command {
  return command
    .option("--url <url>", "QAComplete server root (default: $QAC_URL)")
    .option("--user <email>", "QAComplete login (default: $QAC_USER)")
    .option("--password-stdin", "read the password from standard input (default: $QAC_PASSWORD)")
    .option("--project <id|name>", "QAComplete project, instead of (or for a plan without) `project:`");
}

/** Adds `--once-per`, `--state-file`, `--status-url` and the selection flags. */
export function addPlanOptions(command: Command): Command {
  return command
    .option(
      "--once-per <id>",
      "apply identity (commit SHA, pipeline id): a run an earlier apply with this id created counts as done, even when finished",
    )
    .option("--state-file <file>", "where --once-per records are kept without a status server", ".qac/state.json")
    .option(
      "--status-url <url>",
      "status server for --once-per records and leases (default: $QAC_STATUS_URL; token: $QAC_STATUS_TOKEN)",
    )
    .option(
      "--only <pattern>",
      "keep runs matching a key, label (label:NAME) or glob; repeat or comma-separate",
      collectPatterns,
      [],
    )
    .option(
      "--exclude <pattern>",
      "leave out runs matching a key, label or glob; repeat or comma-separate",
      collectPatterns,
      [],
    )
    .option("--strict-warnings", "treat warnings (closed release, test without automation) as errors: exit 3");
}

/** Parses `30m`, `90s`, `1h`, `1500ms` or plain seconds into ms. */
export function parseDuration(raw: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(raw.trim());
  if (!m) throw new InvalidArgumentError(`expected a duration such as 30m, 90s or 1h, got ${JSON.stringify(raw)}.`);
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[(m[2] ?? "s") as "ms" | "s" | "m" | "h"];
  return Math.round(Number(m[1]) * unit);
}

/** Parses a positive whole number flag. */
export const positiveInt = (raw: string): number => {
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > 1000)
    throw new InvalidArgumentError("must be a whole number from 1 to 1000.");
  return Number(raw);
};

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** How long a command lets the client wait out 429s: until its deadline, or until `signal` aborts (Ctrl-C). */
export interface ConnectLimits {
  signal?: AbortSignal;
  /** Epoch ms: the command's own deadline (`--timeout`). */
  deadline?: number;
  /** Total 429 waiting per request. @default Infinity (until the deadline or Ctrl-C) */
  rateLimitWaitMs?: number;
}

/**
 * Creates the QAComplete client from flags or QAC_URL / QAC_USER / QAC_PASSWORD; names what is
 * missing, never echoes a secret. A 429 is never fatal: the client waits it out in every phase
 * (resolve, observe, create, wait) until the command's deadline or Ctrl-C.
 */
export async function connect(
  flags: ConnectionFlags,
  ctx: CommandContext,
  limits: ConnectLimits = {},
): Promise<QacClient> {
  const env = ctx.io.env;
  const url = flags.url ?? env["QAC_URL"];
  const user = flags.user ?? env["QAC_USER"];
  const io = ctx.io as CommandContext["io"] & { readStdin?: () => Promise<string> };
  const password = flags.passwordStdin
    ? (await (io.readStdin ?? readStdin)()).replace(/\r?\n$/, "")
    : env["QAC_PASSWORD"];
  const missing = [
    !url && "the server (--url or QAC_URL)",
    !user && "the login (--user or QAC_USER)",
    !password && "the password (--password-stdin or QAC_PASSWORD)",
  ].filter(Boolean);
  if (missing.length) throw new CliError("CLI_USAGE", `cannot connect to QAComplete: missing ${missing.join(", ")}.`);
  const { createClient } = await import("@qac/core");
  return createClient({
    baseUrl: url!,
    username: user!,
    password: password!,
    ...(limits.signal ? { signal: limits.signal } : {}),
    retry: {
      rateLimitWaitMs: limits.rateLimitWaitMs ?? Infinity,
      ...(limits.deadline === undefined ? {} : { deadline: limits.deadline }),
    },
  });
}

/**
 * Loads, validates and resolves one plan file; prints diagnostics (and adds them to `sink`, for
 * renderers such as the pull-request comment) and returns null when it is invalid.
 */
export async function resolveFile(
  file: string,
  flags: ConnectionFlags,
  client: QacClient,
  ctx: CommandContext,
  sink?: Diagnostic[],
): Promise<ResolvedPlan | null> {
  const { loadPlan, resolvePlan, checkAutomations, formatDiagnostic } = await import("@qac/planner");
  const color = useColor(ctx.io.stderr, ctx.io.env);
  const selection = { only: flags.only ?? [], exclude: flags.exclude ?? [] };
  // --project stands in for a missing `project:` and overrides one that is there.
  const project = flags.project === undefined ? {} : { project: projectRef(flags.project) };
  const loaded = await loadPlan(file, { cwd: ctx.io.cwd, env: ctx.io.env, ...project });
  const print = (ds: readonly Diagnostic[]) =>
    ds.forEach((d) => (sink?.push(d), ctx.io.stderr.write(`${formatDiagnostic(d, { color })}\n`)));
  if (!loaded.ok) return (print(loaded.diagnostics), null);
  const resolved = await resolvePlan(loaded.plan, client, { selection });
  // Will the runs ever start? Automated runs of tests without an automation never do.
  const automation = resolved.ok ? await checkAutomations(resolved.resolved, client) : { diagnostics: [] };
  const found = [...resolved.diagnostics, ...automation.diagnostics];
  // --strict-warnings: every warning is an error, so the plan is invalid (exit 3) and nothing is applied.
  const strict = flags.strictWarnings === true && found.some((d) => d.severity === "warning");
  print(strict ? found.map((d) => ({ ...d, severity: "error" as const })) : found);
  return resolved.ok && !strict ? resolved.resolved : null;
}

/** A `--project` value: digits are an id, anything else a name. */
export const projectRef = (raw: string): string | number => (/^\d+$/.test(raw) ? Number(raw) : raw);

/** The `--once-per` ledger and the lease: the status server's when configured, local files otherwise. */
export async function stores(
  flags: ConnectionFlags,
  ctx: CommandContext,
): Promise<{ ledger: LedgerStore; lease: LeaseProvider; runTests: RunTestCache; statusUrl: string | null }> {
  const runner = await import("@qac/runner");
  const statusUrl = flags.statusUrl ?? ctx.io.env["QAC_STATUS_URL"] ?? null;
  const stateFile = resolve(ctx.io.cwd, flags.stateFile ?? ".qac/state.json");
  // Which test a single-test run runs: a local cache either way (it only saves item reads),
  // scoped to the server, whose run ids mean nothing on another one.
  const runTests = runner.createLocalRunTestCache(join(dirname(stateFile), "run-tests.json"), {
    scope: flags.url ?? ctx.io.env["QAC_URL"] ?? "",
  });
  // Records always go to the local state file too: they survive a status server that is down,
  // and are sent to it when it answers again.
  const local = runner.createLocalLedger(stateFile);
  const notice = (message: string) => ctx.io.stderr.write(`note: ${message}\n`);
  if (statusUrl) {
    const status = runner.createStatusClient({ url: statusUrl, token: ctx.io.env["QAC_STATUS_TOKEN"] });
    return {
      ledger: runner.createDurableLedger(local, { url: status.url, store: status.ledger }, notice),
      lease: runner.createStatusLeaseProvider(status, { holder: holder(ctx) }),
      runTests,
      statusUrl,
    };
  }
  return {
    ledger: runner.createDurableLedger(local, null, notice),
    lease: runner.createLocalLeaseProvider({ dir: join(dirname(stateFile), "locks"), holder: holder(ctx) }),
    runTests,
    statusUrl: null,
  };
}

function holder(ctx: CommandContext) {
  const env = ctx.io.env;
  const job = env["GITHUB_JOB"] ? `${env["GITHUB_RUN_ID"] ?? ""}/${env["GITHUB_JOB"]}` : env["CI_JOB_ID"];
  // The host must be os.hostname(): the local lock checks PID liveness only for holders on this machine.
  return { name: "qac apply", pid: process.pid, host: hostname(), ...(job ? { ciJob: job } : {}) };
}
