// A production install of the API: `pnpm deploy --prod` gives a folder of built JavaScript and production
// dependencies only, which runs with plain `node` (no TypeScript loader, no devDependencies), serves the web
// app, computes in its worker threads and stops on SIGTERM (issue 15; README "Production install").
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { decodeScenarioSpec, getPack, packCatalog } from "@accord/domain"
import { simulate } from "@accord/engine"
import { Either } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { build } from "../../../../scripts/build.mjs"
import {
  exitWithin,
  runPnpm,
  type Started,
  startListening,
  stopAll,
  workspaceRoot,
} from "./shipped-process.js"

const scratch = mkdtempSync(join(tmpdir(), "accord-deploy-"))
const deployed = join(scratch, "api")
let service: Started | undefined

beforeAll(async () => {
  await build(["api"])
  // The documented command (README); offline: every package is in the store the workspace installed from.
  const deploy = runPnpm(
    [
      "--config.inject-workspace-packages=true",
      "--filter",
      "@accord/api",
      "deploy",
      "--prod",
      "--offline",
      deployed,
    ],
    workspaceRoot,
  )
  if (deploy.status !== 0) throw new Error(`pnpm deploy failed: ${deploy.stdout}${deploy.stderr}`)
  // Plain node, started in the folder, with nothing of the workspace in its environment or module path.
  service = await startListening(process.execPath, [join("dist", "main.js")], deployed, {
    PATH: process.env.PATH ?? "",
    PORT: "0",
    DATA_DIR: join(scratch, "data"),
  })
}, 300_000)

afterAll(() => {
  stopAll(service)
  rmSync(scratch, { recursive: true, force: true })
})

describe("pnpm deploy --prod of @accord/api", () => {
  it("holds the build and no devDependencies", () => {
    expect(existsSync(join(deployed, "dist", "main.js"))).toBe(true)
    expect(existsSync(join(deployed, "dist", "simulation-worker.js"))).toBe(true)
    expect(existsSync(join(deployed, "src"))).toBe(false)
    const installed = readdirSync(join(deployed, "node_modules", ".pnpm"))
    for (const dev of [
      "tsx@",
      "esbuild@",
      "vitest@",
      "typescript@",
      "autocannon@",
      "@seriousme+openapi-schema-validator@",
    ]) {
      expect(installed.filter((name) => name.startsWith(dev))).toEqual([])
    }
  })

  it("runs with node alone: health, the web app, a simulation in the worker pool, SIGTERM", async () => {
    const started = service as Started
    expect(await (await fetch(`${started.url}/api/health`)).json()).toEqual({ status: "ok", store: "sqlite" })
    expect(await (await fetch(`${started.url}/`)).text()).toContain("<!doctype html>")

    // 5,000 runs of the default pack are above the worker threshold: computed by dist/simulation-worker.js.
    const input = { pack: "sybiha-visit-2025", runs: 5_000, seed: 21 }
    const response = await fetch(`${started.url}/api/simulate`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(input),
    })
    expect(response.status).toBe(200)
    const decoded = decodeScenarioSpec(input, packCatalog)
    if (Either.isLeft(decoded)) throw new Error(decoded.left.message)
    const pack = getPack(decoded.right.pack)
    if (pack === undefined) throw new Error("no default pack")
    // The same bytes as the engine's sources computing it here on one thread.
    expect(((await response.json()) as { hash: string }).hash).toBe(simulate(pack, decoded.right).hash)

    started.child.kill("SIGTERM")
    expect(await exitWithin(started, 10_000)).toBe(0)
  }, 120_000)
})
