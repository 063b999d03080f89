import { readFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "./pack.js";

/** The body of the first fenced block of `lang` under the root README's `## <heading>`. */
export function readmeBlock(heading: string, lang: string): string {
  const readme = readFileSync(join(repoRoot, "README.md"), "utf8");
  const start = readme.indexOf(`\n## ${heading}\n`);
  if (start < 0) throw new Error(`README.md has no "## ${heading}" section`);
  const section = readme.slice(start + 1).split(/\n## /)[0]!;
  const block = new RegExp("```" + lang + "\\n([\\s\\S]*?)\\n```").exec(section);
  if (!block) throw new Error(`README.md "## ${heading}" has no \`\`\`${lang} block`);
  return `${block[1]!}\n`;
}
