import { afterAll, describe, expect, it } from "vitest"
import { memoryApp } from "./memory-app.js"

const { app, json, dispose } = memoryApp({ workCeiling: 2_000_000 })
afterAll(dispose)

const pack = "sybiha-visit-2025"

const expectError = async (response: Response, status: number, error: string) => {
  expect(response.status).toBe(status)
  expect(response.headers.get("content-type")).toMatch(/^application\/json/)
  const body = (await response.json()) as {
    error: string
    message: string
    issues: Array<{ path: string; message: string }>
  }
  expect(body.error).toBe(error)
  expect(typeof body.message).toBe("string")
  expect(Array.isArray(body.issues)).toBe(true)
  expect(JSON.stringify(body)).not.toMatch(/\n\s+at |node_modules|\.ts:\d+/)
  return body
}

describe("invalid input is a 400 listing every problem with its path", () => {
  it("reports all problems at once, unknown fields included", async () => {
    const body = await expectError(
      await json("/api/simulate", {
        pack,
        runs: 0,
        horizonMonths: 500,
        surprise: true,
        interventions: [{ type: "sanctions-package", month: 3, coverage: 2, enforcement: 0.5 }],
      }),
      400,
      "InvalidInput",
    )
    const paths = body.issues.map((i) => i.path)
    expect(paths).toEqual(
      expect.arrayContaining(["runs", "horizonMonths", "surprise", "interventions.0.coverage"]),
    )
  })

  it("checks ids and months against the pack", async () => {
    const body = await expectError(
      await json("/api/simulate", {
        pack,
        horizonMonths: 12,
        interventions: [
          { type: "withdraw", commitment: "no-such-commitment", month: 2 },
          { type: "sanctions-package", month: 13, coverage: 0.3, enforcement: 0.8 },
        ],
      }),
      400,
      "InvalidInput",
    )
    expect(body.issues.map((i) => i.path)).toEqual(["interventions.0.commitment", "interventions.1.month"])
  })

  it("words each mistake once, for a person, as the CLI and the web app show it", async () => {
    const body = await expectError(
      await json("/api/simulate", {
        pack,
        runs: 0,
        interventions: [{ type: "aid-package", month: 1, sector: "moon", amountUsdM: 5, form: "grant" }],
      }),
      400,
      "InvalidInput",
    )
    expect(body.issues).toEqual([
      { path: "runs", message: "between 1 and 100,000 Monte Carlo runs; got 0" },
      {
        path: "interventions.0.sector",
        message:
          'expected one of energy, digital, health, smes, infrastructure, demining, humanitarian; got "moon"',
      },
    ])
  })

  it("rejects an unknown pack, negative amounts and unknown intervention types", async () => {
    const unknownPack = await expectError(
      await json("/api/simulate", { pack: "atlantis" }),
      400,
      "InvalidInput",
    )
    expect(unknownPack.issues[0]?.path).toBe("pack")
    const negative = await expectError(
      await json("/api/simulate", {
        pack,
        interventions: [{ type: "aid-package", month: 1, sector: "energy", amountUsdM: -5, form: "grant" }],
      }),
      400,
      "InvalidInput",
    )
    expect(negative.issues.some((i) => i.path.startsWith("interventions.0"))).toBe(true)
    await expectError(
      await json("/api/simulate", { pack, interventions: [{ type: "teleport", month: 1 }] }),
      400,
      "InvalidInput",
    )
  })

  it("decodes query strings strictly too", async () => {
    const badFormat = await expectError(
      await json("/api/simulate?format=jsno", { pack }),
      400,
      "InvalidInput",
    )
    expect(badFormat.issues).toEqual([
      {
        path: "format",
        message: 'expected one of json, markdown, md, csv, html; got "jsno" (did you mean "json"?)',
      },
    ])
    await expectError(await json("/api/simulate?colour=blue", { pack }), 400, "InvalidInput")
    await expectError(await app.request("/api/scenarios/x?asOf=zero"), 400, "InvalidInput")
  })

  it("states the work ceiling (runs × months × commitments) when a request exceeds it", async () => {
    const body = await expectError(
      await json("/api/simulate", { pack, runs: 100_000 }),
      400,
      "WorkCeilingExceeded",
    )
    expect(body.message).toContain("2,000,000")
    expect(body.message).toContain("runs × months × commitments")
    expect(body.issues[0]?.path).toBe("runs")
  })
})

describe("transport errors", () => {
  it("malformed JSON is a 400", async () => {
    const response = await app.request("/api/simulate", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: '{"pack": "sybiha',
    })
    await expectError(response, 400, "MalformedJson")
    await expectError(
      await app.request("/api/scenarios", {
        method: "POST",
        headers: { "content-type": "application/json" },
      }),
      400,
      "MalformedJson",
    )
  })

  it("a body that is not JSON is a 415", async () => {
    await expectError(
      await app.request("/api/simulate", {
        method: "POST",
        headers: { "content-type": "text/plain" },
        body: "{}",
      }),
      415,
      "UnsupportedMediaType",
    )
    await expectError(
      await app.request("/api/simulate", { method: "POST", body: "{}" }),
      415,
      "UnsupportedMediaType",
    )
  })

  it("a body over 1 MiB is a 413", async () => {
    const big = JSON.stringify({ pack, name: "x".repeat(1024 * 1024) })
    await expectError(
      await app.request("/api/simulate", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: big,
      }),
      413,
      "PayloadTooLarge",
    )
  })

  it("JSON that is not an object is a 400, not a 500", async () => {
    for (const body of ["null", "42", '"text"', "[]", "true"]) {
      await expectError(
        await app.request("/api/scenarios", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body,
        }),
        400,
        "InvalidInput",
      )
    }
  })

  it("unknown routes and unknown ids are 404", async () => {
    await expectError(await app.request("/api/nothing-here"), 404, "NotFound")
    await expectError(await app.request("/api/packs/atlantis"), 404, "NotFound")
    await expectError(
      await app.request("/api/scenarios/00000000-0000-0000-0000-000000000000"),
      404,
      "ScenarioNotFound",
    )
    await expectError(
      await app.request("/api/scenarios/00000000-0000-0000-0000-000000000000/events"),
      404,
      "ScenarioNotFound",
    )
    await expectError(
      await app.request("/api/scenarios/00000000-0000-0000-0000-000000000000/runs", { method: "POST" }),
      404,
      "ScenarioNotFound",
    )
    await expectError(await app.request("/api/runs/nope.0123"), 404, "NotFound")
    await expectError(await app.request(`/api/reports/${"0".repeat(64)}`), 404, "NotFound")
  })

  it("a malformed report hash is a 400", async () => {
    await expectError(await app.request("/api/reports/not-a-hash"), 400, "InvalidInput")
  })
})

describe("operations", () => {
  it("sends secure headers and a request id", async () => {
    const response = await app.request("/api/health")
    expect(response.headers.get("x-content-type-options")).toBe("nosniff")
    expect(response.headers.get("x-frame-options")).toBe("SAMEORIGIN")
    expect(response.headers.get("x-request-id")).toMatch(/.+/)
  })

  it("reports the store in /api/health", async () => {
    const response = await app.request("/api/health")
    expect(await response.json()).toEqual({ status: "ok", store: "memory" })
  })
})
