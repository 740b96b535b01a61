// The `accord` command runs built JavaScript: from `pnpm accord …` (the README's way, in any folder of the
// checkout) and from the package's bin in a production install that has no TypeScript loader (issue 15).
import { spawnSync } from "node:child_process"
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { accord, examples, workspaceRoot } from "./accord-process.js"

const scratch = mkdtempSync(join(tmpdir(), "accord-bin-"))
const deployed = join(scratch, "cli")
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

/** This environment without the test runner's npm_* settings and INIT_CWD. */
const cleanEnv = (): NodeJS.ProcessEnv =>
  Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) => !key.toLowerCase().startsWith("npm_") && key !== "INIT_CWD",
    ),
  )

/** pnpm as this test run found it (npm_execpath), else `pnpm` on PATH. */
const pnpm = (args: ReadonlyArray<string>, cwd: string) => {
  const script = process.env.npm_execpath
  const [cmd, pre] =
    script !== undefined && /pnpm\.c?js$/.test(script) ? [process.execPath, [script]] : ["pnpm", []]
  return spawnSync(cmd, [...pre, ...args], { cwd, encoding: "utf8", env: cleanEnv() })
}

let expected = ""
beforeAll(async () => {
  // The report as the bin in this checkout prints it (building dist/ first when it is stale).
  const reference = await accord(["run", join(examples, "baseline.yaml")])
  expect(reference.code).toBe(0)
  expected = reference.stdout
  const deploy = pnpm(
    [
      "--config.inject-workspace-packages=true",
      "--filter",
      "@accord/cli",
      "deploy",
      "--prod",
      "--offline",
      deployed,
    ],
    workspaceRoot,
  )
  if (deploy.status !== 0) throw new Error(`pnpm deploy failed: ${deploy.stdout}${deploy.stderr}`)
}, 300_000)

describe("the accord command", () => {
  it("runs from `pnpm accord` in a folder of the checkout, with paths relative to that folder", () => {
    const result = pnpm(["--silent", "accord", "run", "baseline.yaml"], examples)
    expect(result.stderr).toBe("")
    expect(result.status).toBe(0)
    expect(result.stdout).toBe(expected)
  })

  it("runs from the bin of a production install: built code, no tsx, no devDependencies", () => {
    const installed = readdirSync(join(deployed, "node_modules", ".pnpm"))
    expect(installed.filter((name) => /^(tsx|esbuild|vitest|typescript)@/.test(name))).toEqual([])
    expect(existsSync(join(deployed, "src"))).toBe(false)
    const result = spawnSync(
      process.execPath,
      [join(deployed, "bin", "accord.mjs"), "run", "baseline.yaml"],
      {
        cwd: examples,
        encoding: "utf8",
        env: { PATH: process.env.PATH ?? "" },
      },
    )
    expect(result.stderr).toBe("")
    expect(result.status).toBe(0)
    expect(result.stdout).toBe(expected)
  })
})
