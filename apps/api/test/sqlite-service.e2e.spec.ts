import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, describe, expect, it } from "vitest"
import { silentLogger } from "../src/http/request-log.js"
import { type ServerHandle, startServer } from "../src/server.js"
import { startServiceProcess } from "./service-process.js"

const pack = "sybiha-visit-2025"
const dirs: Array<string> = []
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "accord-api-"))
  dirs.push(dir)
  return dir
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
})

const post = (url: string, body: unknown) =>
  fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) })

describe("over a real port with the SQLite store", () => {
  let server: ServerHandle | undefined
  afterAll(() => server?.close())

  it("serves the whole scenario flow and keeps it in the data folder across restarts", async () => {
    const dataDir = tempDir()
    server = await startServer({ port: 0, dataDir, logger: silentLogger, simulator: { warmWorkers: false } })
    expect(await (await fetch(`${server.url}/api/health`)).json()).toEqual({ status: "ok", store: "sqlite" })
    const created = await post(`${server.url}/api/scenarios`, { pack, runs: 200, name: "On disk" })
    expect(created.status).toBe(201)
    const { id } = (await created.json()) as { id: string }
    const added = await post(`${server.url}/api/scenarios/${id}/interventions`, {
      expectedVersion: 1,
      intervention: { type: "aid-package", month: 6, sector: "health", amountUsdM: 120, form: "loan" },
    })
    expect(added.status).toBe(201)
    const run = await fetch(`${server.url}/api/scenarios/${id}/runs`, { method: "POST" })
    expect(run.status).toBe(201)
    const hash = run.headers.get("x-report-hash")
    const bytes = await run.text()
    await server.close()

    server = await startServer({ port: 0, dataDir, logger: silentLogger, simulator: { warmWorkers: false } })
    const scenario = (await (await fetch(`${server.url}/api/scenarios/${id}`)).json()) as {
      version: number
      name: string
    }
    expect(scenario).toMatchObject({ version: 3, name: "On disk" })
    const again = await fetch(`${server.url}/api/scenarios/${id}/runs`, { method: "POST" })
    expect(again.status).toBe(200)
    expect(await again.text()).toBe(bytes)
    expect(await (await fetch(`${server.url}/api/reports/${hash}`)).text()).toBe(bytes)
  }, 60_000)

  it("finishes a request in flight when closed", async () => {
    const handle = await startServer({
      port: 0,
      dataDir: tempDir(),
      logger: silentLogger,
      simulator: { workers: 1 },
    })
    const inFlight = post(`${handle.url}/api/simulate`, { pack, runs: 20_000 })
    // Wait until the request has reached the service, then ask it to stop.
    await new Promise((resolve) => setTimeout(resolve, 200))
    const closing = handle.close()
    const response = await inFlight
    expect(response.status).toBe(200)
    expect(((await response.json()) as { runs: number }).runs).toBe(20_000)
    await closing
    await expect(fetch(`${handle.url}/api/health`)).rejects.toThrow()
  }, 90_000)
})

