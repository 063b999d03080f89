import { createHash } from "node:crypto";

/** The parts that make a run the same run: what runs, where, for what, on which host. */
export interface IdentityParts {
  projectId: number;
  kind: "test" | "testSet";
  targetId: number;
  configurationId: number | null;
  releaseId: number | null;
  hostId: number | null;
}

/**
 * A readable identity (`p1001/set:6101/cfg:801/rel:904/host:101`) and its stable hash (16 hex
 * digits of SHA-256). Options such as IsSequential are not part of it: changing them does not
 * make a different run.
 */
export function runIdentity(p: IdentityParts): { identityKey: string; identity: string } {
  const part = (label: string, id: number | null) => `${label}:${id ?? "-"}`;
  const identityKey = [
    `p${p.projectId}`,
    part(p.kind === "test" ? "test" : "set", p.targetId),
    part("cfg", p.configurationId),
    part("rel", p.releaseId),
    part("host", p.hostId),
  ].join("/");
  return { identityKey, identity: createHash("sha256").update(identityKey).digest("hex").slice(0, 16) };
}
