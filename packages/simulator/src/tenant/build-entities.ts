import type { SeedHost, SeedUser } from "../seed/seed-document.js";
import { formatDate, MIN_DATE } from "../store/format-date.js";
import type { EntityRow } from "./wire-types.js";

/** Shared inputs of the builders: who "created" the seed data and when. */
export interface BuildContext {
  projectId: number;
  /** The seed's first user, shown as creator/owner of seeded entities. */
  owner: { id: number; name: string };
  /** Creation date of seeded entities (30 days before the clock start). */
  created: string;
  folderId(name: string | undefined): number;
  /** Names of the project's test custom fields (seed `test_custom_fields`). @default none */
  testCustomFields?: readonly string[];
}

/** "Last, First " — the wire's user-name format, trailing space included (reference §3.3 sample). */
export function displayName(user: Pick<SeedUser, "first_name" | "last_name">): string {
  return `${user.last_name}, ${user.first_name} `;
}

/** Creator, owner and counters shared by seeded library entities. */
export const audit = (ctx: BuildContext) => ({
  create_user_id: ctx.owner.id,
  update_user_id: ctx.owner.id,
  date_created: ctx.created,
  date_updated: ctx.created,
  owner_user_id: ctx.owner.id,
  owner_name: ctx.owner.name,
  user_name: ctx.owner.name,
  nbr_files: 0,
  nbr_notes: 0,
});

/** A user as listed under a project (reference §8). */
export function buildUser(seed: SeedUser): EntityRow {
  return {
    id: seed.id,
    project_id: 0,
    first_name: seed.first_name,
    middle_name: seed.middle_name ?? "",
    last_name: seed.last_name,
    work_phone: "",
    email: seed.email,
    is_logged_on: false,
    is_security_admin: seed.is_security_admin ?? false,
    is_active: seed.is_active ?? true,
    nbr_times_logon: 0,
    date_of_anniv: MIN_DATE,
    is_selected: false,
  };
}

/**
 * A test host in the automation API's shape (reference §9). The security token is never sent back:
 * lookups by name use user credentials and the token is the host's password.
 */
export function buildHost(seed: SeedHost, deptId: number): EntityRow {
  return {
    id: seed.id,
    project_id: 0,
    host_name: seed.host_name,
    host_configuration: seed.host_configuration ?? "",
    agents: seed.agents ?? [],
    os: seed.os ?? "",
    is_active: seed.is_active ?? true,
    agent_version: seed.agent_version ?? "14.60.1234",
    dept_id: deptId,
  };
}

/** Creation date for seeded entities: 30 days before `clockStart`. */
export function seedCreationDate(clockStartMs: number): string {
  return formatDate(clockStartMs - 30 * 24 * 3600 * 1000);
}
