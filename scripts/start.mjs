#!/usr/bin/env node
// `npm start`: installs the workspace when needed, builds what is older than its sources (the web app and the
// service; nothing when dist/ is fresh), then runs the built service IN THIS PROCESS. No process stands between
// npm and the service, so the SIGTERM or SIGINT a supervisor or terminal sends reaches the service's own
// handlers (apps/api/src/main.ts), which finish requests in flight and close the store before exiting.
import { join } from "node:path"
import { pathToFileURL } from "node:url"
import { ensureBuilt } from "./build.mjs"
import { ensureInstalled, root } from "./pnpm.mjs"

ensureInstalled()
ensureBuilt(["api"])
await import(pathToFileURL(join(root, "apps", "api", "dist", "main.js")).href)
