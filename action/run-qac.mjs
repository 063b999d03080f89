// Runs the installed qac and collects what a step needs from it.
import { spawn } from "node:child_process";

/**
 * @typedef {{ code: number, stdout: string }} QacResult
 */

/**
 * Runs `qac <args>` with the Node that runs the Action; stderr (progress, diagnostics) goes to the
 * job log as it comes, stdout is returned (and echoed when `echo`).
 * @param {string} bin path of the installed `@qac/cli/bin/qac.js`
 * @param {string[]} args
 * @param {{ cwd: string, env: NodeJS.ProcessEnv, echo?: boolean }} options
 * @returns {Promise<QacResult>}
 */
export function runQac(bin, args, { cwd, env, echo = false }) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd, env, stdio: ["ignore", "pipe", "inherit"] });
    const chunks = [];
    child.stdout.on("data", (chunk) => {
      chunks.push(chunk);
      if (echo) process.stdout.write(chunk);
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, stdout: Buffer.concat(chunks).toString("utf8") }));
  });
}
