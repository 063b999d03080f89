import type { ApplyReport, StoredApply } from "@qac/schemas";
import type { Database } from "better-sqlite3";
import { isFinishedRun, runStatusBucket } from "@qac/core";
import { emptyCounts } from "../store/empty-counts.js";
import type { ApplyStore, ApplySummary, PlanOverview, RunQuery, RunView } from "../store/status-store.js";

interface ApplyRow {
  id: number;
  plan_name: string;
  plan_file: string | null;
  project_id: number;
  project_name: string | null;
  apply_identity: string | null;
  status: string;
  started_at: string;
  finished_at: string | null;
  received_at: string;
  ci_json: string | null;
  user_name: string | null;
  summary_json: string;
}

const SUMMARY_COLUMNS =
  "id, plan_name, plan_file, project_id, project_name, apply_identity, status, started_at, finished_at, " +
  "received_at, ci_json, user_name, summary_json";

function toSummary(row: ApplyRow): ApplySummary {
  return {
    id: row.id,
    receivedAt: row.received_at,
    plan: { name: row.plan_name, file: row.plan_file },
    project: { id: row.project_id, name: row.project_name },
    applyIdentity: row.apply_identity,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    // Stored from a report the apply report schema accepted.
    status: row.status as ApplySummary["status"],
    ci: row.ci_json === null ? null : (JSON.parse(row.ci_json) as ApplySummary["ci"]),
    user: row.user_name,
    summary: JSON.parse(row.summary_json) as Record<string, number>,
  };
}

