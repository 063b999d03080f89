import type { TestRun, TestRunItem } from "@qac/core";

/** Options of {@link renderJunit}. */
export interface JunitOptions {
  /** Name of the `<testsuites>` element, e.g. the plan name. @default "qac" */
  name?: string;
}

/* eslint-disable no-control-regex -- these are the characters it removes */
const DROPPED =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
/* eslint-enable no-control-regex */

/**
 * Escapes text for XML content and attribute values; drops characters XML 1.0 cannot carry or
 * discourages (C1 controls, which a terminal acts on when the file is shown) and the
 * bidirectional controls that reorder what a report viewer shows (U+202E and friends). Line breaks
 * and tabs become character references, so a value stays on its line of the file (a `cat` of the
 * report in a CI log cannot start a `::error` line) and keeps its text when parsed.
 */
function xmlEscape(text: string): string {
  return text
    .replace(DROPPED, "")
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&apos;")
    .replaceAll("\n", "&#10;")
    .replaceAll("\r", "&#13;")
    .replaceAll("\t", "&#9;");
}

const attrs = (values: Record<string, string | number>) =>
  Object.entries(values)
    .map(([k, v]) => ` ${k}="${xmlEscape(String(v))}"`)
    .join("");

/** What one item's status becomes in JUnit: passed, failure, skipped (not run). */
function verdict(status: string): "passed" | "failure" | "skipped" {
  if (status === "Passed") return "passed";
  if (status === "Failed" || status === "Blocked") return "failure";
  return "skipped";
}

/**
 * JUnit XML for CI systems: one `<testsuite>` per run, one `<testcase>` per run item (test name,
 * configuration, release, host, status, duration). Failed and Blocked items are failures;
 * Skipped and unfinished (Awaiting Run) items are skipped. Follows the common JUnit schema
 * (testsuite needs name, tests, failures and errors; times are seconds).
 */
export function renderJunit(
  runs: readonly TestRun[],
  items: ReadonlyMap<number, readonly TestRunItem[]>,
  options: JunitOptions = {},
): string {
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  let time = 0;
  for (const run of runs) {
    const list = items.get(run.id) ?? [];
    const title = run.test_set_name || list[0]?.test_name || `run ${run.id}`;
    const cases = list.map((item) => {
      const status = item.status_code ?? "Awaiting Run";
      const v = verdict(status);
      const props = [
        `configuration: ${run.configuration_name || "-"}`,
        `release: ${run.release_name || "-"}`,
        `host: ${item.test_host || run.test_host || "-"}`,
        `status: ${status}`,
        `run: ${run.id}`,
      ]
        .map(xmlEscape)
        .join("\n");
      const body =
        v === "failure"
          ? `<failure${attrs({ type: status, message: `${status} in run ${run.id}` })}/>`
          : v === "skipped"
            ? `<skipped${attrs({ message: status })}/>`
            : "";
      const caseAttrs = attrs({
        name: item.test_name ?? `test ${item.test_id}`,
        classname: `${title}.${run.configuration_name || "default"}`,
        time: item.run_time ?? 0,
      });
      return `    <testcase${caseAttrs}>${body}<system-out>${props}</system-out></testcase>`;
    });
    const failed = list.filter((i) => verdict(i.status_code ?? "") === "failure").length;
    const skipped = list.filter((i) => verdict(i.status_code ?? "") === "skipped").length;
    const seconds = list.reduce((n, i) => n + (i.run_time ?? 0), 0);
    tests += list.length;
    failures += failed;
    time += seconds;
    const name = [title, run.configuration_name, run.release_name, run.test_host].filter(Boolean).join(" · ");
    const suiteAttrs = attrs({
      name: `${name} (run ${run.id})`,
      tests: list.length,
      failures: failed,
      errors: 0,
      skipped,
      time: seconds,
      id: run.id,
      hostname: run.test_host || "none",
    });
    suites.push(
      `  <testsuite${suiteAttrs}>\n` +
        `    <properties>${[
          ["qac.runId", run.id],
          ["qac.status", run.status_code],
          ["configuration", run.configuration_name ?? ""],
          ["release", run.release_name ?? ""],
          ["host", run.test_host ?? ""],
        ]
          .map(([n, v]) => `<property${attrs({ name: n!, value: v! })}/>`)
          .join("")}</properties>\n` +
        `${cases.join("\n")}${cases.length ? "\n" : ""}  </testsuite>`,
    );
  }
  const rootAttrs = attrs({ name: options.name ?? "qac", tests, failures, errors: 0, time });
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites${rootAttrs}>\n` +
    `${suites.join("\n")}${suites.length ? "\n" : ""}</testsuites>\n`
  );
}
