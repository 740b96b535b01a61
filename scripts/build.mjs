#!/usr/bin/env node
// `pnpm build [web] [api] [cli] [--force]`: builds the apps to plain JavaScript in their dist/ folders, each
// only when one of its sources is newer than its last build (docs/decisions/0011-built-javascript.md).
//   web  apps/web/dist      Vite (the browser bundle)
//   api  apps/api/dist      esbuild: main.js (entry) + service.js (the service), simulation-worker.js, web/ (the web build)
//   cli  apps/cli/dist      esbuild: accord.js (+ a chunk with the API for `accord serve`), simulation-worker.js
// Plain .mjs so that `npm start` and the `accord` bin can check freshness without a TypeScript loader.
import { spawnSync } from "node:child_process"
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs"
import { createRequire } from "node:module"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"

export const root = join(dirname(fileURLToPath(import.meta.url)), "..")
const at = (...parts) => join(root, ...parts)
const packages = ["domain", "engine", "event-store"].flatMap((p) => [
  at("packages", p, "src"),
  at("packages", p, "package.json"),
])
// Whatever changes what a build holds: sources, manifests, the lockfile (dependency versions), this script.
const common = [...packages, at("pnpm-lock.yaml"), at("scripts", "build.mjs")]

/** The node bundles: Node 20.19 is the oldest supported; better-sqlite3 is native and stays a dependency. */
const nodeBundle = {
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20.19",
  // The two packages Node must load from node_modules: the native SQLite binding, and pg's optional native
  // driver (required in a try, never installed).
  external: ["better-sqlite3", "pg-native"],
  // CommonJS dependencies bundled into ESM still call require() for Node's own modules.
  banner: {
    js: 'import { createRequire as __accordRequire } from "node:module"; const require = __accordRequire(import.meta.url);',
  },
  sourcemap: "linked",
  legalComments: "none",
  // Less for Node to parse at every start (the CLI starts per command); linked source maps keep stack traces readable.
  minify: true,
  keepNames: true,
  logLevel: "warning",
  metafile: true,
}

const esbuildTarget = (name, entryPoints, extra = {}) => ({
  name,
  dist: at("apps", name, "dist"),
  sources: [at("apps", name, "src"), at("apps", name, "package.json"), ...common],
  build: async (outdir) => {
    const esbuild = await import(createRequire(import.meta.url).resolve("esbuild"))
    const result = await esbuild.build({ ...nodeBundle, entryPoints, outdir, ...extra })
    writeFileSync(join(outdir, "meta.json"), JSON.stringify(result.metafile))
  },
})

const worker = at("apps", "api", "src", "simulation", "simulation-worker.ts")

// dist/main.js: the service's entry. It turns on Node's compile cache (22.1+; Node 20 has none) before it
// loads the bundle, so that a restart does not compile the bundle again (for `node dist/main.js` as for npm start).
const serviceEntry = `// Written by scripts/build.mjs: the service's entry (the bundle is service.js).
import * as nodeModule from "node:module"

nodeModule.enableCompileCache?.()
await import("./service.js")
`

export const targets = {
  web: {
    name: "web",
    dist: at("apps", "web", "dist"),
    sources: [
      ...["src", "index.html", "vite.config.ts", "model-card-page.ts", "package.json"].map((f) =>
        at("apps", "web", f),
      ),
      at("docs", "model.md"),
      ...packages,
      at("pnpm-lock.yaml"),
    ],
    // In its own process with NODE_ENV=production (a caller's NODE_ENV=test would bundle React's development build).
    build: async (outdir) => {
      const vite = join(
        dirname(createRequire(at("apps", "web", "package.json")).resolve("vite/package.json")),
        "bin",
        "vite.js",
      )
      const run = spawnSync(process.execPath, [vite, "build", "--logLevel", "warn", "--outDir", outdir], {
        cwd: at("apps", "web"),
        env: { ...process.env, NODE_ENV: "production" },
        stdio: "inherit",
      })
      if (run.status !== 0) throw new Error(`vite build exited with ${run.status ?? run.signal}`)
    },
  },
  api: {
    ...esbuildTarget("api", { service: at("apps", "api", "src", "main.ts"), "simulation-worker": worker }),
    // The service serves the web app from dist/web, so that a deployed API folder carries it.
    needs: ["web"],
    extraSources: [at("apps", "web", "dist", ".built")],
    after: (outdir) => {
      cpSync(at("apps", "web", "dist"), join(outdir, "web"), { recursive: true })
      writeFileSync(join(outdir, "main.js"), serviceEntry)
    },
  },
  // Splitting: `accord run` does not load the HTTP stack, which `accord serve` imports when it serves.
  cli: esbuildTarget(
    "cli",
    { accord: at("apps", "cli", "src", "main.ts"), "simulation-worker": worker },
    // Chunks stay beside the entries: the API's code finds simulation-worker.js next to the file it runs from.
    { splitting: true },
  ),
}
// The CLI bundles the API's sources too.
targets.cli.sources.push(at("apps", "api", "src"), at("apps", "api", "package.json"))

