const cache = new Map<string, RegExp>();

/**
 * Compiles a glob (`*` any text, `?` one character, everything else literal) to an anchored,
 * case-insensitive regular expression. Compiled patterns are cached.
 */
export function globToRegExp(glob: string): RegExp {
  let re = cache.get(glob);
  if (!re) {
    const body = glob
      .replace(/[.+^${}()|[\]\\]/g, "\\$&")
      .replace(/\*/g, ".*")
      .replace(/\?/g, ".");
    re = new RegExp(`^${body}$`, "i");
    if (cache.size < 1000) cache.set(glob, re);
  }
  return re;
}

/** Whether any of `patterns` matches any of `values` (a glob against each value). */
export function matchesAny(patterns: readonly string[], values: readonly string[]): boolean {
  return patterns.some((p) => {
    const re = globToRegExp(p);
    return values.some((v) => re.test(v));
  });
}
