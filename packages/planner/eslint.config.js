// The workspace's lint configuration, minus the README example that test/readme.test.ts writes.
import root from "../../eslint.config.js";

export default [...root, { ignores: ["test/.generated/**"] }];
