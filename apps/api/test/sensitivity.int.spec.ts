import { afterAll, describe, expect, it } from "vitest"
import { openApiDocument } from "../src/index.js"
import { memoryApp } from "./memory-app.js"

const service = memoryApp()
const background = memoryApp({ analysisBackgroundThreshold: 1 })
afterAll(async () => {
  await service.dispose()
  await background.dispose()
})

const spec = {
  pack: "sybiha-visit-2025",
  runs: 100,
  horizonMonths: 12,
  interventions: [{ type: "aid-package", month: 1, sector: "energy", amountUsdM: 200, form: "grant" }],
}
const tornadoBody = { spec, indicator: "energy.capacity_restored_mw", method: "tornado", samples: 40 }
const goalBody = {
  spec,
  lever: { intervention: 0, field: "amountUsdM" },
  indicator: "energy.capacity_restored_mw",
  month: 12,
  target: 150,
  probability: 0.5,
}

const issuesOf = async (response: Response) => {
  expect(response.status).toBe(400)
  const body = (await response.json()) as { error: string; issues: Array<{ path: string }> }
  expect(body.error).toBe("InvalidInput")
  return body.issues.map((issue) => issue.path)
}

describe("POST /api/sensitivity", () => {
  it("answers a tornado in JSON, the same bytes twice, and in Markdown, CSV and HTML", async () => {
    const first = await service.json("/api/sensitivity", tornadoBody)
    expect(first.status).toBe(200)
    const text = await first.text()
    expect(await (await service.json("/api/sensitivity", tornadoBody)).text()).toBe(text)
    const result = JSON.parse(text) as { method: string; bars: Array<{ id: string; swing: number }> }
    expect(result.method).toBe("tornado")
    expect(result.bars.map((b) => b.id)).toEqual(
      expect.arrayContaining(["energy.cost-per-mw-usd-m", "0.amountUsdM"]),
    )
    const md = await service.json("/api/sensitivity?format=md", tornadoBody)
    expect(md.headers.get("content-type")).toMatch(/text\/markdown/)
    expect(await md.text()).toContain("## Drivers, largest swing first")
    expect(await (await service.json("/api/sensitivity?format=csv", tornadoBody)).text()).toMatch(
      /^kind,id,low,high/,
    )
    expect(await (await service.json("/api/sensitivity?format=html", tornadoBody)).text()).toContain(
      '<svg class="tornado"',
    )
  }, 60_000)

  it("answers Sobol indices with intervals and the sum of first-order indices", async () => {
    const response = await service.json("/api/sensitivity", { ...tornadoBody, method: "sobol", samples: 32 })
    expect(response.status).toBe(200)
    const result = (await response.json()) as {
      samples: number
      firstOrderSum: number
      indices: Array<{ id: string; totalInterval: [number, number] }>
    }
    expect(result.samples).toBe(32)
    expect(typeof result.firstOrderSum).toBe("number")
    expect(result.indices.some((x) => x.id === "chance")).toBe(true)
  })

  it("refuses an unknown indicator, a month past the horizon and a spec that does not fit, with paths", async () => {
    expect(
      await issuesOf(
        await service.json("/api/sensitivity", { ...tornadoBody, indicator: "funds.nope", month: 13 }),
      ),
    ).toEqual(["indicator", "month"])
    const badSpec = { ...spec, interventions: [{ type: "withdraw", commitment: "nope", month: 1 }] }
    expect(await issuesOf(await service.json("/api/sensitivity", { ...tornadoBody, spec: badSpec }))).toEqual(
      ["spec.interventions.0.commitment"],
    )
    // The decoder names the field once per literal it expected.
    const method = await issuesOf(
      await service.json("/api/sensitivity", { ...tornadoBody, method: "morris" }),
    )
    expect(new Set(method)).toEqual(new Set(["method"]))
  })

  it("runs a large analysis in the background: 202, progress events, then the result", async () => {
    const started = await background.json("/api/sensitivity", tornadoBody)
    expect(started.status).toBe(202)
    const { statusUrl, eventsUrl } = (await started.json()) as { statusUrl: string; eventsUrl: string }
    const events = await (await background.app.request(eventsUrl)).text()
    expect(events).toContain("event: completed")
    const done = await background.app.request(`${statusUrl}?format=json`)
    expect(done.status).toBe(200)
    const direct = await (await service.json("/api/sensitivity", tornadoBody)).text()
    expect(await done.text()).toBe(direct)
    expect(
      (await background.app.request("/api/sensitivity/00000000-0000-4000-8000-000000000000")).status,
    ).toBe(404)
    // Stored under the request's hash: asked again, the stored bytes at once.
    const again = await background.json("/api/sensitivity?format=json", tornadoBody)
    expect(again.status).toBe(200)
    expect(await again.text()).toBe(direct)
  }, 30_000)

  it("runs a large goal seek as a job: 202, then the answer at /api/goal/{id}, then stored", async () => {
    const started = await background.json("/api/goal", goalBody)
    expect(started.status).toBe(202)
    const { id, statusUrl, eventsUrl } = (await started.json()) as {
      id: string
      statusUrl: string
      eventsUrl: string
    }
    expect(statusUrl).toBe(`/api/goal/${id}`)
    expect(await (await background.app.request(eventsUrl)).text()).toContain("event: completed")
    const done = await background.app.request(statusUrl)
    expect(done.status).toBe(200)
    const direct = await (await service.json("/api/goal", goalBody)).text()
    expect(await done.text()).toBe(direct)
    const again = await background.json("/api/goal", goalBody)
    expect(again.status).toBe(200)
    expect(await again.text()).toBe(direct)
    // An analysis id is not a goal seek's.
    expect((await background.app.request(`/api/sensitivity/${id}`)).status).toBe(404)
  }, 30_000)
})

