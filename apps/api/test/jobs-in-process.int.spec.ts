import { afterAll, describe, expect, it } from "vitest"
import { memoryApp } from "./memory-app.js"

const pack = "sybiha-visit-2025"
// Every scenario run and analysis is a job here, computed in one worker thread (so that the request answers before the job ends).
const service = memoryApp({
  backgroundThreshold: 0,
  analysisBackgroundThreshold: 0,
  workerThreshold: 0,
  workers: 1,
})
afterAll(() => service.dispose())

/** A new scenario's run; each test its own seed, so that no report comes from the simulator's cache. */
const startRun = async (runs: number, seed: number) => {
  const { id } = (await (await service.json("/api/scenarios", { pack, runs, seed })).json()) as { id: string }
  const started = await service.app.request(`/api/scenarios/${id}/runs`, { method: "POST" })
  expect(started.status).toBe(202)
  return { scenarioId: id, runId: ((await started.json()) as { runId: string }).runId }
}
const runView = async (runId: string) =>
  (await (await service.app.request(`/api/runs/${runId}`)).json()) as {
    status: string
    error?: { error: string; message: string }
  }
const settled = async (runId: string) => {
  let view = await runView(runId)
  for (let i = 0; i < 600 && view.status === "running"; i++) {
    await new Promise((resolve) => setTimeout(resolve, 50))
    view = await runView(runId)
  }
  return view
}

describe("jobs in process (SQLite and memory stores)", () => {
  it("the same run asked twice while it computes is one job", async () => {
    const { scenarioId, runId } = await startRun(20_000, 1)
    const again = await service.app.request(`/api/scenarios/${scenarioId}/runs`, { method: "POST" })
    expect(again.status).toBe(202)
    expect(((await again.json()) as { runId: string }).runId).toBe(runId)
    expect(await settled(runId)).toMatchObject({ status: "completed" })
    const scenario = (await (await service.app.request(`/api/scenarios/${scenarioId}`)).json()) as {
      runs: Array<{ runId: string }>
    }
    expect(scenario.runs.map((r) => r.runId)).toEqual([runId])
  }, 60_000)

  it("a run whose scenario changed while it computed fails visibly with the error shape, at once", async () => {
    // Large enough that the change lands while it computes, even with a warm worker thread.
    const { scenarioId, runId } = await startRun(50_000, 2)
    const changed = await service.json(`/api/scenarios/${scenarioId}/interventions`, {
      expectedVersion: 1,
      intervention: { type: "sanctions-package", month: 2, coverage: 0.3, enforcement: 0.8 },
    })
    expect(changed.status).toBe(201)
    const view = await settled(runId)
    expect(view.status).toBe("failed")
    expect(view.error?.error).toBe("Conflict")
    expect(view.error?.message).toMatch(/changed while it ran/)
    const jobs = (await (await service.app.request("/api/jobs")).json()) as {
      recentFailures: Array<{ id: string; attempts: number }>
      counts: Record<string, number>
    }
    // A client's error is not retried: one attempt.
    expect(jobs.recentFailures.find((j) => j.id === runId)).toMatchObject({ attempts: 1 })
    expect(jobs.counts.failed).toBeGreaterThanOrEqual(1)
  }, 60_000)

  it("POST /api/jobs/{id}/cancel stops a run: cancelled everywhere, not recorded, a second cancel is a 409", async () => {
    const { scenarioId, runId } = await startRun(50_000, 3)
    const cancel = await service.app.request(`/api/jobs/${runId}/cancel`, { method: "POST" })
    expect(cancel.status).toBe(200)
    expect(await cancel.json()).toMatchObject({ id: runId, kind: "scenario-run", status: "cancelled" })
    expect(await settled(runId)).toMatchObject({ status: "cancelled", error: { error: "Cancelled" } })
    // The worker stopped: the job stays cancelled with its progress short of the total, and nothing is recorded.
    await new Promise((resolve) => setTimeout(resolve, 1_500))
    const job = (await (await service.app.request(`/api/jobs/${runId}`)).json()) as Record<string, unknown>
    expect(job).toMatchObject({ status: "cancelled", total: 50_000 })
    expect(job.done).toBeLessThan(50_000)
    const scenario = (await (await service.app.request(`/api/scenarios/${scenarioId}`)).json()) as {
      runs: Array<{ runId: string }>
    }
    expect(scenario.runs).toEqual([])
    const again = await service.app.request(`/api/jobs/${runId}/cancel`, { method: "POST" })
    expect(again.status).toBe(409)
    expect(await again.json()).toMatchObject({ error: "Conflict" })
    expect((await service.app.request("/api/jobs/no-such-job/cancel", { method: "POST" })).status).toBe(404)
    expect((await service.app.request("/api/jobs/bad%20id")).status).toBe(400)
  }, 60_000)

  it("a large Sobol analysis is a job: asked twice it is one job, cancelled it stops, asked again it runs", async () => {
    const body = {
      spec: { pack, runs: 500, seed: 11 },
      indicator: "funds.disbursed_usd_m",
      method: "sobol",
      samples: 1024,
    }
    const first = await service.json("/api/sensitivity", body)
    expect(first.status).toBe(202)
    const { id } = (await first.json()) as { id: string }
    const second = await service.json("/api/sensitivity", body)
    expect(((await second.json()) as { id: string }).id).toBe(id)
    expect((await service.app.request(`/api/jobs/${id}/cancel`, { method: "POST" })).status).toBe(200)
    const status = await service.app.request(`/api/sensitivity/${id}`)
    expect(status.status).toBe(202)
    expect(await status.json()).toMatchObject({ id, status: "cancelled" })
    const events = await (await service.app.request(`/api/sensitivity/${id}/events`)).text()
    expect(events).toContain("event: cancelled")
    const third = await service.json("/api/sensitivity", body)
    expect(third.status).toBe(202)
    expect(((await third.json()) as { id: string }).id).not.toBe(id)
  }, 60_000)
})
