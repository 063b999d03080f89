/** The GitHub Action users add with `uses:` (its `action.yml` is at the root of the qac repository). */
export const GITHUB_ACTION = "qac-dev/qac@v1";

/** The GitLab CI template users `include:`, at the same major version as the Action. */
export const GITLAB_TEMPLATE_URL = "https://raw.githubusercontent.com/qac-dev/qac/v1/gitlab/qac.gitlab-ci.yml";

/** The CI systems `qac init --ci` writes a workflow for, and where. */
export const CI_FILES = { github: ".github/workflows/qac.yml", gitlab: ".gitlab-ci.yml" } as const;

/** A CI system `qac init --ci` knows. */
export type CiSystem = keyof typeof CI_FILES;

/** What a CI workflow needs to know: the plan files and the `@qac/cli` version to pin. */
export interface CiInput {
  plans: string;
  /** Folder of the plans, for the `paths:` / `changes:` filters. */
  planDir: string;
  version: string;
}

const setupSteps = `      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 24`;

const connection = (input: CiInput) => `          plans: ${input.plans}
          qac-version: ${input.version}
          url: \${{ secrets.QAC_URL }}
          user: \${{ secrets.QAC_USER }}
          password: \${{ secrets.QAC_PASSWORD }}`;

/** `.github/workflows/qac.yml`: a preview comment on pull requests, an apply once per commit on main. */
export function renderGithubWorkflow(input: CiInput): string {
  return `# qac: preview the test runs of the plans on pull requests (one comment per plan, updated on
# every push) and create them on main, once per commit, then wait and publish JUnit.
# Written by \`qac init\`. Secrets (Settings > Secrets and variables > Actions): QAC_URL, QAC_USER,
# QAC_PASSWORD. Without QAC_URL the Action uses the QAComplete simulator's demo tenant.
name: qac

on:
  pull_request:
    paths: ["${input.planDir}/**", ".github/workflows/qac.yml"]
  push:
    branches: [main]
    paths: ["${input.planDir}/**"]

permissions:
  contents: read
  pull-requests: write # the preview comment

jobs:
  preview:
    if: github.event_name == 'pull_request'
    runs-on: ubuntu-latest
    steps:
${setupSteps}
      - uses: ${GITHUB_ACTION}
        with:
          command: plan
${connection(input)}

  apply:
    if: github.event_name == 'push'
    runs-on: ubuntu-latest
    concurrency: qac-apply # one apply at a time; qac converges anyway
    steps:
${setupSteps}
      # The once-per record (.qac/state.json) of this commit, kept between attempts of the job.
      - uses: actions/cache/restore@v4
        with:
          path: .qac/state.json
          key: qac-state-\${{ github.sha }}-\${{ github.run_attempt }}
          restore-keys: qac-state-\${{ github.sha }}-
      - uses: ${GITHUB_ACTION}
        with:
          command: apply
          wait: true
          junit: qac-results
${connection(input)}
      - if: always()
        uses: actions/cache/save@v4
        with:
          path: .qac/state.json
          key: qac-state-\${{ github.sha }}-\${{ github.run_attempt }}
      - if: always()
        uses: actions/upload-artifact@v4
        with:
          name: qac-junit
          path: qac-results/
          if-no-files-found: ignore
`;
}

/** `.gitlab-ci.yml`: the template, with the plans and the pinned version. */
export function renderGitlabCi(input: CiInput): string {
  return `# qac: preview the test runs of the plans on merge requests (one note per plan, updated on every
# push) and create them on the default branch, once per commit. Written by \`qac init\`.
# Settings > CI/CD > Variables (masked): QAC_URL, QAC_USER, QAC_PASSWORD, and GITLAB_API_TOKEN (a
# project access token with the api scope) for the notes. Without QAC_URL: the simulator's demo tenant.
include:
  - remote: ${GITLAB_TEMPLATE_URL}

variables:
  QAC_PLANS: ${input.plans}
  QAC_VERSION: "${input.version}"
`;
}
