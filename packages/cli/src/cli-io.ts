/** Where the CLI writes and what it reads from its surroundings; injected so tests need no process. */
export interface CliIo {
  stdout: { write(text: string): unknown; isTTY?: boolean; columns?: number };
  stderr: { write(text: string): unknown; isTTY?: boolean; columns?: number };
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  /** Reads standard input to its end (`--password-stdin`). @default no input: an empty string */
  readStdin?: () => Promise<string>;
  /** Resolves when a long-running command (`qac sim`) should stop. @default SIGINT or SIGTERM */
  waitForStop?: () => Promise<string>;
}

/** The real process's streams, standard input, environment and signals. */
export function processIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
    cwd: process.cwd(),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString("utf8");
    },
    waitForStop: () =>
      new Promise((resolve) => {
        process.once("SIGINT", () => resolve("SIGINT"));
        process.once("SIGTERM", () => resolve("SIGTERM"));
      }),
  };
}

/**
 * Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org);
 * FORCE_COLOR=1 turns it on anywhere.
 */
export function useColor(stream: CliIo["stdout"], env: CliIo["env"]): boolean {
  if (env["NO_COLOR"] !== undefined && env["NO_COLOR"] !== "") return false;
  if (env["FORCE_COLOR"] !== undefined && env["FORCE_COLOR"] !== "0") return true;
  return stream.isTTY === true;
}
