#!/usr/bin/env node
// Runs pnpm for a fresh clone that has only Node and npm: installs the
// workspace when node_modules is missing or older than the lockfile, then
// hands the arguments to pnpm (the pinned version, through npx if needed).
import { spawnSync } from "node:child_process"
import { existsSync, readFileSync, statSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"

const root = join(dirname(fileURLToPath(import.meta.url)), "..")
const pinned = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).packageManager

function pnpmCommand() {
  const probe = spawnSync("pnpm", ["--version"], { encoding: "utf8", shell: process.platform === "win32" })
  if (probe.status === 0 && probe.stdout.trim().startsWith("10.")) return ["pnpm"]
  return ["npx", "--yes", pinned]
}

function run(args) {
  const [cmd, ...pre] = pnpmCommand()
  const result = spawnSync(cmd, [...pre, ...args], {
    cwd: root,
    stdio: "inherit",
    shell: process.platform === "win32",
  })
  if (result.error) {
    console.error(`accord: could not run pnpm: ${result.error.message}`)
    process.exit(1)
  }
  return result.status ?? 1
}

function installNeeded() {
  const marker = join(root, "node_modules", ".modules.yaml")
  const lock = join(root, "pnpm-lock.yaml")
  if (!existsSync(marker)) return true
  return existsSync(lock) && statSync(lock).mtimeMs > statSync(marker).mtimeMs
}

if (installNeeded()) {
  const ci = process.env.CI ? ["--frozen-lockfile"] : []
  const status = run(["install", ...ci])
  if (status !== 0) process.exit(status)
}
process.exit(run(process.argv.slice(2)))
