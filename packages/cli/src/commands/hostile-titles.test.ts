import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_SEED_PATH, loadSeedFile, startSimulator, type Simulator } from "@qac/simulator";
import type { CliIo } from "../cli-io.js";
import { runCli } from "../run-cli.js";

/** A title someone with edit rights in QAComplete could write: OSC, CSI, BEL, CR, NUL, bidi, a workflow command. */
const HOSTILE =
  "Log in\u001b]0;pwned\u0007 \u001b[2J\u001b[31mred ok\rFAKE nul\u0000 \u202eabc \u009b31m " +
  "[x](https://evil.example) @octocat\n::error title=injected::owned";

const PLAN = `version: 1
project: 1001
configurations: { chrome: { id: 801 } }
releases: { b42: { id: 904 } }
hosts: { win: { id: 101 } }
defaults: { releases: b42, host: win }
entries:
  - test: 3101
    configurations: [chrome]
  - testSet: 6101
    configurations: [chrome]
`;

let sim: Simulator;
const waitErr: string[] = [];
let dir: string;
beforeAll(async () => {
  const seed = loadSeedFile(DEFAULT_SEED_PATH);
  const shop = seed.projects.find((p) => p.id === 1001)!;
  shop.tests!.find((t) => t.id === 3101)!.title = HOSTILE;
  shop.test_sets!.find((s) => s.id === 6101)!.title = `set ${HOSTILE}`;
  sim = await startSimulator({ port: 0, clock: "virtual", seed });
  dir = await mkdtemp(join(tmpdir(), "qac-hostile-"));
  await writeFile(join(dir, "plan.yaml"), PLAN);
});
afterAll(() => sim.close());

const run = async (args: string[], extra: Partial<CliIo> = {}) => {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: { write: (s: string) => out.push(s) },
    stderr: { write: (s: string) => err.push(s) },
    cwd: dir,
    env: { QAC_URL: sim.url, QAC_USER: "demo@qac.example", QAC_PASSWORD: "demo", NO_COLOR: "1" },
    ...extra,
  };
  await runCli(args, io);
  return { out: out.join(""), err: err.join("") };
};

/**
 * Nothing a terminal or CI runner acts on: no control character but line feeds, no line starting a workflow command.
 */
function expectSafe(text: string, live = false) {
  // A live bar redraws its own line with CR + ESC[K; nothing else may carry a control character.
  const own = live ? text.replaceAll("\r\u001b[K", "") : text;
  // eslint-disable-next-line no-control-regex
  expect(own).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
  expect(text).not.toMatch(/^\s*::/m);
  expect(text).not.toContain("\n::error");
}

describe("titles from QAComplete with control characters", () => {
  it("come out escaped in the plan preview, the apply summary, the wait result and its progress", async () => {
    const plan = await run(["plan", "plan.yaml"]);
    expectSafe(plan.out + plan.err);
    expect(plan.out).toContain("  + create  test Log in\\x1b]0;pwned\\x07 \\x1b[2J\\x1b[31mred …  Chrome / Windows 11");
    const apply = await run(["apply", "plan.yaml"]);
    expectSafe(apply.out + apply.err);
    expect(apply.out).toContain("@octocat\\n::error title=injected::owned · Chrome / Windows 11");
    await sim.clock.advance(24 * 3_600_000);
    const ids = [...apply.out.matchAll(/run (\d+)/g)].map((m) => m[1]!);
    for (const tty of [false, true]) {
      const wait = await run(["wait", ...ids, "--project", "Web Shop", "--junit", "results.xml"], {
        stderr: { write: (s: string) => void waitErr.push(s), isTTY: tty },
      });
      expectSafe(wait.out + waitErr.join(""), tty);
      expect(wait.out).toContain("@octocat\\n::error title=injected::owned");
      waitErr.length = 0;
    }
    expectSafe(await readFile(join(dir, "results.xml"), "utf8"));
  });

  it("stay JSON-escaped and come back whole from the JSON", async () => {
    const doc = await run(["plan", "plan.yaml", "--format", "json"]);
    expectSafe(doc.out);
    const titles = (JSON.parse(doc.out) as { runs: { title: string }[] }).runs.map((r) => r.title);
    expect(titles).toContain(HOSTILE);
  });

  it("leave nothing live in the pull-request comment", async () => {
    const md = (await run(["plan", "plan.yaml", "--format", "markdown"])).out;
    // eslint-disable-next-line no-control-regex
    expect(md).not.toMatch(/[\u0000\u0007\u001b\u202e]/);
    expect(md).not.toMatch(/^\s*::/m);
    expect(md).not.toMatch(/(?<!\\)\[x|https:\/\/evil|@octocat/);
  });
});