describe("POST /api/goal", () => {
  it("answers the smallest amount with the report at that value", async () => {
    const response = await service.json("/api/goal", goalBody)
    expect(response.status).toBe(200)
    const { goal, report } = (await response.json()) as {
      goal: {
        reachable: boolean
        answer: { value: number; probability: number }
        spec: { interventions: Array<{ amountUsdM: number }> }
      }
      report: { spec: unknown }
    }
    expect(goal.reachable).toBe(true)
    expect(goal.answer.probability).toBeGreaterThanOrEqual(0.5)
    expect(goal.spec.interventions[0]?.amountUsdM).toBe(goal.answer.value)
    expect(report.spec).toEqual(goal.spec)
  })

  it("refuses a lever that does not exist and a target the indicator cannot reach, with paths", async () => {
    const at = (change: object) => service.json("/api/goal", { ...goalBody, ...change })
    expect(await issuesOf(await at({ lever: { intervention: 4, field: "amountUsdM" } }))).toEqual([
      "lever.intervention",
    ])
    expect(await issuesOf(await at({ lever: { intervention: 0, field: "form" } }))).toEqual(["lever.field"])
    expect(await issuesOf(await at({ target: 1e12 }))).toEqual(["target"])
    expect(await issuesOf(await at({ target: -1, indicator: "funds.disbursed_usd_m" }))).toEqual(["target"])
    expect(await issuesOf(await at({ indicator: "nope" }))).toEqual(["indicator"])
    expect(await issuesOf(await at({ probability: 0 }))).toEqual(["probability"])
  })
})

describe("the OpenAPI document", () => {
  it("declares the analysis operations with their schemas", () => {
    const document = openApiDocument() as {
      paths: Record<string, Record<string, { operationId: string }>>
      components: { schemas: Record<string, unknown> }
    }
    expect(document.paths["/api/sensitivity"]?.post?.operationId).toBe("sensitivity")
    expect(document.paths["/api/goal"]?.post?.operationId).toBe("goal")
    expect(Object.keys(document.components.schemas)).toEqual(
      expect.arrayContaining([
        "SensitivityRequest",
        "GoalRequest",
        "TornadoResult",
        "SobolResult",
        "GoalResult",
      ]),
    )
  })
})
