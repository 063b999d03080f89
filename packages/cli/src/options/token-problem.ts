import type { CliIo } from "../cli-io.js";

/**
 * What is wrong with the status server's tokens, in the variables the user sets, or null. The
 * server checks them too; checking here keeps its option names (`token`) out of the message.
 */
export function tokenProblem(env: CliIo["env"]): string | null {
  const fix = "set it to a random secret of at least 16 characters, e.g. $(openssl rand -hex 24)";
  for (const name of ["QAC_STATUS_TOKEN", "QAC_STATUS_ADMIN_TOKEN", "QAC_STATUS_READ_TOKEN"]) {
    const value = env[name];
    if (name !== "QAC_STATUS_TOKEN" && !value) continue;
    if (!value) return `${name} is missing: qac serve needs it for writes and leases; ${fix}.`;
    if (value.length < 16) return `${name} is too short (${value.length} characters); ${fix}.`;
  }
  return null;
}
