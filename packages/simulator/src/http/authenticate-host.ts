import { timingSafeEqual } from "node:crypto";
import { sha256 } from "../tenant/build-tenant.js";
import type { Tenant } from "../tenant/tenant.js";
import { AuthError } from "./authenticate.js";

const NO_TOKEN = sha256("\0no-token");

/**
 * Checks automation-API host credentials: Basic auth where the login is the host id and the
 * password its security token (reference §1.3). The token is compared in constant time.
 * @returns the host id
 * @throws AuthError for missing or wrong credentials
 */
export function authenticateHost(tenant: Tenant, header: string | undefined): number {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? "");
  if (!match)
    throw new AuthError(
      "Authorization has been denied for this request: send the host id and its security token with HTTP Basic",
    );
  const decoded = Buffer.from(match[1]!, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  const login = colon < 0 ? decoded : decoded.slice(0, colon);
  const token = colon < 0 ? "" : decoded.slice(colon + 1);
  const hostId = /^\d+$/.test(login) ? Number(login) : NaN;
  const expected = tenant.hostAgents.get(hostId)?.tokenDigest;
  const ok = timingSafeEqual(sha256(token), expected ?? NO_TOKEN) && expected !== undefined;
  if (!ok) throw new AuthError("Authorization has been denied for this request: wrong host id or security token");
  return hostId;
}
