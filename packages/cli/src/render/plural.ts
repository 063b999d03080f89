/** `plural(1, "call")` → `"1 call"`, `plural(2, "call")` → `"2 calls"`. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
