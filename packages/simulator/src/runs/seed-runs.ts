import { SeedError } from "../errors.js";
import { HttpError } from "../http/http-error.js";
import type { SeedDocument } from "../seed/seed-document.js";
import type { Tenant } from "../tenant/tenant.js";
import { resolveRunSpec, type CreateRunBody } from "./create-run.js";
import { insertRun } from "./insert-run.js";
import type { RunEngine } from "./run-engine.js";

/**
 * Creates the seed's run history. Each run is created `started_minutes_ago` before `nowMs` and
 * driven by the fake agents: `finished` runs are played to their end at once, `in_progress` runs
 * have their due events applied and continue live, `awaiting` runs are left untouched.
 */
export function seedRuns(tenant: Tenant, engine: RunEngine, seed: SeedDocument, nowMs: number, file: string): void {
  for (const [pi, project] of seed.projects.entries()) {
    for (const [ri, run] of (project.runs ?? []).entries()) {
      const resolve = (body: CreateRunBody) => {
        try {
          return resolveRunSpec(tenant, project.id, run.run_by_user_id, body);
        } catch (e) {
          if (e instanceof HttpError)
            throw new SeedError(file, [
              { path: `/projects/${pi}/runs/${ri}`, message: `this run cannot be created: ${e.message}` },
            ]);
          throw e;
        }
      };
      const spec = resolve({
        TestId: run.test_id,
        TestSetId: run.test_set_id,
        TestConfigId: run.test_config_id,
        ReleaseId: run.release_id,
        RunByHostId: run.host_id,
        IsSequential: run.is_sequential,
      });
      const createdAt = nowMs - run.started_minutes_ago * 60_000;
      insertRun(tenant, spec, createdAt, run.id);
      if (run.state === "awaiting") continue;
      engine.drive(run.id, createdAt);
      if (run.state === "finished") engine.finish(run.id);
    }
  }
  engine.tick(nowMs);
}
