import { MinHeap } from "../store/min-heap.js";
import { formatDate, formatRunTime, MIN_DATE } from "../store/format-date.js";
import type { Tenant } from "../tenant/tenant.js";
import type { ItemStatus, RunItemRow } from "../tenant/wire-types.js";
import { deriveRun, isFinished } from "./derive-run.js";
import { statusOfOutcome } from "./item-choice-list.js";

interface Pending {
  at: number;
  seq: number;
  runId: number;
  /** 0 = the host picks the run up; otherwise the item whose result arrives. */
  itemId: number;
}

/**
 * The fake host agents. An automated run on a host waits `pickupDelayMs` (Awaiting Run), then the
 * host runs its items one at a time in `sequence_number` order (In Progress) and reports each
 * test's seeded outcome after its duration divided by `speed` (Passed, Failed, Blocked, Skipped, NA
 * or a value of the project's choice list); the run ends Passed, Failed, Blocked or Incomplete
 * (reference §11.6, see `deriveRun`). Events are kept in a heap and applied with their own timestamps
 * by `tick(now)`, so a virtual clock gives the same history as a real one. Each run has at most
 * one pending event because a host works on one test at a time.
 */
export class RunEngine {
  private readonly heap = new MinHeap<Pending>();
  private readonly pending = new Map<number, Pending>();
  private seq = 0;

  constructor(private readonly tenant: Tenant) {}

  /**
   * Hands a new run to its host(s). Runs without a runnable item (manual tests, or tests without an
   * automation for the host's agents) stay Awaiting Run.
   */
  drive(runId: number, createdAt: number): void {
    const meta = this.tenant.runMeta.get(runId);
    if (!meta) return;
    meta.driven = true;
    if (this.tenant.itemsOf(runId).some((item) => this.runnable(item)))
      this.schedule(runId, createdAt + this.tenant.agent.pickupDelayMs, 0);
  }

  /** Applies every event due at or before `now`, in time order. */
  tick(now: number): void {
    for (let next = this.heap.peek(); next && next.at <= now; next = this.heap.peek()) {
      this.heap.pop();
      if (this.pending.get(next.runId) === next) this.apply(next);
    }
  }

  /** Plays a run to its end right away (seeded history), using the events' own timestamps. */
  finish(runId: number): void {
    for (let next = this.pending.get(runId); next; next = this.pending.get(runId)) this.apply(next);
  }

  /**
   * Records a result for an item (from the agent or a client PATCH) and re-derives the run.
   * A Failed item with `is_stopped_on_fail` in a sequential run blocks the items after it
   * (reference §3.8, §11.2); the simulator applies the same rule to client updates.
   */
  setItemStatus(item: RunItemRow, status: ItemStatus, at: number, runTime?: number, byUserId = 0): void {
    const run = this.tenant.runs.get(item.test_run_id);
    if (!run) return;
    const user = this.tenant.users.get(byUserId);
    const seconds = runTime ?? item.run_time;
    this.tenant.items.update(item.id, {
      status_code: status,
      run_time: seconds,
      run_time_formated: formatRunTime(seconds),
      // SOAP rule (reference §3.6): DateFinished is "now" for Passed/Failed/Blocked, the minimum for
      // Awaiting Run/Skipped; NA and other choice-list values are results too, so "now" (assumption).
      date_finished: status !== "Awaiting Run" && status !== "Skipped" ? formatDate(at) : MIN_DATE,
      status_updated_by: byUserId,
      status_updated_by_user_name: user ? `${user.seed.last_name}, ${user.seed.first_name} ` : "",
    });
    if (status === "Failed" && item.is_stopped_on_fail && run.is_sequential) {
      for (const later of this.tenant.itemsOf(run.id)) {
        if (later.sequence_number > item.sequence_number && later.status_code === "Awaiting Run") {
          this.tenant.items.update(later.id, { status_code: "Blocked", date_finished: formatDate(at) });
        }
      }
    }
    this.rederive(run.id, at);
    const meta = this.tenant.runMeta.get(run.id);
    const current = this.pending.get(run.id);
    if (meta?.driven && meta.started && (!current || current.itemId === item.id)) this.scheduleNext(run.id, at);
  }

