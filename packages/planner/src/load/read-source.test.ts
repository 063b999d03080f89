import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeSource, firstInvalidUtf8 } from "./read-source.js";

describe("decodeSource", () => {
  it("finds the first invalid UTF-8 byte exactly where a strict decoder fails", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
        let strictOk = true;
        try {
          new TextDecoder("utf-8", { fatal: true }).decode(bytes);
        } catch {
          strictOk = false;
        }
        expect(firstInvalidUtf8(bytes) === bytes.length).toBe(strictOk);
      }),
      { numRuns: 2000 },
    );
  });

  it("accepts UTF-8 text with non-ASCII characters and drops a BOM with a warning", () => {
    expect(decodeSource("p.yaml", new TextEncoder().encode("title: Größe ✓"))).toEqual({
      ok: true,
      text: "title: Größe ✓",
      diagnostics: [],
    });
    const bom = decodeSource("p.yaml", new Uint8Array([0xef, 0xbb, 0xbf, 0x61]));
    expect(bom.ok && bom.text).toBe("a");
    expect(bom.diagnostics.map((d) => d.code)).toEqual(["PLAN_BOM"]);
  });
});
