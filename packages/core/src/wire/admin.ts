import type { HostId, ProjectId, ReleaseId, UserId } from "../ids.js";
import type { CustomField, Permissions, QacDateString } from "./envelope.js";

/** `release_type` values: one resource holds all three levels. */
export type ReleaseType = "Release" | "Iteration" | "Build" | (string & {});

/**
 * A release, iteration or build (reference §7, v1). Use `id`; the meaning of `release_id` is
 * UNCONFIRMED (equal to `id` in one sample, different in another).
 * @see https://support.smartbear.com/qacomplete/docs/developer/api/rest/api/reference/releases/id-get.html
 */
export interface Release {
  id: ReleaseId;
  project_id?: ProjectId;
  release_id?: number;
  /** `0` = top level. */
  parent_id?: ReleaseId | 0;
  parent_name?: string;
  release_type?: ReleaseType;
  title: string;
  is_active?: boolean;
  status_code?: string;
  folder_id?: number;
  est_start_date?: QacDateString;
  est_finish_date?: QacDateString;
  date_created?: QacDateString;
  date_updated?: QacDateString;
  description?: string;
  seq_num?: number;
  custom_fields?: CustomField[];
  __permissions?: Permissions;
}

/**
 * A project (reference §8, v1). `id` and `dept_id` are JSON strings on the wire (`"11873"`);
 * `toProjectId(project.id)` gives the branded number.
 */
export interface Project {
  id: string;
  proj_name: string;
  dept_id?: string;
  dept_name?: string;
  is_active?: boolean;
  date_created?: QacDateString;
  date_updated?: QacDateString;
  date_begin_scheduled?: QacDateString;
  date_end_scheduled?: QacDateString;
  user_name?: string;
  __permissions?: Permissions;
}

/** A project member (reference §8, v1). */
export interface User {
  id: UserId;
  first_name?: string;
  middle_name?: string;
  last_name?: string;
  email?: string;
  work_phone?: string;
  is_active?: boolean;
  is_logged_on?: boolean;
  is_security_admin?: boolean;
  nbr_times_logon?: number;
}

/**
 * A test host (automation API v2, reference §9). `security_token` is the host's agent secret:
 * `hosts.findByName` removes it before returning the host.
 */
export interface TestHost {
  id: HostId;
  host_name: string;
  host_configuration?: string;
  agents?: string[];
  os?: string;
  /** false = cannot be used for runs. */
  is_active?: boolean;
  security_token?: string;
  agent_version?: string;
}
