// One lint configuration for the whole workspace: typescript-eslint's type-checked rules.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import { boundariesPlugin } from "./eslint.boundaries.js";

export default tseslint.config(
  {
    ignores: ["**/dist/**", "**/node_modules/**", "**/coverage/**", "bench/results/**", "**/*.generated.ts"],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ["*.js", "*.mjs", "scripts/*.mjs"] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/no-floating-promises": "error",
      "no-console": "off",
    },
  },
  {
    // The dependency direction between workspace projects, from the Nx tags in each package.json:
    // core ← planner ← runner ← cli, status-server; the simulator imports nothing of ours.
    plugins: { qac: boundariesPlugin },
    rules: { "qac/module-boundaries": "error" },
  },
  {
    // No line over prettier's printWidth: prettier wraps code but not strings, template literals
    // or comments, so those are wrapped by hand. Generated files are ignored above.
    rules: { "max-len": ["error", { code: 120, tabWidth: 2 }] },
  },
  {
    // The one exception: inline snapshots keep rendered output (tables, messages) as it is, and
    // they are template literals in tests.
    files: ["**/*.test.ts"],
    rules: { "max-len": ["error", { code: 120, tabWidth: 2, ignoreTemplateLiterals: true }] },
  },
  {
    files: ["**/*.js", "**/*.mjs"],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // Tests poke at loosely typed JSON responses on purpose.
    files: ["**/*.test.ts", "**/test/**/*.ts", "**/bench/**/*.ts"],
    rules: {
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-non-null-assertion": "off",
    },
  },
);
