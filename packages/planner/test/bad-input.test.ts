import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { formatDiagnostic, loadPlan, MAX_DIAGNOSTICS, type Diagnostic } from "../src/index.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "qac-bad-"));
});

async function fileDiagnostics(name: string, bytes: string | Uint8Array, maxBytes?: number): Promise<Diagnostic[]> {
  const path = join(dir, name);
  await writeFile(path, bytes);
  const result = await loadPlan(path, { env: {}, ...(maxBytes ? { maxBytes } : {}) });
  return result.diagnostics;
}

const brief = (ds: Diagnostic[]) => ds.map((d) => `${d.severity} ${d.code} ${d.line}:${d.column}`);
const valid =
  "version: 1\nproject: Web Shop\nhosts: { win: build-agent-01 }\nentries:\n  - { test: 3121, host: win }\n";

describe("bad input gets one clear diagnostic, never a throw", () => {
  it("a missing file", async () => {
    const result = await loadPlan(join(dir, "nope.yaml"));
    expect(brief(result.diagnostics)).toEqual(["error PLAN_FILE_NOT_FOUND 1:1"]);
  });

  it("a directory", async () => {
    const result = await loadPlan(dir);
    expect(result.diagnostics[0]).toMatchObject({ code: "PLAN_NOT_A_FILE" });
    expect(result.diagnostics[0]!.message).toContain("is a directory");
  });

  it("a file over the size cap, refused before parsing", async () => {
    const ds = await fileDiagnostics("huge.yaml", "#".repeat(2048), 1024);
    expect(brief(ds)).toEqual(["error PLAN_FILE_TOO_LARGE 1:1"]);
    expect(ds[0]!.message).toMatch(/over the 0\.0 MiB limit/);
  });

  it("a file with too many values for its size, refused before parsing (bounded memory)", async () => {
    const ds = await fileDiagnostics("dense.yaml", `x: [${"1,".repeat(300_000)}1]\n`);
    expect(brief(ds)).toEqual(["error PLAN_FILE_TOO_LARGE 1:1"]);
    expect(ds[0]!.message).toContain("more than 250,000 lines and values");
  });

  it("bytes that are not UTF-8, located at the bad byte", async () => {
    const ds = await fileDiagnostics(
      "latin1.yaml",
      Buffer.concat([Buffer.from("version: 1\nproject: Caf"), Buffer.from([0xe9]), Buffer.from("\n")]),
    );
    expect(brief(ds)).toEqual(["error PLAN_ENCODING 2:13"]);
    expect(ds[0]!.message).toContain("0xe9");
  });

  it("UTF-16 text", async () => {
    const ds = await fileDiagnostics(
      "utf16.yaml",
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("version: 1", "utf16le")]),
    );
    expect(brief(ds)).toEqual(["error PLAN_ENCODING 1:1"]);
  });

  it("a UTF-8 byte order mark is a warning; the plan still loads", async () => {
    const path = join(dir, "bom.yaml");
    await writeFile(path, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(valid)]));
    const result = await loadPlan(path, { env: {} });
    expect(result.ok).toBe(true);
    expect(brief(result.diagnostics)).toEqual(["warning PLAN_BOM 1:1"]);
  });

  it("tabs used for indentation", async () => {
    const ds = await fileDiagnostics("tabs.yaml", "version: 1\nproject: Web Shop\nentries:\n\t- test: 1\n");
    expect(ds.some((d) => d.code === "PLAN_TAB" && d.line === 4 && d.column === 1)).toBe(true);
  });

  it("malformed YAML", async () => {
    const ds = await fileDiagnostics("broken.yaml", "version: 1\nproject: [Web Shop\nentries: {\n");
    expect(ds.length).toBeGreaterThan(0);
    expect(ds.every((d) => d.code === "PLAN_YAML" && d.line >= 1)).toBe(true);
  });

  it("an alias bomb, in bounded time", async () => {
    const lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 0; i < 12; i++)
      lines.push(
        `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10)
          .fill(`*${String.fromCharCode(97 + i)}`)
          .join(", ")}]`,
      );
    const started = Date.now();
    const ds = await fileDiagnostics("bomb.yaml", lines.join("\n") + "\n");
    expect(Date.now() - started).toBeLessThan(5000);
    expect(ds.map((d) => d.code)).toContain("PLAN_ALIAS_LIMIT");
  });

  it("nesting too deep for the parser, with the flood of follow-on errors summarised", async () => {
    const ds = await fileDiagnostics("deep.yaml", "[".repeat(100_000));
    expect(ds.length).toBeLessThanOrEqual(21);
    expect(ds[0]!.message).toContain("nests too deeply");
    expect(ds.at(-1)!.message).toMatch(/^\d+ more syntax errors follow/);
  });

  it("wrong types and unknown keys", async () => {
    const ds = await fileDiagnostics("types.yaml", "version: '1'\nproject: [1]\nentrys: []\n");
    expect(brief(ds.filter((d) => d.severity === "error"))).toEqual([
      "error PLAN_SCHEMA 1:10",
      "error PLAN_SCHEMA 2:10",
      "error PLAN_UNKNOWN_KEY 3:1",
    ]);
    expect(ds.find((d) => d.code === "PLAN_UNKNOWN_KEY")!.message).toContain('did you mean "entries"');
  });

  it("a value of a type YAML has but a plan does not (`!!binary`)", async () => {
    const ds = await fileDiagnostics("binary.yaml", "version: 1\nproject: !!binary aGVsbG8=\n");
    expect(ds.find((d) => d.code === "PLAN_SCHEMA")!.message).toContain("found binary data (`!!binary`)");
  });

  it("a whole plan of a type YAML has but a plan does not (`!!binary`, `!!set`), found by the fuzz test", async () => {
    for (const text of [
      "!!binary ",
      "!!binary aGVsbG8=\n",
      "!!set {version, project}\n",
      "!!omap [ {version: 1} ]\n",
    ]) {
      const result = await loadPlan({ text, file: "odd.yaml" }, { env: {} });
      expect(result.ok, text).toBe(false);
      expect(
        result.diagnostics.filter((d) => d.severity === "error").map((d) => d.code),
        text,
      ).toContain("PLAN_SCHEMA");
    }
  });

  it("duplicate keys", async () => {
    const ds = await fileDiagnostics("dup.yaml", "version: 1\nproject: Web Shop\nproject: Web Shop\n");
    expect(brief(ds).filter((d) => d.startsWith("error"))).toEqual(["error PLAN_DUPLICATE_KEY 3:1"]);
  });

  it("an empty file, a list and several documents", async () => {
    expect(brief(await fileDiagnostics("empty.yaml", ""))).toEqual(["error PLAN_EMPTY 1:1"]);
    expect((await fileDiagnostics("list.yaml", "- 1\n- 2\n")).map((d) => d.code)).toContain("PLAN_SCHEMA");
    expect((await fileDiagnostics("docs.yaml", "version: 1\n---\nversion: 1\n")).map((d) => d.code)).toContain(
      "PLAN_YAML",
    );
  });

  it("130,000 keys in a mapping: linear time, no stack overflow, first problems shown, rest counted", async () => {
    const keys = Array.from({ length: 130_000 }, (_, i) => `k${i}: 1\n`).join("");
    const ds = await fileDiagnostics("wide.yaml", `version: 1\nproject: Web Shop\n${keys}k7: 2\n`);
    expect(ds).toHaveLength(MAX_DIAGNOSTICS + 1);
    expect(ds.slice(0, 3).map((d) => `${d.code} ${d.line}:${d.column}`)).toEqual([
      "PLAN_EMPTY_EXPANSION 1:1",
      "PLAN_UNKNOWN_KEY 3:1",
      "PLAN_UNKNOWN_KEY 4:1",
    ]);
    // `k7` (line 10) is reported where it is written last, so the 100 shown end at line 102.
    expect(ds.at(-1)).toMatchObject({ code: "PLAN_TOO_MANY_PROBLEMS", severity: "error", line: 103, column: 1 });
    expect(ds.at(-1)!.message).toBe(
      "129902 errors more, from here on, are not shown; fix the ones above and validate again",
    );
  }, 60_000);

  it("a 200 KB line: diagnostics keep 500 characters of it, excerpts 200, the caret under the problem", async () => {
    const labels = "x,".repeat(100_000);
    const ds = await fileDiagnostics(
      "wide-line.yaml",
      `version: 1\nproject: Web Shop\nhosts: { w: h }\nentries: [{ labels: [${"y,".repeat(150)}], test: 1, host: v ` +
        `}, { test: 2, labels: [${labels}], hots: w }]\n`,
    );
    // The second entry has no host (its `hots` is a typo): that is reported too, at the entry.
    expect(ds.map((d) => d.code)).toEqual(["PLAN_UNKNOWN_REF", "PLAN_NO_HOST", "PLAN_UNKNOWN_KEY"]);
    const [near, , far] = ds as [Diagnostic, Diagnostic, Diagnostic];
    expect(far.column).toBeGreaterThan(200_000);
    expect(far.sourceLine).toBeUndefined();
    expect(near.sourceLine).toHaveLength(500);
    const [, excerpt, caret] = formatDiagnostic(near).split("\n") as [string, string, string];
    expect(excerpt.length).toBeLessThan(220);
    expect(excerpt.slice(caret.indexOf("^"), caret.lastIndexOf("^") + 1)).toBe("v");
    expect(JSON.stringify(ds).length).toBeLessThan(2_000);
  });

  it("a list or mapping used as a key: one diagnostic at the key, no process warning", async () => {
    const warn = vi.spyOn(process, "emitWarning");
    const ds = await fileDiagnostics("complex-key.yaml", "version: 1\nproject: Web Shop\n? [a, b]\n: 1\n");
    expect(brief(ds)).toEqual(["error PLAN_YAML 3:3"]);
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
  });
});