  /**
   * Lets idle driven runs continue (after a host came back): runs not yet picked up are picked up
   * after the usual delay, started runs start their next runnable item now.
   */
  wake(now: number): void {
    for (const [runId, meta] of this.tenant.runMeta) {
      const run = this.tenant.runs.get(runId);
      if (
        !meta.driven ||
        this.pending.has(runId) ||
        !run ||
        (run.status_code !== "Awaiting Run" && run.status_code !== "In Progress")
      )
        continue;
      if (meta.started) this.scheduleNext(runId, now);
      else if (this.tenant.itemsOf(runId).some((item) => this.runnable(item)))
        this.schedule(runId, now + this.tenant.agent.pickupDelayMs, 0);
    }
  }

  /** Stops driving a deleted run. */
  forget(runId: number): void {
    this.pending.delete(runId);
  }

  /** Number of runs a host is still working on or about to pick up. */
  get activeRuns(): number {
    return this.pending.size;
  }

  private apply(event: Pending): void {
    this.pending.delete(event.runId);
    const run = this.tenant.runs.get(event.runId);
    const meta = this.tenant.runMeta.get(event.runId);
    if (!run || !meta) return;
    if (event.itemId === 0) {
      meta.started = true;
      this.tenant.runs.update(run.id, { date_started: formatDate(event.at) });
      this.rederive(run.id, event.at);
      this.scheduleNext(run.id, event.at);
      return;
    }
    const item = this.tenant.items.get(event.itemId);
    if (!item || item.status_code !== "Awaiting Run") {
      this.scheduleNext(run.id, event.at);
      return;
    }
    const plan = this.tenant.testPlans.get(item.test_id);
    this.setItemStatus(item, statusOfOutcome(plan?.outcome ?? "pass"), event.at, plan?.durationSeconds ?? 0);
  }

  /** Starts the next test: the first waiting one (sequential runs wait for a manual item). */
  private scheduleNext(runId: number, at: number): void {
    const run = this.tenant.runs.get(runId);
    if (!run) return;
    const waiting = this.tenant.itemsOf(runId).filter((i) => i.status_code === "Awaiting Run");
    const next = run.is_sequential ? waiting[0] : waiting.find((i) => this.runnable(i));
    if (!next || !this.runnable(next)) {
      this.pending.delete(runId);
      return;
    }
    this.tenant.items.update(next.id, { date_started: formatDate(at) });
    const seconds = this.tenant.testPlans.get(next.test_id)?.durationSeconds ?? 0;
    this.schedule(runId, at + Math.round((seconds * 1000) / this.tenant.agent.speed), next.id);
  }

  private schedule(runId: number, at: number, itemId: number): void {
    const event: Pending = { at, seq: this.seq++, runId, itemId };
    this.pending.set(runId, event);
    this.heap.push(event);
  }

  private runnable(item: RunItemRow): boolean {
    const hostId = this.tenant.itemMeta.get(item.id)?.hostId ?? 0;
    // Hosts with a real (external) agent get their results through the automation API instead.
    // A test without an automation for one of the host's agents is never run (reference §13).
    return (
      item.automated &&
      hostId !== 0 &&
      this.tenant.hosts.get(hostId)?.["is_active"] === true &&
      this.tenant.hostAgents.get(hostId)?.simulated !== false &&
      this.tenant.canAutomate(item.test_id, hostId)
    );
  }

  private rederive(runId: number, at: number): void {
    const run = this.tenant.runs.get(runId)!;
    const derived = deriveRun(this.tenant.itemsOf(runId), this.tenant.runMeta.get(runId)?.started ?? false);
    const finished = isFinished(derived);
    const dateFinished = finished ? (run.date_finished === MIN_DATE ? formatDate(at) : run.date_finished) : MIN_DATE;
    this.tenant.runs.update(runId, { ...derived, date_finished: dateFinished });
  }
}
