import type { FastifyRequest } from "fastify";
import { authenticate } from "../http/authenticate.js";
import { accessDenied, notFound } from "../http/http-error.js";
import type { SeedRight } from "../seed/seed-document.js";
import { aclOf, hasAnyRight, type Area } from "../tenant/rights.js";
import type { UserRecord } from "../tenant/tenant.js";
import type { Runtime } from "../runtime.js";

/** API roots; each resource is served under both versions (reference §1.1, UNCONFIRMED for the real server). */
const API_ROOT = "/rest-api/service/api";
export const AUTOMATION_ROOT = "/rest-api/service/automation/v2";

/** The v1 and v2 URLs of a main-API path. */
export const bothVersions = (path: string): string[] => [`${API_ROOT}/v1${path}`, `${API_ROOT}/v2${path}`];

/** The caller and the project a request is about. */
export interface ProjectAccess {
  user: UserRecord;
  projectId: number;
  /** `permissions.acl` of the caller in the area (reference §1.4). */
  acl: number;
}

/**
 * Authenticates the caller and checks the right for the project area. A project that does not
 * exist and a project the caller may not use both answer 403 "Access is denied" (reference §2.6).
 */
export function requireProject(
  rt: Runtime,
  request: FastifyRequest,
  area: Area | null,
  right: SeedRight,
): ProjectAccess {
  const user = authenticate(rt.tenant, request.headers.authorization);
  const raw = (request.params as Record<string, string | undefined>)["projectId"] ?? "";
  const projectId = /^\d+$/.test(raw) ? Number(raw) : NaN;
  const rights = user.rights.get(projectId);
  if (!rt.tenant.projects.has(projectId) || !hasAnyRight(rights)) throw accessDenied();
  if (area !== null && !rights![area].has(right)) throw accessDenied();
  return { user, projectId, acl: area === null ? 7 : aclOf(rights, area) };
}

/** Reads a numeric path parameter; anything else is "File or directory not found". */
export function idParam(request: FastifyRequest, name: string): number {
  const raw = (request.params as Record<string, string | undefined>)[name] ?? "";
  if (!/^\d+$/.test(raw)) throw notFound();
  return Number(raw);
}

/** A project's entity by id, or 404 when it does not exist in that project. */
export function findInProject<T extends { project_id: number }>(row: T | undefined, projectId: number): T {
  if (!row || row.project_id !== projectId) throw notFound();
  return row;
}
