// The workspace's lint configuration, with Node's globals: the Action is plain JavaScript run by Node.
import root from "../eslint.config.js";

const node = ["process", "console", "fetch", "Buffer", "setTimeout", "clearTimeout"];

export default [
  ...root,
  {
    files: ["**/*.mjs", "**/*.js"],
    languageOptions: { globals: Object.fromEntries(node.map((n) => [n, "readonly"])) },
  },
];