describe("the service process", () => {
  it("killed with SIGKILL and restarted on the same data folder still has every scenario it acknowledged", async () => {
    const dataDir = tempDir()
    const first = await startServiceProcess({ DATA_DIR: dataDir })
    const acknowledged = new Map<string, number>()
    let writing = true
    // Four writers create scenarios and add interventions until the process dies under them.
    const writer = async () => {
      while (writing) {
        try {
          const created = await post(`${first.url}/api/scenarios`, { pack, runs: 10 })
          if (created.status !== 201) continue
          const { id, version } = (await created.json()) as { id: string; version: number }
          acknowledged.set(id, version)
          const added = await post(`${first.url}/api/scenarios/${id}/interventions`, {
            expectedVersion: version,
            intervention: { type: "sanctions-package", month: 1, coverage: 0.2, enforcement: 0.5 },
          })
          if (added.status === 201)
            acknowledged.set(id, ((await added.json()) as { version: number }).version)
        } catch {
          return
        }
      }
    }
    const writers = Promise.all([writer(), writer(), writer(), writer()])
    while (acknowledged.size < 20) await new Promise((resolve) => setTimeout(resolve, 20))
    first.child.kill("SIGKILL")
    writing = false
    await writers
    await first.exited

    const second = await startServiceProcess({ DATA_DIR: dataDir })
    try {
      for (const [id, version] of acknowledged) {
        const response = await fetch(`${second.url}/api/scenarios/${id}`)
        expect(response.status).toBe(200)
        expect(((await response.json()) as { version: number }).version).toBeGreaterThanOrEqual(version)
      }
      const listed = (await (await fetch(`${second.url}/api/scenarios`)).json()) as Array<{ id: string }>
      const ids = new Set(listed.map((s) => s.id))
      for (const id of acknowledged.keys()) expect(ids.has(id)).toBe(true)
    } finally {
      second.child.kill("SIGTERM")
      expect(await second.exited).toBe(0)
    }
  }, 90_000)

  it("a large run whose process is SIGKILLed is still a job after the restart, resumed and recorded once", async () => {
    const dataDir = tempDir()
    const first = await startServiceProcess({ DATA_DIR: dataDir })
    const created = await post(`${first.url}/api/scenarios`, { pack, runs: 20_000, name: "Killed on disk" })
    const { id: scenarioId } = (await created.json()) as { id: string }
    const started = await fetch(`${first.url}/api/scenarios/${scenarioId}/runs`, { method: "POST" })
    expect(started.status).toBe(202)
    const { runId } = (await started.json()) as { runId: string }
    // Killed once the job has made progress (its row in the SQLite file says so).
    let job = { status: "queued", done: 0 } as { status: string; done: number; attempts?: number }
    for (let i = 0; i < 600 && !(job.status === "running" && job.done > 0); i++) {
      await new Promise((resolve) => setTimeout(resolve, 50))
      job = (await (await fetch(`${first.url}/api/jobs/${runId}`)).json()) as typeof job
    }
    expect(job).toMatchObject({ status: "running", attempts: 1 })
    expect(job.done).toBeLessThan(20_000)
    await first.kill()

    const second = await startServiceProcess({ DATA_DIR: dataDir })
    try {
      // Never a 404 and never "running" for ever: the job is there at once, tried again.
      const resumed = await fetch(`${second.url}/api/runs/${runId}`)
      expect(resumed.status).toBe(200)
      expect(((await resumed.json()) as { status: string }).status).toBe("running")
      const events = await (await fetch(`${second.url}/api/runs/${runId}/events`)).text()
      expect(events).toContain("event: completed")
      const done = (await (await fetch(`${second.url}/api/jobs/${runId}`)).json()) as Record<string, unknown>
      expect(done).toMatchObject({ status: "completed", attempts: 2, done: 20_000, total: 20_000 })
      const resumedLine = second.logs.map((r) => JSON.stringify(r)).find((l) => l.includes("job resumed"))
      expect(resumedLine).toContain(runId)
      const scenario = (await (await fetch(`${second.url}/api/scenarios/${scenarioId}`)).json()) as {
        runs: Array<{ runId: string }>
      }
      expect(scenario.runs.map((r) => r.runId)).toEqual([runId])
    } finally {
      second.child.kill("SIGTERM")
      expect(await second.exited).toBe(0)
    }
  }, 120_000)

  it("logs JSON lines with a request id and without authorization headers", async () => {
    const service = await startServiceProcess({ DATA_DIR: tempDir() })
    try {
      const response = await fetch(`${service.url}/api/health?token=secret-query`, {
        headers: { authorization: "Bearer secret-token-123", "x-request-id": "trace-42" },
      })
      expect(response.headers.get("x-request-id")).toBe("trace-42")
      await new Promise((resolve) => setTimeout(resolve, 100))
      const line = service.logs.find((record) => record.msg === "request" && record.requestId === "trace-42")
      expect(line).toMatchObject({ method: "GET", path: "/api/health", status: 200, level: "info" })
      const text = JSON.stringify(service.logs)
      expect(text).not.toContain("secret-token-123")
      expect(text).not.toContain("secret-query")
    } finally {
      service.child.kill("SIGTERM")
      expect(await service.exited).toBe(0)
    }
  }, 60_000)
})