/** {@link ApplyStore} on SQLite. */
export function createSqliteApplyStore(db: Database): ApplyStore {
  const insertApply = db.prepare(
    `INSERT INTO applies (plan_name, plan_file, project_id, project_name, apply_identity, status, started_at,
       finished_at, received_at, ci_json, user_name, summary_json, report_json)
     VALUES (@planName, @planFile, @projectId, @projectName, @applyIdentity, @status, @startedAt,
       @finishedAt, @receivedAt, @ci, @user, @summary, @report)`,
  );
  const upsertPlan = db.prepare(
    "INSERT INTO plans (plan_name, latest_apply_id) VALUES (?, ?) ON CONFLICT (plan_name) DO UPDATE SET " +
      "latest_apply_id = excluded.latest_apply_id",
  );
  const insertRun = db.prepare(
    `INSERT INTO apply_runs (apply_id, seq, identity, title, kind, decision, outcome, project_id, run_id,
       reported_status, host_name, release_title, release_path, config_title)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  // A run the poller already tracks keeps its fresher status.
  const trackRun = db.prepare(
    "INSERT INTO run_status (project_id, run_id, status, finished, refreshed_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT " +
      "DO NOTHING",
  );

  const insert = db.transaction((report: ApplyReport, receivedAt: Date): number => {
    const id = Number(
      insertApply.run({
        planName: report.plan.name,
        planFile: report.plan.file,
        projectId: report.project.id,
        projectName: report.project.name,
        applyIdentity: report.applyIdentity,
        status: report.status,
        startedAt: report.startedAt,
        finishedAt: report.finishedAt,
        receivedAt: receivedAt.toISOString(),
        ci: report.ci ? JSON.stringify(report.ci) : null,
        user: report.user,
        summary: JSON.stringify(report.summary),
        report: JSON.stringify(report),
      }).lastInsertRowid,
    );
    upsertPlan.run(report.plan.name, id);
    report.runs.forEach((run, seq) => {
      insertRun.run(
        id,
        seq,
        run.identity,
        run.title,
        run.kind,
        run.decision,
        run.outcome,
        report.project.id,
        run.runId,
        run.status,
        run.host?.name ?? null,
        run.release?.title ?? null,
        run.release?.path ?? null,
        run.configuration?.title ?? null,
      );
      if (run.runId !== null)
        trackRun.run(report.project.id, run.runId, run.status, isFinishedRun(run.status) ? 1 : 0, receivedAt.getTime());
    });
    return id;
  });

  const latestApplies = db.prepare(
    `SELECT p.plan_name AS plan, ${SUMMARY_COLUMNS.split(", ")
      .map((c) => `a.${c}`)
      .join(", ")} FROM plans p JOIN applies a ON a.id = p.latest_apply_id ORDER BY p.plan_name`,
  );
  const latestCounts = db.prepare(
    `SELECT r.apply_id AS applyId, COALESCE(s.status, r.reported_status) AS status, COUNT(*) AS n
     FROM plans p JOIN apply_runs r ON r.apply_id = p.latest_apply_id
     LEFT JOIN run_status s ON s.project_id = r.project_id AND s.run_id = r.run_id
     GROUP BY 1, 2`,
  );

  return {
    insert: (report, receivedAt) => insert.immediate(report, receivedAt),
    list({ plan, limit, offset }) {
      const where = plan === undefined ? "" : "WHERE plan_name = @plan";
      const rows = db
        .prepare(`SELECT ${SUMMARY_COLUMNS} FROM applies ${where} ORDER BY id DESC LIMIT @limit OFFSET @offset`)
        .all({ plan, limit, offset }) as ApplyRow[];
      const { n } = db.prepare(`SELECT COUNT(*) AS n FROM applies ${where}`).get({ plan }) as { n: number };
      return { applies: rows.map(toSummary), total: n };
    },
    get(id) {
      const row = db.prepare("SELECT report_json, received_at FROM applies WHERE id = ?").get(id) as
        { report_json: string; received_at: string } | undefined;
      if (!row) return undefined;
      return { ...(JSON.parse(row.report_json) as StoredApply), id, receivedAt: row.received_at };
    },
    plans(): PlanOverview[] {
      const counts = new Map<number, ReturnType<typeof emptyCounts>>();
      for (const row of latestCounts.all() as { applyId: number; status: string | null; n: number }[]) {
        const c = counts.get(row.applyId) ?? emptyCounts();
        c[runStatusBucket(row.status)] += row.n;
        c.total += row.n;
        counts.set(row.applyId, c);
      }
      return (latestApplies.all() as (ApplyRow & { plan: string })[]).map((row) => {
        const s = toSummary(row);
        return {
          plan: row.plan,
          project: s.project,
          latestApply: {
            id: s.id,
            receivedAt: s.receivedAt,
            status: s.status,
            startedAt: s.startedAt,
            finishedAt: s.finishedAt,
            ci: s.ci,
            user: s.user,
            summary: s.summary,
          },
          counts: counts.get(row.id) ?? emptyCounts(),
        };
      });
    },
    runs(query: RunQuery) {
      const where: string[] = [
        query.applyId === undefined ? "r.apply_id IN (SELECT latest_apply_id FROM plans)" : "r.apply_id = @applyId",
      ];
      if (query.plan !== undefined) where.push("a.plan_name = @plan");
      if (query.status !== undefined) where.push("COALESCE(s.status, r.reported_status) = @status COLLATE NOCASE");
      if (query.host !== undefined) where.push("r.host_name = @host COLLATE NOCASE");
      if (query.release !== undefined)
        where.push("(r.release_title = @release COLLATE NOCASE OR r.release_path = @release COLLATE NOCASE)");
      const from =
        `FROM apply_runs r JOIN applies a ON a.id = r.apply_id LEFT JOIN run_status s ON s.project_id = ` +
        `r.project_id AND s.run_id = r.run_id WHERE ${where.join(" AND ")}`;
      const rows = db
        .prepare(
          `SELECT r.apply_id AS applyId, a.plan_name AS plan, r.project_id AS projectId, r.identity, r.title,
             r.kind, r.decision, r.outcome, r.run_id AS runId, COALESCE(s.status, r.reported_status) AS status,
             s.refreshed_at AS refreshedAt, COALESCE(s.finished, 0) AS finished,
             r.host_name AS host, r.release_path AS release, r.config_title AS configuration
           ${from} ORDER BY a.plan_name, r.apply_id, r.seq LIMIT @limit OFFSET @offset`,
        )
        .all(query) as (Omit<RunView, "finished" | "statusUpdatedAt"> & {
        finished: number;
        refreshedAt: number | null;
      })[];
      const { n } = db.prepare(`SELECT COUNT(*) AS n ${from}`).get(query) as { n: number };
      const runs = rows.map(({ refreshedAt, finished, ...rest }) => ({
        ...rest,
        finished: finished === 1,
        statusUpdatedAt: refreshedAt === null ? null : new Date(refreshedAt).toISOString(),
      }));
      return { runs, total: n };
    },
  };
}
