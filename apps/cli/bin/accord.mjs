#!/usr/bin/env node
// The `accord` command: runs the built CLI (dist/accord.js), with the arguments and working directory
// exactly as the user gave them. In a checkout it first rebuilds dist/ when a source is newer (a few
// stat calls when nothing changed); an installed package has no scripts/build.mjs and runs dist/ as it is.
import { existsSync } from "node:fs"
import * as nodeModule from "node:module"

const checkout = new URL("../../../", import.meta.url)
const builder = new URL("scripts/build.mjs", checkout)
try {
  if (existsSync(new URL("pnpm-workspace.yaml", checkout)) && existsSync(builder)) {
    ;(await import(builder.href)).ensureBuilt(["cli"])
  }
  // Node 22.1+ keeps compiled code between runs (a CLI starts for every command); Node 20 runs without it.
  nodeModule.enableCompileCache?.()
  await import("../dist/accord.js")
} catch (error) {
  // A broken install or checkout: one line, no stack trace.
  process.stderr.write(`accord: cannot start: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exitCode = 1
}
