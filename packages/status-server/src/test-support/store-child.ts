/**
 * Child process for store tests: `node --import tsx store-child.ts <db> <mode> <n> <tag>`.
 *   ack:    writes one apply, prints "ACK <id>", then waits to be killed (kill -9 test);
 *   writer: writes n applies as fast as it can, then prints "DONE".
 */
import { openSqliteStore } from "../sqlite/open-sqlite-store.js";
import { report } from "./fixtures.js";

const [file = "", mode = "", count = "1", tag = "child"] = process.argv.slice(2);
const store = openSqliteStore(file);
if (mode === "ack") {
  const id = store.applies.insert(report({ plan: { name: `killed-${tag}`, file: "p.yaml" } }), new Date());
  process.stdout.write(`ACK ${id}\n`);
  setInterval(() => undefined, 1000);
} else {
  for (let i = 0; i < Number(count); i++)
    store.applies.insert(report({ plan: { name: `${tag}-${i}`, file: "p.yaml" } }), new Date());
  process.stdout.write("DONE\n");
  store.close();
}
