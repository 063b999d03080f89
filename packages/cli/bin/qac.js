#!/usr/bin/env node
// The `qac` executable. A committed launcher, not dist/main.js itself, so that package managers
// can link `qac` when the workspace is installed, before anything is built.
import "../dist/main.js";
