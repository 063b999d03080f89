#!/usr/bin/env node
/** The `qac` executable: runs the CLI against the real process. */
import { processIo } from "./cli-io.js";
import { runCli } from "./run-cli.js";

process.exitCode = await runCli(process.argv.slice(2), processIo());
