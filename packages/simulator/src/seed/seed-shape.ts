import { bool, either, integer, listOf, mapOf, numberAbove, oneOf, shape, text, type Check } from "./check-shape.js";

const id = integer(1);
const rightList = listOf(oneOf("read", "add", "update", "delete"));
const automation = either(text, shape({ agent: text, "title?": text, "timeout?": integer(0) }));

const release: Check = (v, path, problems) =>
  shape({
    id,
    title: text,
    type: oneOf("Release", "Iteration", "Build"),
    "status_code?": text,
    "is_active?": bool,
    "children?": listOf(release),
  })(v, path, problems);

/** The structural schema of a seed document (see `SeedDocument`). */
export const seedShape: Check = shape({
  version: (v, path, problems) => {
    if (v !== 1)
      problems.push({ path, message: `expected version 1 (the only seed format so far), found ${JSON.stringify(v)}` });
  },
  "rng_seed?": integer(),
  "clock_start?": text,
  "simulation?": shape({ "pickup_delay_seconds?": integer(0), "speed?": numberAbove(0) }),
  "departments?": listOf(shape({ id, name: text, "company?": text })),
  users: listOf(
    shape({
      id,
      email: text,
      password: text,
      first_name: text,
      last_name: text,
      "middle_name?": text,
      "is_security_admin?": bool,
      "is_active?": bool,
      "rights?": mapOf(
        either(
          oneOf("full", "read", "none"),
          shape({ "test_library?": rightList, "test_sets?": rightList, "releases?": rightList }),
        ),
      ),
    }),
  ),
  "hosts?": listOf(
    shape({
      id,
      host_name: text,
      "os?": text,
      "host_configuration?": text,
      "agents?": listOf(text),
      "is_active?": bool,
      "security_token?": text,
      "simulated_agent?": bool,
      "agent_version?": text,
      "dept_id?": id,
    }),
  ),
  projects: listOf(
    shape({
      id,
      name: text,
      "dept_id?": id,
      "is_active?": bool,
      "item_statuses?": listOf(text),
      "test_custom_fields?": listOf(text),
      "tests?": listOf(
        shape({
          id,
          title: text,
          "folder?": text,
          "automated?": bool,
          "outcome?": text,
          "duration_seconds?": integer(0),
          "default_host_id?": id,
          "status?": text,
          "priority?": text,
          "description?": text,
          "active?": bool,
          "custom_fields?": mapOf(text),
          "automations?": listOf(automation),
        }),
      ),
      "test_sets?": listOf(
        shape({
          id,
          title: text,
          "folder?": text,
          "description?": text,
          "is_sequential?": bool,
          "is_active?": bool,
          items: listOf(shape({ test_id: id, "active?": bool, "is_stopped_on_fail?": bool, "default_host_id?": id })),
        }),
      ),
      "configurations?": listOf(shape({ id, title: text, "folder?": text, "is_active?": bool })),
      "releases?": listOf(release),
      "runs?": listOf(
        shape({
          id,
          "test_id?": id,
          "test_set_id?": id,
          "test_config_id?": id,
          "release_id?": id,
          "host_id?": id,
          run_by_user_id: id,
          started_minutes_ago: integer(0),
          state: oneOf("finished", "in_progress", "awaiting"),
          "is_sequential?": bool,
        }),
      ),
    }),
  ),
});
