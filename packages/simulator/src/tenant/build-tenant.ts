import { createHash } from "node:crypto";
import type { SeedDocument, SeedOutcome, SeedTest } from "../seed/seed-document.js";
import { createRandom } from "../store/create-random.js";
import { MIN_DATE } from "../store/format-date.js";
import { buildHost, buildUser, displayName, seedCreationDate, type BuildContext } from "./build-entities.js";
import { buildConfiguration, buildReleases, buildSetItem, buildTest, buildTestSet } from "./build-library.js";
import { buildAutomations } from "./build-automations.js";
import { resolveAgent } from "./resolve-agent.js";
import { expandRights } from "./rights.js";
import { Tenant, type TestPlan } from "./tenant.js";

/** SHA-256 of a password, the only form in which the tenant keeps it. */
export const sha256 = (text: string): Buffer => createHash("sha256").update(text).digest();

/** Default start of the virtual clock when the seed does not set `clock_start`. */
const DEFAULT_CLOCK_START = "2026-12-01T09:00:00Z";

/**
 * Picks what a host reports for a test without a seeded outcome: deterministic per `rng_seed`
 * (80 % pass, 12 % fail, 5 % block, 3 % skip; 10–120 s), drawn in seed order.
 */
function planTest(test: SeedTest, draw: ReturnType<typeof createRandom>): TestPlan {
  const roll = draw.int(0, 99);
  const drawn: SeedOutcome = roll < 80 ? "pass" : roll < 92 ? "fail" : roll < 97 ? "block" : "skip";
  const duration = draw.int(10, 120);
  return {
    outcome: test.outcome ?? drawn,
    durationSeconds: test.duration_seconds ?? duration,
    automated: test.automated !== false,
    defaultHostId: test.default_host_id ?? 0,
  };
}

/** Builds the static part of a tenant (everything except runs) from a validated seed. */
export function buildTenant(seed: SeedDocument, clockStartMs: number): Tenant {
  const tenant = new Tenant({
    pickupDelayMs: (seed.simulation?.pickup_delay_seconds ?? 3) * 1000,
    speed: seed.simulation?.speed ?? 1,
  });
  const draw = createRandom(seed.rng_seed ?? 1);
  const departments = new Map((seed.departments ?? [{ id: 1, name: "Default" }]).map((d) => [d.id, d.name]));
  const firstDept = [...departments.keys()][0] ?? 1;
  for (const user of seed.users) {
    const { password, ...withoutPassword } = user;
    const record = {
      seed: withoutPassword,
      passwordDigest: sha256(password),
      row: buildUser(user),
      rights: new Map(Object.entries(user.rights ?? {}).map(([p, r]) => [Number(p), expandRights(r)])),
    };
    tenant.users.set(user.id, record);
    tenant.usersByEmail.set(user.email.toLowerCase(), record);
  }
  for (const host of seed.hosts ?? []) {
    tenant.hosts.set(host.id, buildHost(host, host.dept_id ?? firstDept));
    tenant.hostAgents.set(host.id, {
      tokenDigest: host.security_token === undefined ? undefined : sha256(host.security_token),
      simulated: host.simulated_agent ?? true,
      agents: new Set((host.agents ?? []).flatMap((a) => resolveAgent(a) ?? [])),
    });
  }

  const ownerSeed = seed.users[0]!;
  const created = seedCreationDate(clockStartMs);
  for (const project of seed.projects) {
    const folders = new Map<string, number>();
    const ctx: BuildContext = {
      projectId: project.id,
      owner: { id: ownerSeed.id, name: displayName(ownerSeed) },
      created,
      testCustomFields: project.test_custom_fields ?? [],
      folderId: (name) => {
        if (!name) return 0;
        if (!folders.has(name)) folders.set(name, project.id * 100 + folders.size + 1);
        return folders.get(name)!;
      },
    };
    const deptId = project.dept_id ?? firstDept;
    tenant.projects.set(project.id, {
      id: project.id,
      project_id: project.id,
      proj_name: project.name,
      dept_id: deptId,
      dept_name: departments.get(deptId) ?? "",
      is_active: project.is_active ?? true,
      is_auto_calc: true,
      actual_cost: 0,
      actual_hrs: 0,
      est_cost: 0,
      est_hrs: 0,
      date_begin_actual: MIN_DATE,
      date_begin_scheduled: MIN_DATE,
      date_end_actual: MIN_DATE,
      date_end_scheduled: MIN_DATE,
      date_created: created,
      date_updated: created,
      nbr_events: 0,
      nbr_files: 0,
      nbr_notes: 0,
      update_user_id: ownerSeed.id,
      user_name: ctx.owner.name,
    });
    tenant.itemStatuses.set(project.id, project.item_statuses ?? []);
    for (const test of project.tests ?? []) {
      const plan = planTest(test, draw);
      tenant.testPlans.set(test.id, plan);
      tenant.tests.insert(buildTest(test, plan.automated ? plan.durationSeconds : 0, ctx));
      tenant.automations.set(test.id, buildAutomations(test));
    }
    for (const set of project.test_sets ?? []) {
      const automated = set.items.some((i) => tenant.testPlans.get(i.test_id)?.automated);
      tenant.testSets.insert(buildTestSet(set, automated ? "Automated" : "Manual", ctx));
      tenant.setItems.set(
        set.id,
        set.items.map((_, i) => buildSetItem(set, i, tenant.tests.get(set.items[i]!.test_id)!, ctx)),
      );
    }
    for (const config of project.configurations ?? []) tenant.configurations.insert(buildConfiguration(config, ctx));
    for (const release of buildReleases(project.releases ?? [], ctx)) tenant.releases.insert(release);
  }
  return tenant;
}

/** Parses the seed's `clock_start` (validated earlier) into epoch milliseconds. */
export function clockStartOf(seed: SeedDocument): number {
  return Date.parse(seed.clock_start ?? DEFAULT_CLOCK_START);
}
