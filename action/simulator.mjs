// Starts `qac sim` (the demo tenant) when no QAComplete connection is given.
import { spawn } from "node:child_process";

/**
 * Starts the simulator on a free port and resolves with its URL and a `stop()`.
 * @param {string} bin
 * @param {{ cwd: string, env: NodeJS.ProcessEnv }} options
 * @returns {Promise<{ url: string, stop: () => void }>}
 */
export function startSimulator(bin, { cwd, env }) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, "sim", "--port", "0"], { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    const timer = setTimeout(() => fail(new Error(`qac sim did not start within 30 s:\n${output}`)), 30_000);
    const fail = (error) => {
      clearTimeout(timer);
      child.kill();
      reject(error);
    };
    const read = (chunk) => {
      output += chunk;
      const url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
      if (!url) return;
      clearTimeout(timer);
      child.stdout.off("data", read);
      child.stdout.resume();
      resolve({ url, stop: () => void child.kill("SIGTERM") });
    };
    child.stdout.setEncoding("utf8").on("data", read);
    child.stderr.setEncoding("utf8").on("data", (chunk) => (output += chunk));
    child.on("exit", (code) => fail(new Error(`qac sim exited with ${code}:\n${output}`)));
  });
}
