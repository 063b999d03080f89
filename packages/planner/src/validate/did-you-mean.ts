/** Edit distance between two strings (insertions, deletions, substitutions), case-insensitive. */
export function levenshtein(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  if (s === t) return 0;
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const row = [i];
    for (let j = 1; j <= t.length; j++) {
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (s[i - 1] === t[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[t.length]!;
}

/**
 * The candidates closest to `wanted` (at most `limit`), nearest first: those within a third of
 * the name's length in edit distance, or containing it / contained in it.
 */
export function closest(wanted: string, candidates: Iterable<string>, limit = 3): string[] {
  const w = wanted.toLowerCase();
  const scored: [string, number][] = [];
  for (const c of new Set(candidates)) {
    // Long candidate lists (thousands of tests) stay cheap: skip lengths that cannot be close.
    if (Math.abs(c.length - wanted.length) > Math.max(3, wanted.length) && !c.toLowerCase().includes(w)) continue;
    const d = levenshtein(wanted, c);
    const lc = c.toLowerCase();
    if (d <= Math.max(2, Math.ceil(wanted.length / 3)) || lc.includes(w) || (lc.length >= 3 && w.includes(lc)))
      scored.push([c, d]);
  }
  return scored
    .sort((x, y) => x[1] - y[1] || x[0].localeCompare(y[0]))
    .slice(0, limit)
    .map(([c]) => c);
}

/** `; did you mean "a" or "b"?` or an empty string. */
export function didYouMean(wanted: string, candidates: Iterable<string>): string {
  const near = closest(wanted, candidates);
  if (near.length === 0) return "";
  return `; did you mean ${near.map((n) => JSON.stringify(n)).join(" or ")}?`;
}
