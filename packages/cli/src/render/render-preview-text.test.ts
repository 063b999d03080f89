import { describe, expect, it } from "vitest";
import type { PreviewDocument } from "@qac/runner";
import { renderPreviewText } from "./render-preview-text.js";
import { createStyle } from "./style.js";

const base = {
  identity: "i",
  identityKey: "k",
  testId: null,
  testSetId: 1,
  configuration: { id: 1, title: "Chrome / Windows 11" },
  release: { id: 2, title: "Build 42", path: "2026.12 / RC1 / Build 42" },
  host: { id: 3, name: "build-agent-01" },
  sequence: null,
  satisfiedBy: null,
  satisfiedByStatus: null,
  origin: { file: "smoke.yaml", line: 1 },
} as const;
const doc: PreviewDocument = {
  version: 1,
  kind: "qac-preview",
  plan: { name: "smoke", file: "smoke.yaml" },
  project: { id: 1001, name: "Web Shop" },
  applyIdentity: null,
  observedAt: "2026-11-28T10:00:00.000Z",
  calls: { resolve: { total: 3, minimum: 3 }, observe: { total: 2, runLists: 2, itemLists: 0, minimum: 2 } },
  summary: { total: 2, create: 1, createForced: 0, skip: 1 },
  runs: [
    { ...base, runKey: "a", kind: "testSet", title: "Checkout smoke", decision: "create", reason: "no unfinished run" },
    {
      ...base,
      runKey: "b",
      kind: "test",
      title: "Log in\u001b]0;x\u0007",
      decision: "skip",
      reason: "run 7 is pending",
    },
  ],
};

describe("renderPreviewText", () => {
  it("aligns one line per run under the summary, with titles' control characters escaped", () => {
    expect(renderPreviewText(doc)).toMatchInlineSnapshot(`
      "Plan smoke (smoke.yaml) · project Web Shop (1001)
      1 to create, 1 already satisfied · Run History read with 2 calls (minimum 2)

        + create  set Checkout smoke       Chrome / Windows 11  2026.12 / RC1 / Build 42  build-agent-01  no unfinished run
        = skip    test Log in\\x1b]0;x\\x07  Chrome / Windows 11  2026.12 / RC1 / Build 42  build-agent-01  run 7 is pending
      "
    `);
  });

  it("colours the decisions when asked", () => {
    expect(renderPreviewText(doc, createStyle(true))).toContain("\u001b[32m+ create\u001b[39m");
  });
});
