// Module boundaries: which workspace project may import which, by the Nx project tags in each
// package.json (`"nx": { "tags": ["scope:core"] }`). It does what @nx/enforce-module-boundaries
// does, as a local rule: that plugin is not published for Nx 24 and would bring a second Nx.
import { readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { packageDirs } from "./scripts/workspace-packages.mjs";

/**
 * What a project with each tag may import besides itself, and why. Dependencies point one way:
 * core ← planner ← runner ← cli, status-server; the simulator imports nothing of ours.
 * @public (tools/repo-checks/test/module-boundaries.test.ts reads it)
 */
export const BOUNDARIES = {
  "scope:schemas": { may: [], why: "the schemas are the contract every package builds on" },
  "scope:core": { may: [], why: "the client is the bottom layer" },
  "scope:planner": { may: ["scope:core", "scope:schemas"], why: "the planner sits on the client" },
  "scope:runner": { may: ["scope:planner", "scope:core", "scope:schemas"], why: "the runner sits on the planner" },
  "scope:status-server": {
    may: ["scope:runner", "scope:core", "scope:schemas"],
    why: "the status server sits on the runner",
  },
  "scope:cli": {
    may: ["scope:runner", "scope:planner", "scope:core", "scope:schemas"],
    // Optional peers: `qac sim` and `qac serve` load them with import() when they run.
    optional: ["scope:simulator", "scope:status-server"],
    why: "the CLI sits on the runner",
  },
  "scope:simulator": {
    may: [],
    why: "the simulator is the independent server side: it shares no code (and so no mistakes) with the client",
  },
  "scope:examples": {
    may: ["scope:core", "scope:planner", "scope:runner", "scope:simulator"],
    why: "the examples use the packages as a user does",
  },
  "scope:action": { may: [], why: "the Action installs the published CLI and runs it" },
  "scope:tools": { may: ["*"], why: "the tools check and pack every package" },
};

/**
 * Tests, benches and test support may also start the simulator (the fake QAComplete server).
 * @public
 */
export const TEST_ONLY = ["scope:simulator"];
const TEST_FILE = /(^|\/)(test|bench|test-support)\/|\.test\.ts$/;

const root = import.meta.dirname;

/**
 * Every workspace project: folder (relative, `/`-separated), package name, scope tag.
 * @public
 */
export function workspaceProjects() {
  return packageDirs(root).map((dir) => {
    const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
    const tags = pkg.nx?.tags ?? [];
    const scope = tags.find((t) => Object.hasOwn(BOUNDARIES, t));
    const rel = relative(root, dir).split(sep).join("/");
    if (!scope)
      throw new Error(`eslint.boundaries.js: ${rel}/package.json needs one of ${Object.keys(BOUNDARIES)} in nx.tags`);
    return { dir: rel, name: pkg.name, scope };
  });
}

function ruleFor(projects) {
  const byName = new Map(projects.map((p) => [p.name, p]));
  const projectOf = (file) => {
    const rel = relative(root, file).split(sep).join("/");
    return projects.find((p) => rel === p.dir || rel.startsWith(`${p.dir}/`));
  };
  const targetOf = (specifier, file) => {
    if (specifier.startsWith(".")) return projectOf(resolve(dirname(file), specifier));
    const name = specifier.startsWith("@") ? specifier.split("/").slice(0, 2).join("/") : specifier.split("/")[0];
    return byName.get(name);
  };

  return {
    meta: {
      type: "problem",
      docs: { description: "Keep the dependency direction between workspace projects (Nx tags)." },
      schema: [],
      messages: {
        relative: "{{from}} imports {{path}} of {{to}} by relative path; import {{to}} by its package name.",
        forbidden: "{{from}} ({{fromScope}}) may not import {{to}} ({{toScope}}): {{why}}; it may import {{allowed}}.",
        optionalStatic:
          "{{from}} may load the optional peer {{to}} only with import() when its command runs " +
          "(or `import type`), so the rest works without it installed.",
      },
    },
    create(context) {
      const file = context.filename;
      const from = projectOf(file);
      if (!from) return {};
      const rules = BOUNDARIES[from.scope];
      const isTest = TEST_FILE.test(relative(join(root, from.dir), file).split(sep).join("/"));

      function check(node, source, typeOnly, dynamic) {
        if (typeof source?.value !== "string") return;
        const to = targetOf(source.value, file);
        if (!to || to === from) return;
        const data = { from: from.name, to: to.name, fromScope: from.scope, toScope: to.scope, path: source.value };
        if (source.value.startsWith(".")) return context.report({ node, messageId: "relative", data });
        if (rules.may.includes("*") || rules.may.includes(to.scope)) return;
        if (isTest && TEST_ONLY.includes(to.scope)) return;
        if (rules.optional?.includes(to.scope)) {
          if (!typeOnly && !dynamic) context.report({ node, messageId: "optionalStatic", data });
          return;
        }
        const allowed = rules.may.length ? rules.may.join(", ") : "nothing of ours";
        context.report({ node, messageId: "forbidden", data: { ...data, why: rules.why, allowed } });
      }

      const typeOnlyImport = (node) =>
        node.importKind === "type" ||
        (node.specifiers.length > 0 && node.specifiers.every((s) => s.importKind === "type"));
      return {
        ImportDeclaration: (node) => check(node, node.source, typeOnlyImport(node), false),
        ExportNamedDeclaration: (node) => check(node, node.source, node.exportKind === "type", false),
        ExportAllDeclaration: (node) => check(node, node.source, node.exportKind === "type", false),
        ImportExpression: (node) => check(node, node.source, false, true),
        TSImportType: (node) => check(node, node.argument?.literal ?? node.argument, true, false),
      };
    },
  };
}

/** The ESLint plugin with the one rule, `qac/module-boundaries`. */
export const boundariesPlugin = { rules: { "module-boundaries": ruleFor(workspaceProjects()) } };
