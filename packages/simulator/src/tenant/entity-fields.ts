import type { EntityFields } from "../filter/resolve-field.js";
import { MIN_DATE } from "../store/format-date.js";
import { buildUser, type BuildContext } from "./build-entities.js";
import { buildAutomations } from "./build-automations.js";
import { buildConfiguration, buildReleases, buildSetItem, buildTest, buildTestSet } from "./build-library.js";
import { inferFields } from "./infer-fields.js";
import type { RunItemRow, RunRow } from "./wire-types.js";

const ctx: BuildContext = { projectId: 1, owner: { id: 1, name: "" }, created: MIN_DATE, folderId: () => 1 };
const user = { id: 1, email: "x", password: "x", first_name: "x", last_name: "x" };

const SAMPLE_RUN: RunRow = {
  id: 1,
  test_set_id: 1,
  test_set_name: "",
  test_config_id: 1,
  configuration_name: "",
  release_id: 1,
  release_name: "",
  project_id: 1,
  run_by_user_id: 1,
  run_by_user_name: "",
  is_sequential: false,
  status_code: "Passed",
  execution_type: "",
  date_started: MIN_DATE,
  date_finished: MIN_DATE,
  nbr_tests: 1,
  nbr_passed: 1,
  nbr_failed: 0,
  nbr_blocked: 0,
  nbr_awaiting_run: 0,
  run_time: 0,
  run_time_formated: "",
  schedule_id: "0",
  test_host: "",
};

const SAMPLE_ITEM: RunItemRow = {
  id: 1,
  test_set_id: 1,
  test_set_name: "",
  project_id: 1,
  test_run_id: 1,
  test_id: 1,
  test_name: "",
  version: 1,
  sequence_number: 1,
  status_code: "Passed",
  run_time: 0,
  run_time_formated: "",
  is_stopped_on_fail: false,
  automated: true,
  configuration_name: "",
  test_host: "",
  release_id: 1,
  release_name: "",
  run_by_user_id: 1,
  folder_name: "",
  test_description: "",
  date_started: MIN_DATE,
  date_finished: MIN_DATE,
  test_run_started: MIN_DATE,
  status_updated_by: 1,
  status_updated_by_user_name: "",
  test_run_results: [],
};

// Field-name aliases seen in the reference's examples (§2.4: `status`, `active`; contract: StatusCode/status).
const STATUS = { status: "status_code" };
const ACTIVE = { active: "is_active" };

/** Filterable fields of each entity, derived from the objects the simulator sends. */
export const FIELDS = {
  run: inferFields("test run", SAMPLE_RUN, STATUS),
  runItem: inferFields("test run item", SAMPLE_ITEM, STATUS),
  test: inferFields("test", buildTest({ id: 1, title: "x" }, 1, ctx), { statuscode: "status", isactive: "active" }),
  testSet: inferFields("test set", buildTestSet({ id: 1, title: "x", items: [] }, "Manual", ctx), {
    ...STATUS,
    ...ACTIVE,
  }),
  setItem: inferFields(
    "test set item",
    buildSetItem({ id: 1, title: "x", items: [{ test_id: 1 }] }, 0, { id: 1, project_id: 1 }, ctx),
    { isactive: "active" },
  ),
  configuration: inferFields("configuration", buildConfiguration({ id: 1, title: "x" }, ctx), ACTIVE),
  release: inferFields("release", buildReleases([{ id: 1, title: "x", type: "Release" }], ctx)[0]!, {
    ...STATUS,
    ...ACTIVE,
  }),
  user: inferFields("user", buildUser(user), ACTIVE),
  automation: inferFields("automation", buildAutomations({ id: 1, title: "x", automations: ["junit"] })[0]!),
} satisfies Record<string, EntityFields>;
