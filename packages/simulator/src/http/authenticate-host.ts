import { timingSafeEqual } from "node:crypto";
import { sha256 } from "../tenant/build-tenant.js";
import type { Tenant } from "../tenant/tenant.js";
import { AuthError, readBasicCredentials } from "./authenticate.js";

const NO_TOKEN = sha256("\0no-token");

/**
 * Checks automation-API host credentials: Basic auth where the login is the host id and the
 * password its security token (reference §1.3). The token is compared in constant time.
 * @returns the host id
 * @throws AuthError for missing or wrong credentials
 */
export function authenticateHost(tenant: Tenant, header: string | undefined): number {
  const { login, secret: token } = readBasicCredentials(
    header,
    "Authorization has been denied for this request: send the host id and its security token with HTTP Basic",
  );
  const hostId = /^\d+$/.test(login) ? Number(login) : NaN;
  const expected = tenant.hostAgents.get(hostId)?.tokenDigest;
  const ok = timingSafeEqual(sha256(token), expected ?? NO_TOKEN) && expected !== undefined;
  if (!ok) throw new AuthError("Authorization has been denied for this request: wrong host id or security token");
  return hostId;
}
