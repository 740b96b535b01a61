import { decodeScenarioSpec, getPack, packCatalog } from "@accord/domain"
import { trajectory } from "@accord/engine"
import { Either } from "effect"
import { afterAll, describe, expect, it } from "vitest"
import { memoryApp } from "./memory-app.js"

const { app, json, dispose } = memoryApp()
afterAll(dispose)

const spec = {
  pack: "sybiha-visit-2025",
  runs: 40,
  horizonMonths: 12,
  seed: 7,
  interventions: [
    { type: "sanctions-package", month: 2, coverage: 0.3, enforcement: 0.8 },
    { type: "aid-package", month: 3, sector: "energy", amountUsdM: 200, form: "loan" },
  ],
}

const storedReport = async () => {
  const response = await json("/api/simulate?store=true", spec)
  expect(response.status).toBe(200)
  return (await response.json()) as { hash: string; runs: number; representativeRun: { index: number } }
}

describe("GET /api/reports/{hash}/trajectory", () => {
  it("replays the report's representative run: the engine's events, and the commitments its interventions added", async () => {
    const report = await storedReport()
    const response = await app.request(`/api/reports/${report.hash}/trajectory`)
    expect(response.status).toBe(200)
    const body = (await response.json()) as {
      run: number
      events: ReadonlyArray<unknown>
      commitments: ReadonlyArray<{ kind: string; track: string; intervention: number }>
    }
    expect(body.run).toBe(report.representativeRun.index)
    const decoded = decodeScenarioSpec(spec, packCatalog)
    if (Either.isLeft(decoded)) throw decoded.left
    const pack = getPack(spec.pack)
    if (pack === undefined) throw new Error("no pack")
    expect(body.events).toEqual(JSON.parse(JSON.stringify(trajectory(pack, decoded.right, body.run))))
    expect(body.commitments.map((c) => [c.intervention, c.kind, c.track])).toEqual([
      [0, "sanctions-package", "sanctions"],
      [1, "loan", "financial"],
    ])
  })

  it("replays the run asked for", async () => {
    const report = await storedReport()
    const body = (await (await app.request(`/api/reports/${report.hash}/trajectory?run=3`)).json()) as {
      run: number
    }
    expect(body.run).toBe(3)
  })

  it("answers 400 with the path for a run the report does not have, and 404 for an unknown report", async () => {
    const report = await storedReport()
    const past = await app.request(`/api/reports/${report.hash}/trajectory?run=${report.runs}`)
    expect(past.status).toBe(400)
    expect(await past.json()).toMatchObject({ error: "InvalidInput", issues: [{ path: "run" }] })
    const text = await app.request(`/api/reports/${report.hash}/trajectory?run=first`)
    expect(text.status).toBe(400)
    expect(await text.json()).toMatchObject({ error: "InvalidInput", issues: [{ path: "run" }] })
    const unknown = await app.request(`/api/reports/${"0".repeat(64)}/trajectory`)
    expect(unknown.status).toBe(404)
    expect(await unknown.json()).toMatchObject({ error: "NotFound" })
    // The report is found (or not) before the query is read: a 404 comes before a 400 about the run.
    expect((await app.request(`/api/reports/${"0".repeat(64)}/trajectory?run=first`)).status).toBe(404)
  })

  it("is not served for a report /api/simulate did not store", async () => {
    const response = await json("/api/simulate", { ...spec, seed: 8 })
    const { hash } = (await response.json()) as { hash: string }
    expect((await app.request(`/api/reports/${hash}/trajectory`)).status).toBe(404)
  })
})