const newest = (path) => {
  let stat
  try {
    stat = statSync(path)
  } catch {
    return 0
  }
  if (!stat.isDirectory()) return stat.mtimeMs
  let latest = stat.mtimeMs
  for (const name of readdirSync(path)) latest = Math.max(latest, newest(join(path, name)))
  return latest
}

const stamp = (target) => join(target.dist, ".built")

/** Whether a target has no build, or a source newer than its build. */
export const isStale = (target) => {
  const built = newest(stamp(target))
  if (built === 0) return true
  return [...target.sources, ...(target.extraSources ?? [])].some((source) => newest(source) > built)
}

const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)

/** One build at a time in this checkout (`npm start` beside a test run): a lock folder, taken over when abandoned. */
const withLock = async (work) => {
  const lock = at("node_modules", ".accord-build.lock")
  const deadline = Date.now() + 10 * 60_000
  mkdirSync(dirname(lock), { recursive: true })
  for (;;) {
    try {
      mkdirSync(lock)
      break
    } catch (error) {
      if (error.code !== "EEXIST") throw error
      if (Date.now() - newest(lock) > 5 * 60_000 || Date.now() > deadline)
        rmSync(lock, { recursive: true, force: true })
      else sleep(200)
    }
  }
  try {
    return await work()
  } finally {
    rmSync(lock, { recursive: true, force: true })
  }
}

/** Builds into a fresh folder and swaps it in, so that a reader never sees half a dist/. */
const buildOne = async (target, log) => {
  const started = performance.now()
  const next = `${target.dist}.next-${process.pid}`
  rmSync(next, { recursive: true, force: true })
  mkdirSync(next, { recursive: true })
  try {
    await target.build(next)
    target.after?.(next)
    writeFileSync(join(next, ".built"), `${new Date().toISOString()}\n`)
    const old = `${target.dist}.old-${process.pid}`
    if (existsSync(target.dist)) renameSync(target.dist, old)
    renameSync(next, target.dist)
    rmSync(old, { recursive: true, force: true })
  } catch (error) {
    rmSync(next, { recursive: true, force: true })
    throw error
  }
  log(`accord: built ${target.name} in ${Math.round(performance.now() - started)} ms`)
}

const withNeeds = (names) => {
  const ordered = []
  const visit = (name) => {
    if (ordered.includes(name)) return
    for (const need of targets[name].needs ?? []) visit(need)
    ordered.push(name)
  }
  for (const name of names) visit(name)
  return ordered
}

/** Builds the named targets (and what they need) that are stale, or all of them with `force`. */
export const build = async (
  names,
  { force = false, log = (line) => process.stderr.write(`${line}\n`) } = {},
) => {
  for (const name of names)
    if (!(name in targets)) throw new Error(`no build target '${name}' (${Object.keys(targets).join(", ")})`)
  const order = withNeeds(names)
  if (!force && !order.some((name) => isStale(targets[name]))) return
  await withLock(async () => {
    // Checked again under the lock: another process may have built them meanwhile.
    for (const name of order) if (force || isStale(targets[name])) await buildOne(targets[name], log)
  })
}

/**
 * For `npm start` and the `accord` bin: builds what is stale in a child process (the caller does not load
 * esbuild or Vite), and does nothing, not even start a process, when everything is fresh.
 */
export const ensureBuilt = (names) => {
  if (!withNeeds(names).some((name) => isStale(targets[name]))) return
  const run = spawnSync(process.execPath, [fileURLToPath(import.meta.url), ...names], { stdio: "inherit" })
  if (run.status !== 0) {
    process.stderr.write(`accord: the build failed (node scripts/build.mjs ${names.join(" ")})\n`)
    process.exit(run.status ?? 1)
  }
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2).filter((a) => a !== "--")
  const names = args.filter((a) => !a.startsWith("--"))
  build(names.length > 0 ? names : Object.keys(targets), { force: args.includes("--force") }).catch(
    (error) => {
      process.stderr.write(
        `accord: build failed: ${error instanceof Error ? error.message : String(error)}\n`,
      )
      process.exit(1)
    },
  )
}
