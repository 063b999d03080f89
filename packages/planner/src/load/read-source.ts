import { open, stat } from "node:fs/promises";
import type { Diagnostic, PlanErrorCode } from "../errors.js";

/** Plans larger than this are refused before parsing (a plan is hand-written; 10 MiB is plenty). */
export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

/** The text of a plan file, or the diagnostics explaining why it cannot be read. */
export type SourceText =
  { ok: true; text: string; diagnostics: Diagnostic[] } | { ok: false; diagnostics: Diagnostic[] };

function fileProblem(file: string, code: PlanErrorCode, message: string, line = 1, column = 1): Diagnostic {
  return { code, severity: "error", message, file, line, column };
}

/**
 * Reads a plan file as UTF-8 with a size cap: a missing file, a directory, an oversized file or
 * bytes that are not UTF-8 each come back as one diagnostic, never as a thrown error.
 */
export async function readSource(fullPath: string, maxBytes = DEFAULT_MAX_BYTES, file = fullPath): Promise<SourceText> {
  let info;
  try {
    info = await stat(fullPath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR")
      return {
        ok: false,
        diagnostics: [
          fileProblem(file, "PLAN_FILE_NOT_FOUND", `plan file not found; check the path (looked for ${fullPath})`),
        ],
      };
    return {
      ok: false,
      diagnostics: [fileProblem(file, "PLAN_FILE_NOT_FOUND", `cannot read the plan file (${code ?? "unknown error"})`)],
    };
  }
  if (info.isDirectory())
    return {
      ok: false,
      diagnostics: [
        fileProblem(
          file,
          "PLAN_NOT_A_FILE",
          "is a directory, not a plan file; pass a .yaml file (to combine a folder of plans, list it under " +
            "`include:` with a trailing slash)",
        ),
      ],
    };
  if (!info.isFile())
    return {
      ok: false,
      diagnostics: [fileProblem(file, "PLAN_NOT_A_FILE", "is not a regular file; pass a .yaml plan file")],
    };
  if (info.size > maxBytes) return { ok: false, diagnostics: [tooLarge(file, info.size, maxBytes)] };
  // Read at most maxBytes + 1 even if the file grew after stat, so memory stays bounded.
  const handle = await open(fullPath, "r").catch((error: NodeJS.ErrnoException) => error);
  if (handle instanceof Error)
    return {
      ok: false,
      diagnostics: [
        fileProblem(file, "PLAN_FILE_NOT_FOUND", `cannot open the plan file (${handle.code ?? handle.message})`),
      ],
    };
  try {
    const buffer = Buffer.alloc(Math.min(info.size, maxBytes) + 1);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    if (bytesRead > maxBytes) return { ok: false, diagnostics: [tooLarge(file, bytesRead, maxBytes)] };
    return decodeSource(file, buffer.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}

function tooLarge(file: string, size: number, maxBytes: number): Diagnostic {
  const mib = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`;
  return fileProblem(
    file,
    "PLAN_FILE_TOO_LARGE",
    `plan is ${mib(size)}, over the ${mib(maxBytes)} limit; split it into files combined with \`include:\``,
  );
}

/**
 * Decodes plan bytes: strict UTF-8 (the first bad byte is located), UTF-16 refused, a UTF-8
 * byte order mark dropped with a warning.
 */
export function decodeSource(file: string, bytes: Uint8Array): SourceText {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))
    return { ok: false, diagnostics: [fileProblem(file, "PLAN_ENCODING", "file is UTF-16; save it as UTF-8")] };
  const diagnostics: Diagnostic[] = [];
  let body = bytes;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    body = bytes.subarray(3);
    diagnostics.push({
      ...fileProblem(
        file,
        "PLAN_BOM",
        "file starts with a UTF-8 byte order mark; it was ignored (save the file without BOM)",
      ),
      severity: "warning",
    });
  }
  try {
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(body), diagnostics };
  } catch {
    const at = firstInvalidUtf8(body);
    const before = new TextDecoder("utf-8").decode(body.subarray(0, at));
    const line = before.split("\n").length;
    const column = before.length - before.lastIndexOf("\n");
    const byte = (body[at] ?? 0).toString(16).padStart(2, "0");
    diagnostics.push(
      fileProblem(file, "PLAN_ENCODING", `byte 0x${byte} is not valid UTF-8; save the file as UTF-8`, line, column),
    );
    return { ok: false, diagnostics };
  }
}

/** Offset of the first byte that does not start or continue a well-formed UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need =
      b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    // Overlong, surrogate and out-of-range forms (the cases the first byte alone cannot rule out).
    const c1 = bytes[i + 1] ?? 0;
    if (
      (b === 0xe0 && c1 < 0xa0) ||
      (b === 0xed && c1 > 0x9f) ||
      (b === 0xf0 && c1 < 0x90) ||
      (b === 0xf4 && c1 > 0x8f)
    )
      return i;
    i += need + 1;
  }
  return bytes.length;
}
