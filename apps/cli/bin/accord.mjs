#!/usr/bin/env node
// The `accord` command: loads the TypeScript entry through tsx (no build step),
// with the arguments and working directory exactly as the user gave them.
import { register } from "tsx/esm/api"

register()
try {
  await import("../src/main.ts")
} catch (error) {
  // A broken install or checkout: one line, no stack trace.
  process.stderr.write(`accord: cannot start: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exitCode = 1
}
