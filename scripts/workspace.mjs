#!/usr/bin/env node
// `npm test` (and `npm run bench`): installs the workspace when needed, then hands the arguments to the pinned
// pnpm (through npx if it is not installed).
import { ensureInstalled, runPnpm } from "./pnpm.mjs"

ensureInstalled()
process.exit(runPnpm(process.argv.slice(2)))
