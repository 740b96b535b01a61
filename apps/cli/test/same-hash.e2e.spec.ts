import { readFileSync } from "node:fs"
import { join } from "node:path"
import { decodeScenarioSpec, getPack, packCatalog } from "@accord/domain"
import { canonicalJson, simulate } from "@accord/engine"
import { Either } from "effect"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { parse as parseYaml } from "yaml"
import { accord, examples } from "./accord-process.js"

/** The spec of an example file, decoded here without the CLI's code. */
const exampleSpec = (name: string, overrides: Record<string, number> = {}) => {
  const input = { ...parseYaml(readFileSync(join(examples, name), "utf8")), ...overrides }
  const decoded = decodeScenarioSpec(input, packCatalog)
  if (Either.isLeft(decoded)) throw new Error(decoded.left.message)
  return { input, spec: decoded.right }
}

describe("accord run gives the report the engine and the API give", () => {
  // The API started in this process on a free port over an in-memory store (no files, no database).
  let api: { url: string; close: () => Promise<void> }
  beforeAll(async () => {
    const { startServer, silentLogger } = await import("@accord/api")
    api = await startServer({ port: 0, hostname: "127.0.0.1", store: "memory", logger: silentLogger })
  })
  afterAll(() => api?.close())

  it.concurrent.for([
    ["baseline.yaml", {}],
    ["extra-sanctions-month-3.yaml", { runs: 250, seed: 7, horizonMonths: 40 }],
  ] as const)("%s %j", async ([name, overrides]) => {
    const flags = Object.entries(overrides).flatMap(([key, value]) => [
      key === "horizonMonths" ? "--horizon" : `--${key}`,
      String(value),
    ])
    const { input, spec } = exampleSpec(name, overrides)
    const pack = getPack(spec.pack)
    if (pack === undefined) throw new Error(`no pack ${spec.pack}`)

    const [cli, http] = await Promise.all([
      accord(["run", join(examples, name), ...flags]),
      // Read the body at once: a response left unread while the CLI runs would outlive the keep-alive.
      fetch(`${api.url}/api/simulate`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(input),
      }).then(async (response) => ({ status: response.status, body: await response.text() })),
    ])
    expect(cli.code).toBe(0)
    expect(http.status).toBe(200)
    const inProcess = simulate(pack, spec)
    const fromCli = JSON.parse(cli.stdout)
    const fromApi = JSON.parse(http.body) as { hash: string }

    expect(fromCli.hash).toMatch(/^[0-9a-f]{64}$/)
    expect(fromCli.hash).toBe(inProcess.hash)
    expect(fromApi.hash).toBe(inProcess.hash)
    // Not only the hash: the very bytes of the canonical report.
    expect(cli.stdout).toBe(`${canonicalJson(inProcess)}\n`)
  })
})
