/**
 * The runs one apply knows about: those observed before it created anything, and those it has
 * taken (created, adopted by reconciliation, or chosen to satisfy a desired run). A run returned
 * or found later is judged against these: known before → reused, never "created"; taken →
 * belongs to another desired run.
 */
export class RunBook {
  private readonly before: Set<number>;
  private readonly taken = new Map<number, string>();

  constructor(knownBefore: Iterable<number>) {
    this.before = new Set(knownBefore);
  }

  knownBefore(id: number): boolean {
    return this.before.has(id);
  }

  /** Takes a run for `identity`; false when another identity has it. */
  take(id: number, identity: string): boolean {
    const owner = this.taken.get(id);
    if (owner !== undefined && owner !== identity) return false;
    this.taken.set(id, identity);
    return true;
  }

  /** Neither known before nor taken: a run someone (this apply) created since it started. */
  isNew(id: number): boolean {
    return !this.before.has(id) && !this.taken.has(id);
  }
}
