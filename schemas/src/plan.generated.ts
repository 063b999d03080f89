/* eslint-disable */
/**
 * GENERATED from schemas/plan.schema.json by `pnpm --filter @qac/schemas generate`. Do not edit:
 * change the schema and regenerate (a test fails when this file drifts from the schema).
 */

/**
 * The QAComplete project every entry runs in: its name (a string) or its id (an integer). Required in the plan you run; an included file may leave it out.
 */
export type EntityRef = EntityName | EntityId | ById | ByName;
/**
 * A QAComplete title or name, matched exactly (case-insensitively when no exact match exists).
 *
 * This interface was referenced by `PlanFile`'s JSON-Schema
 * via the `definition` "EntityName".
 */
export type EntityName = string;
/**
 * A QAComplete id (a positive integer).
 *
 * This interface was referenced by `PlanFile`'s JSON-Schema
 * via the `definition` "EntityId".
 */
export type EntityId = number;
/**
 * A QAComplete id (a positive integer).
 */
export type EntityId1 = number;
/**
 * A QAComplete title or name, matched exactly (case-insensitively when no exact match exists).
 */
export type EntityName1 = string;
/**
 * Configurations (short names) for entries that list none.
 */
export type ShortNames = ShortName | ShortName[];
/**
 * A short name defined in this plan: letters, digits, `.`, `_` and `-`, starting with a letter or digit.
 *
 * This interface was referenced by `PlanFile`'s JSON-Schema
 * via the `definition` "ShortName".
 */
export type ShortName = string;
/**
 * Releases (short names) for entries that list none.
 */
export type ShortNames1 = ShortName | ShortName[];
/**
 * A short name defined in this plan: letters, digits, `.`, `_` and `-`, starting with a letter or digit.
 */
export type ShortName1 = string;
/**
 * A label for selection (`--only label:smoke`) and host routing: letters, digits, `.`, `_`, `-` and `:`.
 *
 * This interface was referenced by `PlanFile`'s JSON-Schema
 * via the `definition` "Label".
 */
export type Label = string;
/**
 * Labels added to every entry (merged with the entry's own).
 */
export type Labels = Label[];
/**
 * A QAComplete entity: its name (a string), its id (an integer), `{ id: N }` or `{ name: "..." }`.
 *
 * This interface was referenced by `PlanFile`'s JSON-Schema
 * via the `definition` "EntityRef".
 */
export type EntityRef1 = EntityName | EntityId | ById | ByName;
/**
 * A release, iteration or build: a path string (`2026.12 / RC1 / Build 42`), a unique title, an id, `{ id: N }`, `{ name: "..." }` or `{ path: [...] }`.
 *
 * This interface was referenced by `PlanFile`'s JSON-Schema
 * via the `definition` "ReleaseRef".
 */
export type ReleaseRef = EntityName | EntityId | ById | ByName | ByPath;
/**
 * Configuration short name (glob).
 */
export type Match = string | [string, ...string[]];
/**
 * The test as written in the entry, its title or its id (a number, or glob patterns); only matches test entries.
 */
export type EntityMatch = string | number | [string | number, ...(string | number)[]];
/**
 * The test set as written in the entry, its title or its id (a number, or glob patterns); only matches test set entries.
 */
export type EntityMatch1 = string | number | [string | number, ...(string | number)[]];
/**
 * Folder name of the test or test set in QAComplete (glob); known only when the plan is resolved online.
 */
export type Match1 = string | [string, ...string[]];
/**
 * The entry has every one of these labels.
 */
export type Labels1 = Label[];
/**
 * A short name defined in this plan: letters, digits, `.`, `_` and `-`, starting with a letter or digit.
 */
export type ShortName2 = string;
/**
 * A short name defined in this plan: letters, digits, `.`, `_` and `-`, starting with a letter or digit.
 */
export type ShortName3 = string;
/**
 * A QAComplete entity: its name (a string), its id (an integer), `{ id: N }` or `{ name: "..." }`.
 */
