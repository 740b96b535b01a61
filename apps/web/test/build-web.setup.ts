import { execFileSync } from "node:child_process"
import { readdirSync, statSync } from "node:fs"
import { createRequire } from "node:module"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"

const appDir = join(dirname(fileURLToPath(import.meta.url)), "..")

const newestMtime = (path: string): number => {
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestMtime(join(path, name))))
}

const isStale = (): boolean => {
  let built: number
  try {
    built = statSync(join(appDir, "dist", "index.html")).mtimeMs
  } catch {
    return true
  }
  const sources = [
    join(appDir, "src"),
    join(appDir, "index.html"),
    join(appDir, "vite.config.ts"),
    join(appDir, "model-card-page.ts"),
    join(appDir, "..", "..", "docs", "model.md"),
    join(appDir, "package.json"),
    // The lifecycle diagram and the timeline's replay bundle domain and engine code.
    join(appDir, "..", "..", "packages", "domain", "src"),
    join(appDir, "..", "..", "packages", "engine", "src"),
  ]
  return sources.some((s) => newestMtime(s) > built)
}

/**
 * Builds the web app once before the browser tests, and only when a source is
 * newer than dist/. The build runs in its own process with NODE_ENV=production:
 * inside vitest NODE_ENV is "test", which would bundle React's development build.
 */
export default function setup(): void {
  if (!isStale()) return
  const vite = join(dirname(createRequire(import.meta.url).resolve("vite/package.json")), "bin", "vite.js")
  execFileSync(process.execPath, [vite, "build", "--logLevel", "warn"], {
    cwd: appDir,
    env: { ...process.env, NODE_ENV: "production" },
    stdio: "inherit",
  })
}
