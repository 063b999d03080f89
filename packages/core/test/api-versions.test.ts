/**
 * Every call goes to the API version the reference gives for it (reference §1.1, §9). The simulator
 * answers both versions, so only the paths the client actually sent can catch a wrong one.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { toProjectId, toReleaseId, toTestConfigId, toTestId, toTestSetId, toUserId } from "@qac/core";
import { startHarness, type Harness } from "./harness.js";

const P = toProjectId(1001);
let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h.close();
});

it("sends every call to the version of the reference's table", async () => {
  const { client, logs } = h;
  await client.projects.list();
  await client.projects.get(P);
  await client.users.list(P);
  await client.users.get(P, toUserId(501));
  await client.tests.list(P);
  await client.tests.search(P, "Id = 3101");
  await client.tests.get(P, toTestId(3101));
  await client.testSets.list(P);
  await client.testSets.get(P, toTestSetId(6101));
  await client.testSets.items.list(P, toTestSetId(6101));
  await client.testSets.items.get(P, toTestSetId(6101), 1);
  await client.configurations.list(P);
  await client.configurations.search(P, "Id = 801");
  await client.configurations.get(P, toTestConfigId(801));
  await client.releases.list(P);
  await client.releases.get(P, toReleaseId(903));
  await client.hosts.findByName("build-agent-01");
  await client.testRuns.list(P);
  const run = await client.testRuns.create(P, { TestId: toTestId(3102), ForceNewRunCreation: true });
  await client.testRuns.get(P, run.id);
  const items = await client.testRuns.items.list(P, run.id);
  const item = items.results[0]!;
  await client.testRuns.items.get(P, run.id, item.id);
  await client.testRuns.items.patch(P, run.id, item.id, { StatusCode: "Passed" });
  const again = await client.testRuns.restart(P, run.id);
  await client.testRuns.delete(P, again.id);

  const sent = logs.map((e) => `${e.method} ${e.path.replace(/\?.*$/, "").replace(/\/\d+/g, "/N")}`);
  expect(sent).toEqual([
    "GET /rest-api/service/api/v1/projects",
    "GET /rest-api/service/api/v1/projects/N",
    "GET /rest-api/service/api/v1/projects/N/users",
    "GET /rest-api/service/api/v1/projects/N/users/N",
    "GET /rest-api/service/api/v2/projects/N/tests",
    "POST /rest-api/service/api/v2/projects/N/tests/search",
    "GET /rest-api/service/api/v1/projects/N/tests/N",
    "GET /rest-api/service/api/v2/projects/N/testsets",
    "GET /rest-api/service/api/v2/projects/N/testsets/N",
    "GET /rest-api/service/api/v1/projects/N/testsets/N/items",
    "GET /rest-api/service/api/v1/projects/N/testsets/N/items/N",
    "GET /rest-api/service/api/v2/projects/N/configurations",
    "POST /rest-api/service/api/v2/projects/N/configurations/search",
    "GET /rest-api/service/api/v2/projects/N/configurations/N",
    "GET /rest-api/service/api/v1/projects/N/releases",
    "GET /rest-api/service/api/v1/projects/N/releases/N",
    "GET /rest-api/service/automation/v2/hosts",
    "GET /rest-api/service/api/v2/projects/N/testruns",
    "POST /rest-api/service/api/v2/projects/N/testruns",
    "GET /rest-api/service/api/v2/projects/N/testruns/N",
    "GET /rest-api/service/api/v2/projects/N/testruns/N/items",
    "GET /rest-api/service/api/v2/projects/N/testruns/N/items/N",
    "PATCH /rest-api/service/api/v2/projects/N/testruns/N/items/N",
    "POST /rest-api/service/api/v2/projects/N/testruns/N/restart",
    "DELETE /rest-api/service/api/v2/projects/N/testruns/N",
  ]);
  expect(logs.every((e) => e.status === 200)).toBe(true);
});
