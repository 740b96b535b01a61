// The README's `npm start`, as a supervisor runs it: SIGTERM to the process it started reaches the service,
// which answers the request in flight, stops and exits 0 (issue 15). The service runs its build (dist/).
import { once } from "node:events"
import { mkdtempSync, rmSync } from "node:fs"
import { request } from "node:http"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { build } from "../../../../scripts/build.mjs"
import {
  exitWithin,
  type Started,
  startListening,
  stopAll,
  userEnv,
  workspaceRoot,
} from "./shipped-process.js"

const dataDir = mkdtempSync(join(tmpdir(), "accord-npm-start-"))
let service: Started | undefined

beforeAll(async () => {
  // Built here, so that `npm start` finds dist/ fresh (a stale one would be rebuilt by npm start itself).
  await build(["api"])
  service = await startListening("npm", ["start"], workspaceRoot, userEnv({ PORT: "0", DATA_DIR: dataDir }))
}, 300_000)

afterAll(() => {
  stopAll(service)
  rmSync(dataDir, { recursive: true, force: true })
})

/** A POST whose headers the service has read (it answered 100 Continue) and whose body is still to come. */
const inFlightSimulation = async (url: string, body: string) => {
  const req = request(`${url}/api/simulate`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "content-length": Buffer.byteLength(body),
      expect: "100-continue",
    },
  })
  const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
    req.once("response", (res) => {
      let text = ""
      res.setEncoding("utf8").on("data", (chunk: string) => (text += chunk))
      res.once("end", () => resolve({ status: res.statusCode ?? 0, text }))
    })
    req.once("error", reject)
  })
  await once(req, "continue")
  return { finish: () => req.end(body), answer }
}

describe("npm start", () => {
  it("serves the built service, and SIGTERM to npm drains a request in flight, then exits 0", async () => {
    const started = service as Started
    const health = await fetch(`${started.url}/api/health`)
    expect(health.status).toBe(200)
    expect(await health.json()).toEqual({ status: "ok", store: "sqlite" })
    // The web app is served too, from the build.
    expect(await (await fetch(`${started.url}/`)).text()).toContain("<!doctype html>")

    const spec = { pack: "sybiha-visit-2025", runs: 2_000, seed: 15 }
    const inFlight = await inFlightSimulation(started.url, JSON.stringify(spec))
    started.child.kill("SIGTERM")
    // The service stops listening, but the request it has begun still gets its answer.
    await new Promise((resolve) => setTimeout(resolve, 300))
    inFlight.finish()
    const { status, text } = await inFlight.answer
    expect(status).toBe(200)
    expect(JSON.parse(text)).toMatchObject({
      runs: 2_000,
      seed: 15,
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    })

    expect(await exitWithin(started, 10_000)).toBe(0)
    expect(started.stdout()).toContain("SIGTERM: finishing requests in flight")
    expect(started.stdout()).toContain('"msg":"stopped"')
    // Nothing is left answering on the port (the bug: npm ended, the service kept running).
    await expect(fetch(`${started.url}/api/health`)).rejects.toThrow()
  }, 120_000)
})