export type EntityRef2 = EntityName | EntityId | ById | ByName;
/**
 * A QAComplete entity: its name (a string), its id (an integer), `{ id: N }` or `{ name: "..." }`.
 */
export type EntityRef3 = EntityName | EntityId | ById | ByName;
/**
 * Configurations (short names) to run for; one run each. Left out: the defaults, else one run without a configuration.
 */
export type ShortNames2 = ShortName | ShortName[];
/**
 * Releases (short names) to run for; one run each. Left out: the defaults, else one run without a release.
 */
export type ShortNames3 = ShortName | ShortName[];
/**
 * A short name defined in this plan: letters, digits, `.`, `_` and `-`, starting with a letter or digit.
 */
export type ShortName4 = string;
/**
 * Labels for selection and routing.
 */
export type Labels2 = Label[];
/**
 * A short name defined in this plan: letters, digits, `.`, `_` and `-`, starting with a letter or digit.
 */
export type ShortName5 = string;
/**
 * One short name, or a list of them.
 *
 * This interface was referenced by `PlanFile`'s JSON-Schema
 * via the `definition` "ShortNames".
 */
export type ShortNames4 = ShortName | ShortName[];
/**
 * Labels for selection and routing.
 *
 * This interface was referenced by `PlanFile`'s JSON-Schema
 * via the `definition` "Labels".
 */
export type Labels3 = Label[];
/**
 * One value or a list of glob patterns (`*` any text, `?` one character); any of them may match.
 *
 * This interface was referenced by `PlanFile`'s JSON-Schema
 * via the `definition` "Match".
 */
export type Match2 = string | [string, ...string[]];
/**
 * A test's or test set's id, or a glob pattern of its name (`*` any text, `?` one character), or a list of them; any of them may match.
 *
 * This interface was referenced by `PlanFile`'s JSON-Schema
 * via the `definition` "EntityMatch".
 */
export type EntityMatch2 = string | number | [string | number, ...(string | number)[]];

/**
 * A qac test plan (format version 1): what to run in one QAComplete project — tests and test sets, the configurations and releases to run them for, and the test hosts that execute them. See docs/plan-format.md.
 */
export interface PlanFile {
  /**
   * Optional pointer to this schema, for editors that read it from the document instead of a `# yaml-language-server` comment.
   */
  $schema?: string;
  /**
   * Plan format version. Always 1 for this format.
   */
  version: 1;
  project?: EntityRef;
  /**
   * Other plan files (or folders of *.yaml plans, written with a trailing slash) to combine with this one, relative to this file. Their configurations, releases, hosts and entries are merged into this plan.
   *
   * Items: A path relative to this file: a plan file, or a folder ending in `/`.
   */
  include?: string[];
  defaults?: Defaults;
  /**
   * Test configurations used by this plan, by short name. Entries and routing rules refer to these short names.
   */
  configurations?: {
    [k: string]: EntityRef1;
  };
  /**
   * Releases, iterations or builds used by this plan, by short name. A string containing `/` is a path from the top-level release down (`2026.12 / RC1 / Build 42`); a string without one is a title that must be unique among all releases, iterations and builds.
   */
  releases?: {
    [k: string]: ReleaseRef;
  };
  /**
   * Test hosts (machines running a QAComplete test agent) used by this plan, by short name: the host name as registered, or its id.
   */
  hosts?: {
    [k: string]: EntityRef1;
  };
  routing?: Routing;
  /**
   * What to run: each entry is one test or test set, expanded over its configurations x releases.
   */
  entries?: Entry[];
}
/**
 * Refers to an entity by its QAComplete id.
 *
 * This interface was referenced by `PlanFile`'s JSON-Schema
 * via the `definition` "ById".
 */
export interface ById {
  id: EntityId1;
}
/**
 * Refers to an entity by its exact name or title (use this form for a release title that contains `/`).
 *
 * This interface was referenced by `PlanFile`'s JSON-Schema
 * via the `definition` "ByName".
 */
export interface ByName {
  name: EntityName1;
}
/**
 * Values every entry gets unless it sets its own: configurations, releases, host, sequential, forceNewRun, labels, manual.
 */
