import { timingSafeEqual } from "node:crypto";
import { sha256 } from "../tenant/build-tenant.js";
import type { Tenant, UserRecord } from "../tenant/tenant.js";
import { HttpError } from "./http-error.js";

/** A 401 that carries the `WWW-Authenticate: Basic` challenge (reference §11.5). */
export class AuthError extends HttpError {
  constructor(message: string) {
    super(401, message);
  }
}

const NO_USER = sha256("\0no-user");

/**
 * The login and secret of an HTTP Basic `Authorization` header (the secret is "" without a colon).
 * @throws AuthError with `missing` when there is no well-formed Basic header
 */
export function readBasicCredentials(header: string | undefined, missing: string): { login: string; secret: string } {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? "");
  if (!match) throw new AuthError(missing);
  const decoded = Buffer.from(match[1]!, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  return colon < 0
    ? { login: decoded, secret: "" }
    : { login: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
}

/**
 * Checks HTTP Basic credentials where the login is the user's e-mail (reference §1.2). The password
 * is compared in constant time and never appears in any message.
 * @throws AuthError for a missing, malformed or wrong Authorization header, or an inactive user
 */
export function authenticate(tenant: Tenant, header: string | undefined): UserRecord {
  const { login, secret: password } = readBasicCredentials(
    header,
    "Authorization has been denied for this request: send HTTP Basic credentials (e-mail and password)",
  );
  const user = tenant.usersByEmail.get(login.toLowerCase());
  // Compare against a dummy when the user is unknown so timing does not reveal valid logins.
  const ok = timingSafeEqual(sha256(password), user?.passwordDigest ?? NO_USER) && user !== undefined;
  if (!ok || user.seed.is_active === false)
    throw new AuthError("Authorization has been denied for this request: wrong e-mail or password");
  return user;
}
