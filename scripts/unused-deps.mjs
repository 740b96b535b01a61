#!/usr/bin/env node
// Fails when a package.json of the workspace declares a dependency that none of that package's files use.
// "Used" means: imported or required by name (a file of the package: sources, tests, scripts, benches,
// configs), run as a binary by one of its scripts, or, for @types/x, x is used. Run: node scripts/unused-deps.mjs
import { readdirSync, readFileSync, statSync } from "node:fs"
import { join, relative } from "node:path"

const root = new URL("..", import.meta.url).pathname
const SKIP = new Set(["node_modules", "dist", "data", ".vite", "coverage"])
const CODE = /\.(ts|tsx|mts|mjs|js|cjs)$/

/** Dependencies used without an import of their name, with the reason. */
const IMPLICIT = {
  ".": {
    "@types/node": "types for every package (tsconfig)",
    typescript: "tsc in each package's typecheck",
    "@biomejs/biome": "biome in lint and format",
  },
  "packages/event-store": { typescript: "tsc in typecheck" },
  "apps/cli": {
    "better-sqlite3": "native, outside the CLI's bundle (scripts/build.mjs): its install needs it",
  },
  "apps/api": {
    "better-sqlite3": "native, outside the service's bundle (scripts/build.mjs): its install needs it",
  },
  "apps/web": { "@accord/api": "the OpenAPI document gen:client renders the client types from" },
}

const filesOf = (dir) => {
  const out = []
  for (const name of readdirSync(dir)) {
    if (SKIP.has(name) || name.startsWith(".")) continue
    const path = join(dir, name)
    if (statSync(path).isDirectory()) {
      out.push(...filesOf(path))
    } else if (CODE.test(name)) out.push(path)
  }
  return out
}

const packageDirs = ["packages", "apps"].flatMap((group) =>
  readdirSync(join(root, group)).map((name) => join(root, group, name)),
)

// import x from "a", import "a", import("a"), require("a"), require.resolve("a/…"), import.meta.resolve("a").
const specifiers = (text) =>
  [...text.matchAll(/(?:\bfrom|\bimport|\brequire|\.resolve)\s*\(?\s*["']([^"'./][^"']*)["']/g)].map((m) => {
    const s = m[1]
    return s.startsWith("@") ? s.split("/").slice(0, 2).join("/") : s.split("/")[0]
  })

const problems = []
for (const dir of [root.replace(/\/$/, ""), ...packageDirs]) {
  const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"))
  const key = relative(root, dir) || "."
  const declared = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies })
  // The root's devDependencies serve every package (Node resolves them from the root's node_modules).
  const files = filesOf(dir)
  const used = new Set(files.flatMap((f) => specifiers(readFileSync(f, "utf8"))))
  // A used package's peer dependencies are used too (@effect/sql needs @effect/platform beside it).
  for (const dep of [...used]) {
    try {
      const manifest = JSON.parse(readFileSync(join(dir, "node_modules", dep, "package.json"), "utf8"))
      for (const peer of Object.keys(manifest.peerDependencies ?? {})) used.add(peer)
    } catch {
      // not a dependency of this package (a workspace file or a built-in)
    }
  }
  const scripts = Object.values(pkg.scripts ?? {}).join(" ")
  for (const dep of declared) {
    const bin = dep.split("/").pop()
    const typed = dep.startsWith("@types/") ? dep.slice("@types/".length) : undefined
    if (used.has(dep) || (typed !== undefined && used.has(typed)) || new RegExp(`\\b${bin}\\b`).test(scripts))
      continue
    if (IMPLICIT[key]?.[dep] !== undefined) continue
    problems.push(`${key}/package.json: '${dep}' is declared but nothing in the package uses it`)
  }
}
if (problems.length > 0) {
  console.error(problems.join("\n"))
  console.error(
    "Remove the dependency (then pnpm install), or list why it is used in scripts/unused-deps.mjs.",
  )
  process.exit(1)
}
console.log("unused-deps: every declared dependency is used")
