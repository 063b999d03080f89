/** A generated plan of `n` entries, each naming its own test, and the seed tests it refers to. */
export function generatePlan(n: number): { text: string; tests: { id: number; title: string; folder: string }[] } {
  const tests = Array.from({ length: n }, (_, i) => ({
    id: 100_000 + i,
    title: `Generated test ${String(i).padStart(5, "0")}`,
    folder: "Generated",
  }));
  const lines = [
    "version: 1",
    "project: Web Shop",
    "configurations:",
    '  chrome: "Chrome / Windows 11"',
    '  firefox: "Firefox / Ubuntu 24.04"',
    "releases:",
    "  b42: 2026.12 / RC1 / Build 42",
    "hosts:",
    "  win: build-agent-01",
    "  linux: build-agent-02",
    "routing:",
    "  rules:",
    "    - when: { configuration: firefox }",
    "      host: linux",
    "  fallback: win",
    "entries:",
  ];
  for (const [i, t] of tests.entries()) {
    lines.push(
      `  - key: e${i}`,
      `    test: "${t.title}"`,
      `    configurations: [${i % 2 ? "chrome" : "firefox"}]`,
      "    releases: b42",
      `    labels: [group${i % 10}]`,
    );
  }
  return { text: `${lines.join("\n")}\n`, tests };
}
