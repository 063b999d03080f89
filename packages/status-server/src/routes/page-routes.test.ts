import { createClient } from "@qac/core";
import { afterEach, describe, expect, it } from "vitest";
import { PAGE_CSS } from "../page/page-style.js";
import { auth, report, reportRun, testServer } from "../test-support/fixtures.js";

let app = testServer({ runLinkTemplate: "https://qac.example/runs/{runId}?project={projectId}" });
afterEach(async () => {
  await app.close();
  app = testServer({ runLinkTemplate: "https://qac.example/runs/{runId}?project={projectId}" });
});
const post = (body: unknown) =>
  app.inject({ method: "POST", url: "/api/v1/applies", headers: auth(), payload: body as object });

const hostile = report({
  plan: { name: "<script>alert('plan')</script>", file: "x.yaml" },
  project: { id: 1001, name: '"><img src=x onerror=alert(1)>' },
  ci: {
    provider: "github",
    commit: "<b>deadbeef</b>",
    job: "<i>job</i>",
    pipeline: "1",
    url: "javascript:alert(1)",
    actor: "<u>me</u>",
  },
  runs: [
    reportRun({
      title: "<script>alert('run')</script>",
      host: { id: 1, name: "<svg onload=alert(2)>" },
      runId: 5,
      status: "Awaiting <b>Run</b>",
    }),
  ],
});

