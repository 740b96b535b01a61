import { afterAll, describe, expect, it } from "vitest"
import { memoryApp } from "./memory-app.js"

const { app, json, dispose } = memoryApp()
afterAll(dispose)

const pack = "sybiha-visit-2025"
const sanctions = { type: "sanctions-package", month: 3, coverage: 0.3, enforcement: 0.8 }
const aid = { type: "aid-package", month: 6, sector: "energy", amountUsdM: 500, form: "grant" }

const create = async (spec: Record<string, unknown> = {}) => {
  const response = await json("/api/scenarios", { pack, runs: 200, ...spec })
  expect(response.status).toBe(201)
  const body = (await response.json()) as { id: string; version: number }
  expect(response.headers.get("location")).toBe(`/api/scenarios/${body.id}`)
  return body
}
// biome-ignore lint/suspicious/noExplicitAny: responses are checked field by field with expect.
type Json = any
const get = async (path: string): Promise<Json> => {
  const response = await app.request(path)
  expect(response.status).toBe(200)
  return response.json()
}

describe("scenarios as event streams", () => {
  it("creates a scenario at version 1 and reads it back with defaults filled", async () => {
    const { id, version } = await create({ name: "Extra sanctions in Q2" })
    expect(version).toBe(1)
    const scenario = await get(`/api/scenarios/${id}`)
    expect(scenario).toMatchObject({
      id,
      version: 1,
      latestVersion: 1,
      name: "Extra sanctions in Q2",
      spec: { pack, runs: 200, horizonMonths: 24, seed: 1, interventions: [] },
      branches: [],
      runs: [],
    })
  })

  it("appends interventions with optimistic concurrency: a stale version is a 409 and changes nothing", async () => {
    const { id } = await create()
    const first = await json(`/api/scenarios/${id}/interventions`, {
      expectedVersion: 1,
      intervention: sanctions,
    })
    expect(first.status).toBe(201)
    expect(await first.json()).toEqual({ version: 2 })
    const stale = await json(`/api/scenarios/${id}/interventions`, { expectedVersion: 1, intervention: aid })
    expect(stale.status).toBe(409)
    expect(((await stale.json()) as { error: string }).error).toBe("ExpectedVersionMismatch")
    const scenario = await get(`/api/scenarios/${id}`)
    expect(scenario.version).toBe(2)
    expect(scenario.spec.interventions).toEqual([sanctions])
  })

  it("rejects an intervention that does not fit the scenario with its path", async () => {
    const { id } = await create({ horizonMonths: 12 })
    const response = await json(`/api/scenarios/${id}/interventions`, {
      expectedVersion: 1,
      intervention: { ...sanctions, month: 20 },
    })
    expect(response.status).toBe(400)
    const body = (await response.json()) as { issues: Array<{ path: string }> }
    expect(body.issues.map((i) => i.path)).toEqual(["intervention.month"])
    const unknownField = await json(`/api/scenarios/${id}/interventions`, {
      expectedVersion: 1,
      intervention: sanctions,
      extra: 1,
    })
    expect(unknownField.status).toBe(400)
  })

  it("replays to a version with ?asOf, and lists the events that got it there", async () => {
    const { id } = await create()
    await json(`/api/scenarios/${id}/interventions`, { expectedVersion: 1, intervention: sanctions })
    await json(`/api/scenarios/${id}/interventions`, { expectedVersion: 2, intervention: aid })
    const removed = await app.request(`/api/scenarios/${id}/interventions/0?expectedVersion=3`, {
      method: "DELETE",
    })
    expect(removed.status).toBe(200)
    expect(await removed.json()).toEqual({ version: 4 })

    expect((await get(`/api/scenarios/${id}`)).spec.interventions).toEqual([aid])
    const v2 = await get(`/api/scenarios/${id}?asOf=2`)
    expect(v2).toMatchObject({ version: 2, latestVersion: 4, spec: { interventions: [sanctions] } })
    expect((await get(`/api/scenarios/${id}?asOf=3`)).spec.interventions).toEqual([sanctions, aid])
    expect((await app.request(`/api/scenarios/${id}?asOf=9`)).status).toBe(404)

    const events = await get(`/api/scenarios/${id}/events`)
    expect(events.map((e: { type: string; version: number }) => [e.version, e.type])).toEqual([
      [1, "ScenarioCreated"],
      [2, "InterventionAdded"],
      [3, "InterventionAdded"],
      [4, "InterventionRemoved"],
    ])
    expect(events[3].data).toMatchObject({ index: 0 })
  })

  it("removing an index that is not there is a 404; a stale version a 409", async () => {
    const { id } = await create()
    expect(
      (await app.request(`/api/scenarios/${id}/interventions/0?expectedVersion=1`, { method: "DELETE" }))
        .status,
    ).toBe(404)
    expect(
      (await app.request(`/api/scenarios/${id}/interventions/0?expectedVersion=7`, { method: "DELETE" }))
        .status,
    ).toBe(409)
    expect((await app.request(`/api/scenarios/${id}/interventions/0`, { method: "DELETE" })).status).toBe(400)
  })

  it("changes settings and assumptions as events", async () => {
    const { id } = await create()
    const settings = await json(`/api/scenarios/${id}/settings`, {
      expectedVersion: 1,
      name: "Renamed",
      runs: 300,
    })
    expect(await settings.json()).toEqual({ version: 2 })
    const assumptions = await json(`/api/scenarios/${id}/assumptions`, {
      expectedVersion: 2,
      assumptions: {},
    })
    expect(assumptions.status).toBe(200)
    const scenario = await get(`/api/scenarios/${id}`)
    expect(scenario).toMatchObject({ name: "Renamed", spec: { runs: 300, name: "Renamed" } })
    const bad = await json(`/api/scenarios/${id}/assumptions`, {
      expectedVersion: scenario.version,
      assumptions: { "no-such-parameter": 1 },
    })
    expect(bad.status).toBe(400)
  })

  it("branches from a past version, keeping a link to the parent", async () => {
    const { id } = await create({ name: "Base" })
    await json(`/api/scenarios/${id}/interventions`, { expectedVersion: 1, intervention: sanctions })
    await json(`/api/scenarios/${id}/interventions`, { expectedVersion: 2, intervention: aid })
    const response = await json(`/api/scenarios/${id}/branch`, { atVersion: 2, name: "Sanctions only" })
    expect(response.status).toBe(201)
    const child = (await response.json()) as { id: string; version: number }
    expect(child.id).not.toBe(id)
    const branch = await get(`/api/scenarios/${child.id}`)
    expect(branch).toMatchObject({
      name: "Sanctions only",
      parent: { scenarioId: id, version: 2 },
      spec: { interventions: [sanctions] },
    })
    const parent = await get(`/api/scenarios/${id}`)
    expect(parent.branches.map((b: { childId: string }) => b.childId)).toEqual([child.id])
    expect((await json(`/api/scenarios/${id}/branch`, { atVersion: 99 })).status).toBe(404)
  })

  it("answers 404 ScenarioNotFound for an unknown scenario on every scenario route, whatever version is named", async () => {
    const missing = "/api/scenarios/no-such-scenario"
    const answers = await Promise.all([
      app.request(missing),
      app.request(`${missing}/events`),
      json(`${missing}/interventions`, { expectedVersion: 1, intervention: sanctions }),
      app.request(`${missing}/interventions/0?expectedVersion=1`, { method: "DELETE" }),
      json(`${missing}/settings`, { expectedVersion: 1, runs: 300 }),
      json(`${missing}/assumptions`, { expectedVersion: 1, assumptions: {} }),
      json(`${missing}/branch`, { atVersion: 1 }),
      app.request(`${missing}/runs`, { method: "POST" }),
    ])
    for (const answer of answers) {
      expect(answer.status).toBe(404)
      expect(((await answer.json()) as { error: string }).error).toBe("ScenarioNotFound")
    }
  })

  it("lists scenarios, most recently changed first", async () => {
    const a = await create({ name: "List A" })
    const b = await create({ name: "List B" })
    await json(`/api/scenarios/${a.id}/interventions`, { expectedVersion: 1, intervention: sanctions })
    const list = (await get("/api/scenarios")) as Array<{
      id: string
      name: string
      version: number
      pack: string
    }>
    const ids = list.map((s) => s.id)
    expect(ids.indexOf(a.id)).toBeLessThan(ids.indexOf(b.id))
    expect(list.find((s) => s.id === a.id)).toMatchObject({ name: "List A", version: 2, pack })
  })
})