export interface Defaults {
  configurations?: ShortNames;
  releases?: ShortNames1;
  host?: ShortName1;
  /**
   * IsSequential for every run: run the tests of a set strictly in set order. When left out, a test set's own setting is used (false for a single test).
   */
  sequential?: boolean;
  /**
   * ForceNewRunCreation for every run: create a new run even if the same test is already running.
   */
  forceNewRun?: boolean;
  labels?: Labels;
  /**
   * Entries are manual runs that need no host.
   */
  manual?: boolean;
}
/**
 * Refers to a release, iteration or build by its titles from the top-level release down.
 *
 * This interface was referenced by `PlanFile`'s JSON-Schema
 * via the `definition` "ByPath".
 */
export interface ByPath {
  /**
   * Titles from the top: release, then iteration, then build.
   *
   * @minItems 1
   * @maxItems 10
   */
  path: [EntityName, ...EntityName[]];
}
/**
 * Host routing for entries that name no host: ordered rules (first match wins), then a fallback host.
 */
export interface Routing {
  /**
   * Ordered rules; the first match wins.
   */
  rules?: RoutingRule[];
  fallback?: ShortName3;
}
/**
 * Runs that match `when` go to `host`.
 *
 * This interface was referenced by `PlanFile`'s JSON-Schema
 * via the `definition` "RoutingRule".
 */
export interface RoutingRule {
  when: When;
  host: ShortName2;
}
/**
 * What a run must match.
 */
export interface When {
  configuration?: Match;
  test?: EntityMatch;
  testSet?: EntityMatch1;
  folder?: Match1;
  labels?: Labels1;
}
/**
 * One test or test set, run for every configuration x release in its matrix. Give exactly one of `test` and `testSet`.
 *
 * This interface was referenced by `PlanFile`'s JSON-Schema
 * via the `definition` "Entry".
 */
export interface Entry {
  /**
   * A stable key for selection (`--only KEY`) and messages: letters, digits, `.`, `_`, `-` and `/`, unique in the plan. Defaults to a key made from the test or set.
   */
  key?: string;
  test?: EntityRef2;
  testSet?: EntityRef3;
  configurations?: ShortNames2;
  releases?: ShortNames3;
  host?: ShortName4;
  /**
   * IsSequential: run the set's tests strictly in order.
   */
  sequential?: boolean;
  /**
   * ForceNewRunCreation: create a new run even if this test is already running.
   */
  forceNewRun?: boolean;
  labels?: Labels2;
  sequenceGroup?: ShortName5;
  /**
   * A manual run: no host is needed or assigned.
   */
  manual?: boolean;
}
/**
 * Values every entry gets unless it sets its own.
 *
 * This interface was referenced by `PlanFile`'s JSON-Schema
 * via the `definition` "Defaults".
 */
export interface Defaults1 {
  configurations?: ShortNames;
  releases?: ShortNames1;
  host?: ShortName1;
  /**
   * IsSequential for every run: run the tests of a set strictly in set order. When left out, a test set's own setting is used (false for a single test).
   */
  sequential?: boolean;
  /**
   * ForceNewRunCreation for every run: create a new run even if the same test is already running.
   */
  forceNewRun?: boolean;
  labels?: Labels;
  /**
   * Entries are manual runs that need no host.
   */
  manual?: boolean;
}
/**
 * Conditions of a routing rule; all given conditions must hold.
 *
 * This interface was referenced by `PlanFile`'s JSON-Schema
 * via the `definition` "When".
 */
export interface When1 {
  configuration?: Match;
  test?: EntityMatch;
  testSet?: EntityMatch1;
  folder?: Match1;
  labels?: Labels1;
}
/**
 * How runs of entries without a host find one: the first matching rule wins, else the fallback.
 *
 * This interface was referenced by `PlanFile`'s JSON-Schema
 * via the `definition` "Routing".
 */
export interface Routing1 {
  /**
   * Ordered rules; the first match wins.
   */
  rules?: RoutingRule[];
  fallback?: ShortName3;
}
