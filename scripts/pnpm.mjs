// The pinned pnpm for a fresh clone that has only Node and npm: installs the workspace when node_modules is
// missing or older than the lockfile. Shared by `npm test` (workspace.mjs) and `npm start` (start.mjs).
import { spawnSync } from "node:child_process"
import { existsSync, readFileSync, statSync } from "node:fs"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"

export const root = join(dirname(fileURLToPath(import.meta.url)), "..")
const pinned = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).packageManager

const pnpmCommand = () => {
  const probe = spawnSync("pnpm", ["--version"], { encoding: "utf8", shell: process.platform === "win32" })
  if (probe.status === 0 && probe.stdout.trim().startsWith("10.")) return ["pnpm"]
  return ["npx", "--yes", pinned]
}

/** Runs pnpm with `args` in the workspace root and returns its exit code. */
export const runPnpm = (args) => {
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

const installNeeded = () => {
  const marker = join(root, "node_modules", ".modules.yaml")
  const lock = join(root, "pnpm-lock.yaml")
  if (!existsSync(marker)) return true
  return existsSync(lock) && statSync(lock).mtimeMs > statSync(marker).mtimeMs
}

/** Installs the workspace (frozen lockfile under CI) when it is missing or stale; exits on failure. */
export const ensureInstalled = () => {
  if (!installNeeded()) return
  const status = runPnpm(["install", ...(process.env.CI ? ["--frozen-lockfile"] : [])])
  if (status !== 0) process.exit(status)
}
