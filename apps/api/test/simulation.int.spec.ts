import { afterAll, describe, expect, it } from "vitest"
import { memoryApp } from "./memory-app.js"

const pack = "sybiha-visit-2025"
const spec = {
  pack,
  runs: 3_000,
  seed: 7,
  interventions: [{ type: "aid-package", month: 6, sector: "energy", amountUsdM: 500, form: "grant" }],
}

// Everything above 0 commitment-months goes to the worker pool here; nothing does in `inPlace`.
const pooled = memoryApp({ workerThreshold: 0, backgroundThreshold: 0, workers: 2 })
// One worker thread and three: each splits a simulation into a different number of chunks.
const single = memoryApp({ workerThreshold: 0, backgroundThreshold: 0, workers: 1 })
const three = memoryApp({ workerThreshold: 0, backgroundThreshold: 0, workers: 3 })
// Whole simulations in one worker thread, never split.
const whole = memoryApp({
  workerThreshold: 0,
  splitThreshold: Number.MAX_SAFE_INTEGER,
  backgroundThreshold: 0,
  workers: 2,
})
const inPlace = memoryApp({
  workerThreshold: Number.MAX_SAFE_INTEGER,
  backgroundThreshold: Number.MAX_SAFE_INTEGER,
})
afterAll(async () => {
  await Promise.all([pooled, single, three, whole, inPlace].map((s) => s.dispose()))
})

const readSse = async (response: Response) => {
  const text = await response.text()
  return text
    .split("\n\n")
    .filter((block) => block.trim() !== "")
    .map((block) => {
      const event = /^event: (.*)$/m.exec(block)?.[1]
      const data = /^data: (.*)$/m.exec(block)?.[1]
      return { event, data: data === undefined ? undefined : JSON.parse(data) }
    })
}

describe("worker threads", () => {
  it("give the same bytes as the simulation on the event loop", { timeout: 60_000 }, async () => {
    const [a, b] = await Promise.all([
      pooled.json("/api/simulate", spec),
      inPlace.json("/api/simulate", spec),
    ])
    expect(a.status).toBe(200)
    const bytes = await a.text()
    expect(bytes).toBe(await b.text())
    expect(JSON.parse(bytes).runs).toBe(3_000)
    const compared = await Promise.all([
      pooled.json("/api/compare", { baseline: { ...spec, interventions: [] }, variant: spec }),
      inPlace.json("/api/compare", { baseline: { ...spec, interventions: [] }, variant: spec }),
    ])
    expect(await compared[0].text()).toBe(await compared[1].text())
  })

  it("give the same bytes whole or split for 1, 2 or 3 workers: simulations and sensitivity batches", {
    timeout: 120_000,
  }, async () => {
    // 4,000 runs (2 million commitment-months, above the split threshold): 1, 2 and 3 chunks on 1, 2 and 3
    // workers; the event loop and `whole` compute it in one piece.
    const large = { ...spec, runs: 4_000, seed: 8 }
    const services = [inPlace, whole, single, pooled, three]
    const reports = await Promise.all(
      services.map(async (s) => (await s.json("/api/simulate", large)).text()),
    )
    for (const report of reports) expect(report).toBe(reports[0])
    expect(JSON.parse(reports[0] as string).runs).toBe(4_000)
    // A tornado: each of its simulations is one task, split across the workers when they outnumber the tasks.
    const analysis = {
      spec: { ...spec, runs: 400, horizonMonths: 12 },
      indicator: "energy.capacity_restored_mw",
      method: "tornado",
    }
    const tornados = await Promise.all(
      services.map(async (s) => (await s.json("/api/sensitivity", analysis)).text()),
    )
    expect(JSON.parse(tornados[0] as string).method).toBe("tornado")
    for (const tornado of tornados) expect(tornado).toBe(tornados[0])
  })
})

describe("large scenario runs", () => {
  it("answer 202 with a run id, stream progress as SSE, then keep the report", async () => {
    const created = await pooled.json("/api/scenarios", spec)
    const { id } = (await created.json()) as { id: string }
    const started = await pooled.app.request(`/api/scenarios/${id}/runs`, { method: "POST" })
    expect(started.status).toBe(202)
    const body = (await started.json()) as {
      runId: string
      statusUrl: string
      eventsUrl: string
      status: string
    }
    expect(body.status).toBe("running")
    expect(started.headers.get("location")).toBe(body.statusUrl)

    const events = await readSse(await pooled.app.request(body.eventsUrl))
    const last = events[events.length - 1]
    expect(last?.event).toBe("completed")
    const progress = events
      .filter((e) => e.event === "progress")
      .map((e) => e.data as { done: number; total: number })
    for (const p of progress) expect(p.total).toBe(3_000)
    const done = progress.map((p) => p.done)
    expect([...done].sort((x, y) => x - y)).toEqual(done)

    const run = (await (await pooled.app.request(body.statusUrl)).json()) as {
      status: string
      reportHash: string
    }
    expect(run.status).toBe("completed")
    expect(run.reportHash).toBe((last?.data as { reportHash?: string } | undefined)?.reportHash)
    const report = await pooled.app.request(`/api/reports/${run.reportHash}`)
    const expected = await inPlace.json(
      "/api/simulate",
      ((await (await pooled.app.request(`/api/scenarios/${id}`)).json()) as { spec: unknown }).spec,
    )
    expect(await report.text()).toBe(await expected.text())

    // A finished run's feed is one `completed` event; the unchanged scenario now answers with the stored report.
    const replay = await readSse(await pooled.app.request(body.eventsUrl))
    expect(replay.map((e) => e.event)).toEqual(["completed"])
    const again = await pooled.app.request(`/api/scenarios/${id}/runs`, { method: "POST" })
    expect(again.status).toBe(200)
    expect(again.headers.get("x-report-hash")).toBe(run.reportHash)
  }, 120_000)
})
