import type { SeedConfiguration, SeedRelease, SeedTest, SeedTestSet } from "../seed/seed-document.js";
import { formatRunTime, MIN_DATE } from "../store/format-date.js";
import { audit, type BuildContext } from "./build-entities.js";
import type { EntityRow } from "./wire-types.js";

/**
 * A test's `custom_fields`: every field of the project, `Id` a string such as `"Custom1"` as in
 * the `tests/id-get.html` sample (reference §13); unset values are null (assumption).
 */
function customFields(seed: SeedTest, ctx: BuildContext) {
  return (ctx.testCustomFields ?? []).map((name, i) => ({
    Id: `Custom${i + 1}`,
    Name: name,
    Value: seed.custom_fields?.[name] ?? null,
  }));
}

/** A test (reference §4). `execution_type` is "Automated" or "Manual". */
export function buildTest(seed: SeedTest, avgRunTime: number, ctx: BuildContext): EntityRow {
  return {
    id: seed.id,
    project_id: ctx.projectId,
    title: seed.title,
    status: seed.status ?? "Approved",
    active: seed.active ?? true,
    execution_type: seed.automated === false ? "Manual" : "Automated",
    folder_id: ctx.folderId(seed.folder),
    folder_name: seed.folder ?? "",
    description: seed.description ?? "",
    priority: seed.priority ?? "2-Medium",
    test_type: "Functional",
    assignee_user_id: 0,
    assigned_to_name: "",
    ...audit(ctx),
    avg_run_time: avgRunTime,
    avg_run_time_formated: formatRunTime(avgRunTime),
    last_run_date: MIN_DATE,
    last_run_status: "",
    last_run_by_user_id: 0,
    last_run_by_name: "",
    nbr_times_run: 0,
    nbr_steps: 0,
    nbr_pass_status: 0,
    nbr_fail_status: 0,
    nbr_events: 0,
    version: "1",
    original_id: 0,
    import_id: 0,
    custom_fields: customFields(seed, ctx),
  };
}

/** A test set (reference §5). */
export function buildTestSet(seed: SeedTestSet, executionType: string, ctx: BuildContext): EntityRow {
  return {
    id: seed.id,
    project_id: ctx.projectId,
    folder_id: ctx.folderId(seed.folder),
    folder_name: seed.folder ?? "",
    title: seed.title,
    description: seed.description ?? "",
    is_active: seed.is_active ?? true,
    is_sequential: seed.is_sequential ?? false,
    status_code: "Approved",
    priority_code: "3-Low",
    execution_type: executionType,
    nbr_tests: seed.items.length,
    assignee_user_id: 0,
    assigned_to_name: "",
    ...audit(ctx),
    last_run_status: "",
    last_run_date: MIN_DATE,
    last_run_by_user_id: 0,
    last_run_by_user_name: "",
    nbr_times_run: 0,
    avg_run_time: 0,
    avg_run_time_formated: "00:00:00",
    allow_run: true,
    nbr_schedules: 0,
    custom_fields: [],
  };
}

/** An item of a test set (reference §5, v1): `seq` is the 1-based position. */
export function buildSetItem(set: SeedTestSet, index: number, test: EntityRow, ctx: BuildContext): EntityRow {
  const item = set.items[index]!;
  return {
    id: set.id * 1000 + index + 1,
    project_id: ctx.projectId,
    test_set_id: set.id,
    test_id: item.test_id,
    seq: index + 1,
    active: item.active ?? true,
    is_stopped_on_fail: item.is_stopped_on_fail ?? false,
    assignee_user_id: 0,
    default_host_id: item.default_host_id ?? 0,
    date_created: ctx.created,
    date_updated: ctx.created,
    create_user_id: ctx.owner.id,
    update_user_id: ctx.owner.id,
    title: test["title"],
    nbr_steps: 0,
    nbr_files: 0,
    nbr_notes: 0,
  };
}

/** A test configuration (reference §6). */
export function buildConfiguration(seed: SeedConfiguration, ctx: BuildContext): EntityRow {
  return {
    id: seed.id,
    project_id: ctx.projectId,
    folder_id: ctx.folderId(seed.folder),
    title: seed.title,
    is_active: seed.is_active ?? true,
    ...audit(ctx),
    nbr_files_not_secured: 0,
    original_id: 0,
    import_id: 0,
    is_c_b_t: false,
    custom_fields: [],
  };
}

/** Releases, iterations and builds of one tree, flattened with `parent_id` links (reference §7). */
export function buildReleases(seeds: readonly SeedRelease[], ctx: BuildContext, parent?: EntityRow): EntityRow[] {
  return seeds.flatMap((seed, i) => {
    const row: EntityRow = {
      id: seed.id,
      project_id: ctx.projectId,
      folder_id: 0,
      // `release_id` vs `id` is unclear in the samples (reference §7, UNCONFIRMED): echo the id.
      release_id: seed.id,
      parent_id: parent?.id ?? 0,
      parent_name: typeof parent?.["title"] === "string" ? parent["title"] : "",
      release_type: seed.type,
      title: seed.title,
      description: "",
      status_code: seed.status_code ?? "In Progress",
      is_active: seed.is_active ?? true,
      owner_user_id: ctx.owner.id,
      assignee_user_id: 0,
      is_auto_adjust_est_dates: false,
      est_start_date: ctx.created,
      est_finish_date: MIN_DATE,
      seq_num: i + 1,
      import_id: 0,
      date_created: ctx.created,
      date_updated: ctx.created,
      create_user_id: ctx.owner.id,
      update_user_id: ctx.owner.id,
      created_user_name: ctx.owner.name,
      updated_user_name: ctx.owner.name,
      nbr_files: 0,
      nbr_notes: 0,
      custom_fields: [],
    };
    return [row, ...buildReleases(seed.children ?? [], ctx, row)];
  });
}