describe("runs and stored reports", () => {
  it("runs a small scenario at once, stores the report and returns it again for an unchanged scenario", async () => {
    const { id } = await create()
    const first = await app.request(`/api/scenarios/${id}/runs`, { method: "POST" })
    expect(first.status).toBe(201)
    const runId = first.headers.get("x-run-id") as string
    const hash = first.headers.get("x-report-hash") as string
    expect(runId.startsWith(`${id}.`)).toBe(true)
    const firstBytes = await first.text()
    expect(JSON.parse(firstBytes).hash).toBe(hash)

    const again = await app.request(`/api/scenarios/${id}/runs`, { method: "POST" })
    expect(again.status).toBe(200)
    expect(again.headers.get("x-report-reused")).toBe("true")
    expect(again.headers.get("x-run-id")).toBe(runId)
    expect(await again.text()).toBe(firstBytes)

    const run = await get(`/api/runs/${runId}`)
    expect(run).toMatchObject({
      id: runId,
      scenarioId: id,
      status: "completed",
      reportHash: hash,
      atVersion: 2,
    })
    const stored = await app.request(`/api/reports/${hash}`)
    expect(await stored.text()).toBe(firstBytes)
    const scenario = await get(`/api/scenarios/${id}`)
    expect(scenario.runs).toEqual([{ runId, reportHash: hash, runs: 200, seed: 1, atVersion: 2 }])
  })

  it("a changed scenario runs afresh; the same bytes come from POST /api/simulate for the same spec", async () => {
    const { id } = await create()
    const first = await app.request(`/api/scenarios/${id}/runs`, { method: "POST" })
    await json(`/api/scenarios/${id}/interventions`, { expectedVersion: 2, intervention: sanctions })
    const second = await app.request(`/api/scenarios/${id}/runs`, { method: "POST" })
    expect(second.status).toBe(201)
    expect(second.headers.get("x-report-hash")).not.toBe(first.headers.get("x-report-hash"))
    const spec = (await get(`/api/scenarios/${id}`)).spec
    const simulated = await json("/api/simulate", spec)
    expect(await simulated.text()).toBe(await second.text())
  })

  it("renders reports as JSON, Markdown, CSV and HTML by ?format or Accept", async () => {
    const { id } = await create()
    const run = await app.request(`/api/scenarios/${id}/runs?format=markdown`, { method: "POST" })
    expect(run.headers.get("content-type")).toMatch(/^text\/markdown/)
    const hash = run.headers.get("x-report-hash") as string
    const cases: Array<[string, RequestInit, RegExp]> = [
      ["?format=csv", {}, /^text\/csv/],
      ["?format=md", {}, /^text\/markdown/],
      ["?format=html", {}, /^text\/html/],
      ["", { headers: { accept: "text/html,application/xhtml+xml" } }, /^text\/html/],
      ["", { headers: { accept: "text/csv" } }, /^text\/csv/],
      ["", { headers: { accept: "*/*" } }, /^application\/json/],
      ["?format=json", { headers: { accept: "text/html" } }, /^application\/json/],
    ]
    for (const [query, init, type] of cases) {
      const response = await app.request(`/api/reports/${hash}${query}`, init)
      expect(response.status).toBe(200)
      expect(response.headers.get("content-type")).toMatch(type)
    }
    const csv = await (await app.request(`/api/reports/${hash}?format=csv`)).text()
    expect(csv.split("\r\n")[0]).toBe("indicator,unit,month,statistic,value")
  })
})

