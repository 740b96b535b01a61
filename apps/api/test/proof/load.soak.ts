// Load (soak, not CI): 32 connections for 30 s of mixed simulate, compare and scenario writes against the
// service in its own process on SQLite. No errors; the p95 of each; GET /api/health p95 under 50 ms meanwhile.
import { mkdtempSync, rmSync } from "node:fs"
import { availableParallelism, loadavg, tmpdir } from "node:os"
import { join } from "node:path"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { loadTable, runMixedLoad } from "../../../../scripts/soak/mixed-load.js"
import { type ServiceProcess, startServiceProcess } from "../service-process.js"

const connections = Number(process.env.ACCORD_SOAK_CONNECTIONS ?? 32)
const seconds = Number(process.env.ACCORD_SOAK_SECONDS ?? 30)
const dataDir = mkdtempSync(join(tmpdir(), "accord-load-"))
let service: ServiceProcess

beforeAll(async () => {
  service = await startServiceProcess({ DATA_DIR: dataDir }, { keepLogs: false })
})
afterAll(async () => {
  await service?.kill()
  rmSync(dataDir, { recursive: true, force: true })
})

describe(`load: ${connections} connections for ${seconds} s on SQLite`, () => {
  it("answers every request without an error, and reports health's p95 against 50 ms", async () => {
    const cpuBefore = service.cpuSeconds()
    const result = await runMixedLoad({ urls: [service.url], connections, seconds })
    // On a shared machine wall-clock latency says as much about the neighbours as about the service:
    // the CPU the service got, and the load average, say which.
    const serviceCpu = Math.round((service.cpuSeconds() - cpuBefore) * 10) / 10
    const machine = `load average ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores; the service used ${serviceCpu} CPU-s`
    console.log(
      `\nload, SQLite, ${connections} connections, ${result.seconds.toFixed(1)} s (${machine})\n${loadTable(result)}\n`,
    )
    console.log(
      `SOAK_JSON ${JSON.stringify({ suite: "load-sqlite", ...result, acked: result.acked.length, serviceCpu, loadavg: loadavg()[0] })}`,
    )
    expect(result.failures).toEqual([])
    for (const stats of Object.values(result.byKind)) expect(stats.count).toBeGreaterThan(0)
    expect(result.health.errors).toBe(0)
    expect(service.errors).toEqual([])
    // The 50 ms target for health is printed with its verdict; ACCORD_SOAK_STRICT=1 makes it an assertion.
    // It fails today (docs/reliability.md): simulations below the worker threshold run on the event loop.
    console.log(
      `health p95 ${result.health.p95} ms: ${result.health.p95 < 50 ? "within" : "OVER"} the 50 ms target`,
    )
    if (process.env.ACCORD_SOAK_STRICT === "1") expect(result.health.p95).toBeLessThan(50)
  })
})