describe("status page", () => {
  it("shows plans, counts, runs with status and links into QAComplete without any script", async () => {
    await post(
      report({
        runs: [
          reportRun({ title: "Guest checkout", runId: 9001, status: "Passed" }),
          reportRun({ identity: "b", title: "Apply discount", runId: 9002, status: "Failed" }),
        ],
      }),
    );
    const page = await app.inject("/");
    expect(page.statusCode).toBe(200);
    const text = page.body.replace(/<script[\s\S]*?<\/script>/g, "");
    expect(text).toContain("<h2>nightly</h2>");
    expect(text).toMatch(/Passed <b data-count="passed">1<\/b>/);
    expect(text).toMatch(/Failed <b data-count="failed">1<\/b>/);
    expect(text).toContain("Guest checkout");
    expect(text).toContain('<a href="https://qac.example/runs/9001?project=1001" rel="noopener noreferrer">9001</a>');
    expect(text).toMatch(/data-run="1001:9002">Failed</);
    expect(text).toContain('job <a href="https://github.com/acme/shop/actions/runs/77"');
    // The recent applies table tells apply results (creating runs) apart from test results.
    expect(text).toContain("<th>Apply result</th>");
    expect(text).toContain("<td>all runs in place</td>");
    expect(text).toContain("<td>2 created, 0 satisfied, 0 create errors</td>");
  });

  it("shows run ids as plain text without --run-link, never a link to QAComplete's REST API (a 401 page)", async () => {
    await app.close();
    const client = createClient({ baseUrl: "http://127.0.0.1:9", username: "u", password: "p", retry: false });
    app = testServer({ qac: { client }, poller: { autoStart: false } });
    await post(report({ runs: [reportRun({ title: "Guest checkout", runId: 9001, status: "Passed" })] }));
    for (const url of ["/", "/applies/1"]) {
      const page = (await app.inject(url)).body;
      expect(page).toContain('<td class="num">9001</td>');
      expect(page).not.toContain("/api/v2/");
    }
    const runs = (await app.inject("/api/v1/runs")).json();
    expect(runs.runs[0]).toMatchObject({ runId: 9001, url: null });
    await client.close();
  });

  it("leads with test results across plans and failed or blocked runs, before a large plan's folded runs", async () => {
    const passing = Array.from({ length: 30 }, (_, i) =>
      reportRun({ identity: `p${i}`, title: `Passing ${i}`, runId: 1000 + i, status: "Passed" }),
    );
    await post(report({ plan: { name: "big", file: "big.yaml" }, runs: passing }));
    await post(
      report({
        plan: { name: "small", file: "small.yaml" },
        status: "failed",
        summary: { created: 2, satisfied: 0, failed: 1, notStarted: 0 },
        runs: [
          reportRun({ identity: "f", title: "Checkout total", runId: 2001, status: "Failed" }),
          reportRun({ identity: "b", title: "Refund", runId: 2002, status: "Blocked" }),
          reportRun({ identity: "e", title: "Invoice", runId: null, status: null, outcome: "failed" }),
        ],
      }),
    );
    const page = (await app.inject("/")).body;
    const visible = (from: string, to: string) =>
      page
        .slice(page.indexOf(from), page.indexOf(to, page.indexOf(from)))
        .replace(/<[^>]+>/g, " ")
        .replace(/\s+/g, " ")
        .trim();
    expect(visible('<section class="overview">', '<section class="plan" data-plan="big">')).toMatchInlineSnapshot(
      `"Latest apply of each plan Test results of 33 runs in 2 plans. Failed 1 Blocked 1 In progress 0 Awaiting 0 ` +
        `Passed 30 Other 1 Failed and blocked runs Plan Run Configuration Release Host Apply outcome Run id Test ` +
        `status small Checkout total Chrome Web Shop 1.0 build-agent-01 created 2001 Failed small Refund Chrome Web ` +
        `Shop 1.0 build-agent-01 created 2002 Blocked"`,
    );
    expect(visible('<section class="plan" data-plan="small">', "</section>")).toMatchInlineSnapshot(
      `"small Project Web Shop · apply #2 : 2 created, 0 satisfied, 1 create error · started 2026-12-01 09:00:00 ` +
        `UTC · GitHub Actions · commit 0123456789ab · job e2e · by dana Failed 1 Blocked 1 In progress 0 Awaiting 0 ` +
        `Passed 0 Other 1 Run Configuration Release Host Apply outcome Run id Test status Checkout total Chrome Web ` +
        `Shop 1.0 build-agent-01 created 2001 Failed Refund Chrome Web Shop 1.0 build-agent-01 created 2002 Blocked ` +
        `Invoice Chrome Web Shop 1.0 build-agent-01 create error — —"`,
    );
    // The big plan's 30 runs are folded; the small plan's few are shown.
    expect(page).toContain("<details><summary>30 runs</summary>");
    expect(page.indexOf('id="failures"')).toBeLessThan(page.indexOf('data-plan="big"'));
  });

  it("escapes everything a report carries and never links to javascript: URLs", async () => {
    await post(hostile);
    for (const url of ["/", "/applies/1"]) {
      const page = await app.inject(url);
      const scripts = page.body.match(/<script/g) ?? [];
      expect(scripts).toHaveLength(1);
      expect(page.body).not.toMatch(/<(img|svg|i|u)[\s>]|<b>/);
      expect(page.body).not.toContain("javascript:");
      expect(page.body).toContain("&lt;script&gt;alert(&#39;run&#39;)&lt;/script&gt;");
      expect(page.body).toContain("&lt;svg onload=alert(2)&gt;");
    }
    const home = (await app.inject("/")).body;
    expect(home).toContain("job &lt;i&gt;job&lt;/i&gt;");
    expect(home).toContain('data-plan="&lt;script&gt;alert(&#39;plan&#39;)&lt;/script&gt;"');
  });

  it("allows only its own nonce'd inline script and style", async () => {
    const page = await app.inject("/");
    const csp = page.headers["content-security-policy"] as string;
    const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
    expect(csp).toContain("default-src 'none'");
    expect(page.body).toContain(`<script nonce="${nonce}">`);
    expect(page.body).toContain(`<style nonce="${nonce}">`);
    expect((await app.inject("/")).headers["content-security-policy"]).not.toContain(nonce);
  });

  it("lets every HTML page load its favicon from this server and nothing from elsewhere", async () => {
    await post(report());
    for (const url of ["/", "/applies/1", "/docs"]) {
      const csp = (await app.inject(url)).headers["content-security-policy"] as string;
      const directives = [
        "default-src 'none'",
        "script-src 'nonce-[^']+'",
        "style-src 'nonce-[^']+'",
        "connect-src 'self'",
        "img-src 'self'",
        "base-uri 'none'",
        "form-action 'none'",
        "frame-ancestors 'none'",
      ];
      expect(csp).toMatch(new RegExp(`^${directives.join("; ")}$`));
    }
  });

  it("sends its own stylesheet as written, so quoted font names are not turned into entities", async () => {
    for (const url of ["/", "/docs"]) {
      const style = /<style nonce="[^"]+">([\s\S]*?)<\/style>/.exec((await app.inject(url)).body)?.[1];
      expect(style).toBe(PAGE_CSS);
      expect(style).toContain('"Segoe UI"');
    }
  });

  it("says so when nothing was recorded yet, and 404s an unknown apply page", async () => {
    expect((await app.inject("/")).body).toContain("No applies recorded yet");
    expect((await app.inject("/applies/3")).statusCode).toBe(404);
  });
});
