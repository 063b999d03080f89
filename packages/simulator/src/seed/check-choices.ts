import type { SeedProblem } from "../errors.js";
import type { SeedDocument } from "./seed-document.js";

/** The outcomes a test may report besides its project's `item_statuses`. */
const OUTCOMES = ["pass", "fail", "block", "skip", "na"] as const;
const STANDARD = ["awaiting run", "passed", "failed", "blocked", "skipped", "na", ...OUTCOMES];

/**
 * Checks the choice-list parts of each project: `item_statuses` are new values (not a standard
 * status or an outcome keyword), a test's `outcome` is a keyword or one of them, and a test's
 * `custom_fields` name fields of `test_custom_fields`.
 */
export function checkChoices(seed: SeedDocument, problems: SeedProblem[]): void {
  seed.projects.forEach((p, pi) => {
    const base = `/projects/${pi}`;
    const statuses = p.item_statuses ?? [];
    statuses.forEach((s, si) => {
      if (STANDARD.includes(s.trim().toLowerCase()))
        problems.push({
          path: `${base}/item_statuses/${si}`,
          message: `'${s}' is a standard status or outcome already`,
        });
    });
    const fields = new Set(p.test_custom_fields ?? []);
    const keywords = `${OUTCOMES.slice(0, -1).join(", ")} or ${OUTCOMES.at(-1)}`;
    const expected = statuses.length === 0 ? keywords : `${keywords}, or one of item_statuses (${statuses.join(", ")})`;
    p.tests?.forEach((t, ti) => {
      if (
        t.outcome !== undefined &&
        !(OUTCOMES as readonly string[]).includes(t.outcome) &&
        !statuses.includes(t.outcome)
      )
        problems.push({
          path: `${base}/tests/${ti}/outcome`,
          message: `expected ${expected}, found '${t.outcome}'`,
        });
      for (const name of Object.keys(t.custom_fields ?? {}))
        if (!fields.has(name))
          problems.push({
            path: `${base}/tests/${ti}/custom_fields/${name}`,
            message: `no custom field '${name}' in the project's test_custom_fields`,
          });
    });
  });
}
