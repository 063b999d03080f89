import type { RunRow } from "../tenant/wire-types.js";

/**
 * A run as it goes on the wire. With `irregular`, a run without a configuration carries neither
 * `test_config_id` nor `configuration_name`, as a captured SaaS response shows (reference §13).
 * The stored row keeps both, so filters such as `TestConfigId is empty` keep working, as they do
 * on the real server's database.
 */
export function runWire(run: RunRow, irregular: boolean): Record<string, unknown> {
  if (!irregular || run.test_config_id !== 0) return run;
  const { test_config_id: _id, configuration_name: _name, ...rest } = run;
  return rest;
}
