import type { ProjectId, QacClient } from "@qac/core";
import { CliError } from "../errors.js";
import { terminalText } from "../render/terminal-text.js";

/**
 * The project a `--project` value names: digits are its id (no call), anything else its name,
 * matched exactly or, failing that, ignoring case. An unknown or ambiguous name is a usage error
 * that lists the projects the user can see.
 */
export async function findProject(client: QacClient, raw: string): Promise<ProjectId> {
  const { toProjectId } = await import("@qac/core");
  if (/^\d+$/.test(raw)) return toProjectId(raw);
  const projects: { id: string; name: string }[] = [];
  for await (const p of client.projects.iterate()) projects.push({ id: p.id, name: p.proj_name });
  let found = projects.filter((p) => p.name === raw);
  if (found.length === 0) found = projects.filter((p) => p.name.toLowerCase() === raw.toLowerCase());
  if (found.length === 1) return toProjectId(found[0]!.id);
  const list = (ps: typeof projects) =>
    ps
      .slice(0, 10)
      .map((p) => `${terminalText(p.name)} (${p.id})`)
      .join(", ");
  throw new CliError(
    "CLI_USAGE",
    found.length > 1
      ? `--project ${terminalText(JSON.stringify(raw))} names ${found.length} projects: ${list(found)}; give its id.`
      : `--project ${terminalText(JSON.stringify(raw))} is not a project this user can ` +
          `see${projects.length ? `; projects: ${list(projects)}` : ""}.`,
  );
}