describe("simulate and compare", () => {
  it("simulates without storing anything", async () => {
    const before = ((await get("/api/scenarios")) as Array<unknown>).length
    const response = await json("/api/simulate", { pack, runs: 100 })
    expect(response.status).toBe(200)
    const report = (await response.json()) as { runs: number; indicators: Array<{ id: string }> }
    expect(report.runs).toBe(100)
    expect(report.indicators.map((i) => i.id)).toEqual(
      expect.arrayContaining([
        "funds.pledged_usd_m",
        "energy.capacity_restored_mw",
        "sanctions.pressure_index",
      ]),
    )
    expect(((await get("/api/scenarios")) as Array<unknown>).length).toBe(before)
  })

  it("compares two specs and refuses specs that cannot be paired", async () => {
    const baseline = { pack, runs: 200 }
    const variant = { pack, runs: 200, interventions: [sanctions] }
    const response = await json("/api/compare", { baseline, variant })
    expect(response.status).toBe(200)
    const comparison = (await response.json()) as {
      indicators: Array<{ id: string; atHorizon: { deltaP50: number } }>
    }
    const pressure = comparison.indicators.find((i) => i.id === "sanctions.pressure_index")
    expect(pressure?.atHorizon.deltaP50).toBeGreaterThanOrEqual(0)
    const markdown = await json("/api/compare?format=markdown", { baseline, variant })
    expect(markdown.headers.get("content-type")).toMatch(/^text\/markdown/)

    const unpaired = await json("/api/compare", { baseline, variant: { ...variant, seed: 7 } })
    expect(unpaired.status).toBe(400)
    expect(
      ((await unpaired.json()) as { issues: Array<{ path: string }> }).issues.map((i) => i.path),
    ).toEqual(["variant.seed"])
    const invalid = await json("/api/compare", { baseline: { pack, runs: 0 }, variant })
    expect(((await invalid.json()) as { issues: Array<{ path: string }> }).issues[0]?.path).toBe(
      "baseline.runs",
    )
  })
})

describe("packs", () => {
  it("lists the built-in packs and shows one with sources and catalogs", async () => {
    const packs = (await get("/api/packs")) as Array<{ id: string; commitments: number }>
    expect(packs.map((p) => p.id)).toContain(pack)
    const one = await get(`/api/packs/${pack}`)
    expect(one.commitments.length).toBeGreaterThan(10)
    expect(one.commitments[0].source.quote.length).toBeGreaterThan(10)
    expect(one.parameters.length).toBeGreaterThan(0)
    expect(one.indicators.map((i: { id: string }) => i.id)).toContain("funds.disbursed_usd_m")
    expect(one.interventions.map((i: { type: string }) => i.type)).toContain("aid-package")
  })
})
