#!/usr/bin/env node
// The `accord` command: loads the TypeScript entry through tsx (no build step),
// with the arguments and working directory exactly as the user gave them.
import { register } from "tsx/esm/api"

register()
await import("../src/main.ts")
