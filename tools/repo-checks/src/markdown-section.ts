/**
 * The body of the first Markdown section whose `##`/`###` heading matches `heading` (up to the next
 * heading of the same or a higher level), or null when there is none. Fenced code is skipped when
 * looking for headings, so a `# comment` in a shell block does not end a section.
 */
export function markdownSection(text: string, heading: RegExp): string | null {
  const lines = text.split(/\r?\n/);
  let inFence = false;
  let start = -1;
  let level = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    if (inFence) continue;
    const m = /^(#{1,6})\s+(.*?)\s*$/.exec(line);
    if (!m) continue;
    const thisLevel = m[1]!.length;
    if (start >= 0 && thisLevel <= level) return lines.slice(start, i).join("\n");
    if (start < 0 && heading.test(m[2]!)) {
      start = i + 1;
      level = thisLevel;
    }
  }
  return start >= 0 ? lines.slice(start).join("\n") : null;
}

/** Every `inline code` span of a Markdown text (fenced blocks excluded), in order. */
export function inlineCodeSpans(text: string): string[] {
  const withoutFences = text.replace(/^\s*(```|~~~)[\s\S]*?^\s*\1\s*$/gm, "");
  return [...withoutFences.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]!);
}
