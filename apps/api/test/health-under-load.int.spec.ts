import { afterAll, describe, expect, it } from "vitest"
import { defaultSimulatorOptions } from "../src/simulation/simulator.js"
import { memoryApp } from "./memory-app.js"

const pack = "sybiha-visit-2025"
const service = memoryApp({ workers: 2, workerThreshold: defaultSimulatorOptions.workerThreshold })
afterAll(service.dispose)

describe("a 100,000-run simulation in the worker pool", () => {
  it("keep /api/health answering while a 100,000-run simulation computes", async () => {
    let simulationDone = false
    const simulation = service.json("/api/simulate", { pack, runs: 100_000 }).then(async (response) => {
      simulationDone = true
      return response
    })
    const answeredDuringRun: Array<number> = []
    // Ask for health until the simulation ends, recording answers that came while it was still computing.
    for (let i = 0; i < 5; i++) {
      const health = await service.app.request("/api/health")
      expect(health.status).toBe(200)
      if (!simulationDone) answeredDuringRun.push(i)
    }
    expect(answeredDuringRun.length).toBeGreaterThan(0)
    expect(simulationDone).toBe(false)
    const response = await simulation
    expect(response.status).toBe(200)
    expect(((await response.json()) as { runs: number }).runs).toBe(100_000)
  }, 120_000)
})
