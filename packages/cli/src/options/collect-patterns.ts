/**
 * Commander option parser for `--only` / `--exclude`: `--only a,b --only c` → `["a", "b", "c"]`.
 * Repeatable rather than variadic, so patterns never swallow the plan file names after them.
 */
export function collectPatterns(value: string, previous: string[] | undefined): string[] {
  return [
    ...(previous ?? []),
    ...value
      .split(",")
      .map((p) => p.trim())
      .filter((p) => p !== ""),
  ];
}
