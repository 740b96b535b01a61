import { afterAll, describe, expect, it } from "vitest"
import { memoryApp } from "./memory-app.js"

const { app, json, dispose } = memoryApp()
afterAll(dispose)

const path = "/api/packs/sybiha-visit-2025/observations"
const observation = {
  id: "test-era-second-tranche",
  date: "2026-03-31",
  about: { commitment: "era-loan" },
  value: 800,
  source: "https://example.org/era-second",
  confidence: "M",
  note: "a test observation",
}
// biome-ignore lint/suspicious/noExplicitAny: responses are checked field by field with expect.
type Json = any
const list = async (): Promise<Json> => {
  const response = await app.request(path)
  expect(response.status).toBe(200)
  return response.json()
}
const issuesOf = async (response: Response) => {
  expect(response.status).toBe(400)
  const body = (await response.json()) as { error: string; issues: Array<{ path: string }> }
  expect(body.error).toBe("InvalidInput")
  return body.issues.map((i) => i.path)
}

describe("observations of a pack", () => {
  it("lists the pack's seed on first use, once", async () => {
    const first = await list()
    expect(first.version).toBe(15)
    expect(first.observations.map((o: Json) => o.id)).toContain("era-first-disbursement")
    expect(await list()).toEqual(first)
  })

  it("records an observation: 201 with the new version, then 409 on the stale version", async () => {
    const { version } = await list()
    const created = await json(path, { expectedVersion: version, observation })
    expect(created.status).toBe(201)
    expect(await created.json()).toEqual({ version: version + 1 })
    const after = await list()
    expect(after.observations.at(-1)).toEqual(observation)
    const stale = await json(path, {
      expectedVersion: version,
      observation: { ...observation, id: "test-other" },
    })
    expect(stale.status).toBe(409)
    expect(((await stale.json()) as { error: string }).error).toBe("ExpectedVersionMismatch")
    expect((await list()).version).toBe(version + 1)
  })

  it("answers 400 with paths for what a client can get wrong", async () => {
    const { version } = await list()
    const send = (o: Record<string, unknown>) => json(path, { expectedVersion: version, observation: o })
    expect(
      await issuesOf(await send({ ...observation, id: "x1", about: { commitment: "no-such" } })),
    ).toEqual(["observation.about.commitment"])
    expect(
      await issuesOf(await send({ ...observation, id: "x2", about: { indicator: "funds.nope" } })),
    ).toEqual(["observation.about.indicator"])
    expect(await issuesOf(await send({ ...observation, id: "x3", date: "2025-08-01" }))).toEqual([
      "observation.date",
    ])
    expect(await issuesOf(await send({ ...observation, id: "x4", date: "2999-01-01" }))).toEqual([
      "observation.date",
    ])
    const { source: _, ...unsourced } = observation
    expect(await issuesOf(await send({ ...unsourced, id: "x5" }))).toEqual(["observation.source"])
    expect(await issuesOf(await send({ ...observation, id: "era-first-disbursement" }))).toEqual([
      "observation.id",
    ])
    expect((await list()).version).toBe(version)
  })

  it("answers 404 for an unknown pack", async () => {
    expect((await app.request("/api/packs/no-such-pack/observations")).status).toBe(404)
    const posted = await json("/api/packs/no-such-pack/observations", { expectedVersion: 0, observation })
    expect(posted.status).toBe(404)
  })
})

describe("projections conditioned on the pack's observations", () => {
  it("a spec with asOf is weighted by the observations up to that day; without it, the visit-time report", async () => {
    const response = await json("/api/simulate", { pack: "sybiha-visit-2025", runs: 200, asOf: "2026-02-28" })
    expect(response.status).toBe(200)
    const report = (await response.json()) as Json
    const listed = await list()
    const upTo = listed.observations.filter((o: Json) => o.date <= "2026-02-28").map((o: Json) => o.id)
    const conditionedOn = [
      ...report.conditioning.observations.map((o: Json) => o.id),
      ...report.conditioning.ignored.map((o: Json) => o.id),
    ]
    expect(conditionedOn.sort()).toEqual(upTo.sort())
    expect(report.conditioning.effectiveRuns).toBeGreaterThan(0)
    expect(report.conditioning.effectiveRuns).toBeLessThanOrEqual(200)
    const plain = (await (
      await json("/api/simulate", { pack: "sybiha-visit-2025", runs: 200 })
    ).json()) as Json
    expect(plain.conditioning).toBeUndefined()
    expect(plain.hash).not.toBe(report.hash)
  })

  it("a comparison refuses asOf with its path", async () => {
    const spec = { pack: "sybiha-visit-2025", runs: 100 }
    const response = await json("/api/compare", { baseline: { ...spec, asOf: "2025-12-31" }, variant: spec })
    expect(await issuesOf(response)).toEqual(["baseline.asOf"])
  })
})

describe("backtest", () => {
  it("compares the projection as of a day with every later observation", async () => {
    const response = await app.request("/api/packs/sybiha-visit-2025/backtest?asOf=2025-12-31&runs=200")
    expect(response.status).toBe(200)
    const body = (await response.json()) as Json
    expect(body.asOf).toBe("2025-12-31")
    expect(body.runs).toBe(200)
    const listed = await list()
    const later = listed.observations.filter((o: Json) => o.date > "2025-12-31").map((o: Json) => o.id)
    const rows = [...body.observations.map((r: Json) => r.id), ...body.ignored.map((r: Json) => r.id)]
    expect(rows.sort()).toEqual(later.sort())
    for (const row of body.observations) {
      expect(Object.keys(row)).toEqual(
        expect.arrayContaining([
          "id",
          "date",
          "month",
          "about",
          "observed",
          "p10",
          "p50",
          "p90",
          "percentile",
          "inside",
        ]),
      )
    }
    expect(typeof body.coverage).toBe("number")
    expect(typeof body.meanCrps).toBe("number")
  })

  it("defaults asOf to the last day of the visit, and refuses bad parameters with their names", async () => {
    const body = (await (await app.request("/api/packs/sybiha-visit-2025/backtest?runs=100")).json()) as Json
    expect(body.asOf).toBe("2025-08-05")
    const bad = await app.request("/api/packs/sybiha-visit-2025/backtest?asOf=yesterday&runs=0")
    expect((await issuesOf(bad)).sort()).toEqual(["asOf", "runs"])
    expect((await app.request("/api/packs/nope/backtest")).status).toBe(404)
  })
})
