#!/usr/bin/env node
// The `ndoto-contract` command: runs src/contract/cli.ts through tsx, so there is no build step.
import { register } from "tsx/esm/api";

register();
await import("../src/contract/cli.ts");
