/**
 * The status page in a real browser: Debian's chromium driven by playwright-core. `.ci/run`
 * installs chromium; where it is missing these tests are skipped and say so.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createClient, toHostId, toProjectId, toTestId, type QacClient } from "@qac/core";
import { startSimulator, type Simulator } from "@qac/simulator";
import { chromium, type BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auth, report, reportRun, testServer } from "../src/test-support/fixtures.js";

const CHROMIUM = "/usr/bin/chromium";
/** Screenshots for a person to look at (git-ignored). */
const ARTIFACTS = fileURLToPath(new URL("../test-artifacts/", import.meta.url));
const available = existsSync(CHROMIUM);
if (!available)
  console.warn(`browser tests skipped: ${CHROMIUM} is missing (install it with: apt-get install -y chromium)`);

describe.skipIf(!available)("status page in chromium", () => {
  let sim: Simulator;
  let client: QacClient;
  let app: ReturnType<typeof testServer>;
  let url: string;
  const profiles: string[] = [];
  const contexts: BrowserContext[] = [];
  /** A browser with a fresh profile directory (playwright passes it as --user-data-dir). */
  const openBrowser = async (javaScriptEnabled = true): Promise<BrowserContext> => {
    const profile = mkdtempSync(join(tmpdir(), "qac-chromium-"));
    profiles.push(profile);
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      javaScriptEnabled,
      viewport: { width: 1280, height: 900 },
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    });
    contexts.push(context);
    return context;
  };
  const runIds: number[] = [];

  beforeAll(async () => {
    sim = await startSimulator({ clock: "virtual" });
    client = createClient({ baseUrl: sim.url, username: "demo@qac.example", password: "demo", retry: false });
    app = testServer({
      qac: { client },
      poller: { autoStart: false },
      now: () => sim.clock.now(),
      runLinkTemplate: "https://qac.example/runs/{runId}",
    });
    for (const testId of [3101, 3103])
      runIds.push(
        Number(
          (
            await client.testRuns.create(toProjectId(1001), {
              TestId: toTestId(testId),
              RunByHostId: toHostId(101),
              ForceNewRunCreation: true,
            })
          ).id,
        ),
      );
    const runs = [
      reportRun({ identity: "a", title: "Guest checkout with credit card", runId: runIds[0]!, status: "Awaiting Run" }),
      reportRun({
        identity: "b",
        title: "Apply discount code at checkout",
        runId: runIds[1]!,
        status: "Awaiting Run",
        host: { id: 102, name: "build-agent-02" },
      }),
      reportRun({
        identity: "c",
        title: "<script>window.pwned = true</script>",
        runId: null,
        status: null,
        decision: "not-started",
        outcome: "not-started",
        reason: "host inactive",
      }),
    ];
    await app.inject({ method: "POST", url: "/api/v1/applies", headers: auth(), payload: report({ runs }) });
    await app.inject({
      method: "POST",
      url: "/api/v1/applies",
      headers: auth(),
      payload: report({
        plan: { name: "smoke", file: "plans/smoke.yaml" },
        runs: [reportRun({ identity: "s", title: "Log in with e-mail and password", runId: 555, status: "Passed" })],
      }),
    });
    url = await app.listen({ port: 0, host: "127.0.0.1" });
  }, 60_000);

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await app?.close();
    await client?.close();
    await sim?.close();
    for (const profile of profiles) rmSync(profile, { recursive: true, force: true });
  });

  it("shows plans, counts and runs, and a status change arrives without a reload", async () => {
    const page = await (await openBrowser()).newPage();
    const problems: string[] = [];
    page.on("pageerror", (e) => problems.push(e.message));
    page.on("console", (m) => void (m.type() === "error" && problems.push(m.text())));
    await page.goto(url);
    await expect.poll(() => page.locator("#live").textContent(), { timeout: 10_000 }).toBe("live");

    expect(await page.locator("h2").allTextContents()).toEqual([
      "Latest apply of each plan",
      "Failed and blocked runs",
      "nightly",
      "smoke",
      "Recent applies",
    ]);
    expect(await page.locator("#failures").innerText()).toContain("No failed or blocked runs");
    const nightly = page.locator('section[data-plan="nightly"]');
    expect(await nightly.locator('[data-count="awaiting"]').textContent()).toBe("2");
    expect(await nightly.locator("tbody tr").count()).toBe(3);
    expect(await nightly.locator("td", { hasText: "<script>window.pwned = true</script>" }).count()).toBe(1);
    expect(await page.evaluate(() => (globalThis as { pwned?: boolean }).pwned)).toBeUndefined();
    expect(await nightly.locator(`a[href="https://qac.example/runs/${runIds[0]}"]`).textContent()).toBe(
      String(runIds[0]),
    );
    const first = nightly.locator(`[data-run="1001:${runIds[0]}"]`);
    expect(await first.textContent()).toBe("Awaiting Run");

    await page.evaluate(() => ((globalThis as { marker?: number }).marker = 42));
    await sim.clock.advance(30 * 60_000);
    await app.qacStatus.poller!.pollOnce();
    await expect.poll(() => first.textContent(), { timeout: 10_000 }).toBe("Passed");
    await expect
      .poll(() => nightly.locator(`[data-run="1001:${runIds[1]}"]`).textContent(), { timeout: 10_000 })
      .toBe("Failed");
    await expect.poll(() => nightly.locator('[data-count="passed"]').textContent(), { timeout: 10_000 }).toBe("1");
    expect(await nightly.locator('[data-count="failed"]').textContent()).toBe("1");
    expect(await nightly.locator('[data-count="awaiting"]').textContent()).toBe("0");
    expect(await first.getAttribute("class")).toBe("status s-passed");
    // The run that failed joined the failures at the top, and the totals across plans followed.
    expect(await page.locator(`#failures [data-run="1001:${runIds[1]}"]`).textContent()).toBe("Failed");
    expect(await page.locator("#failures tbody tr td").first().textContent()).toBe("nightly");
    expect(await page.locator('[data-total="failed"]').textContent()).toBe("1");
    expect(await page.locator('[data-total="passed"]').textContent()).toBe("2");
    expect(await page.evaluate(() => (globalThis as { marker?: number }).marker)).toBe(42);

    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, "status-page-live.png"), fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });

  it("shows a failed run on the first screen even when a plan of 200 passing runs is listed before it", async () => {
    const big = testServer();
    try {
      const passing = Array.from({ length: 200 }, (_, i) =>
        reportRun({ identity: `p${i}`, title: `Passing check ${i}`, runId: 10_000 + i, status: "Passed" }),
      );
      const failed = reportRun({ identity: "f", title: "Refund to a gift card", runId: 20_001, status: "Failed" });
      for (const [name, runs] of [
        ["a-big-regression", passing],
        ["b-small-smoke", [failed]],
      ] as const)
        await big.inject({
          method: "POST",
          url: "/api/v1/applies",
          headers: auth(),
          payload: report({ plan: { name, file: `plans/${name}.yaml` }, runs: [...runs] }),
        });
      const bigUrl = await big.listen({ port: 0, host: "127.0.0.1" });
      const page = await (await openBrowser()).newPage();
      await page.goto(bigUrl);
      const cell = page.locator('#failures [data-run="1001:20001"]');
      expect(await cell.textContent()).toBe("Failed");
      expect(await cell.isVisible()).toBe(true);
      const box = (await cell.boundingBox())!;
      expect(box.y + box.height).toBeLessThanOrEqual(900);
      expect(await page.locator("#failures").innerText()).toContain("Refund to a gift card");
      // The big plan comes first in the list, its 200 runs folded below the failures.
      expect(await page.locator("section.plan[data-plan]").first().getAttribute("data-plan")).toBe("a-big-regression");
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS, "status-page-failure-first.png") });
      await page.close();
    } finally {
      await big.close();
    }
  });

  it("is readable with JavaScript turned off", async () => {
    const page = await (await openBrowser(false)).newPage();
    await page.goto(url);
    const text = await page.locator("main").innerText();
    expect(text).toContain("Guest checkout with credit card");
    expect(text).toContain("Log in with e-mail and password");
    expect(await page.locator("#live").textContent()).toBe("static");
    // The stylesheet applies in full: the page font is the sans-serif stack, not the browser's serif default.
    expect(
      await page
        .locator("body")
        .evaluate(
          (body) =>
            (globalThis as unknown as { getComputedStyle(e: unknown): { fontFamily: string } }).getComputedStyle(body)
              .fontFamily,
        ),
    ).toMatch(/^system-ui, .*sans-serif$/);
  });
});
