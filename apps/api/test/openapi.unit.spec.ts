import { Validator } from "@seriousme/openapi-schema-validator"
import { afterAll, describe, expect, it } from "vitest"
import { allOperations } from "../src/routes/openapi.js"
import { memoryApp } from "./memory-app.js"

const { app, dispose } = memoryApp()
afterAll(dispose)

const refsIn = (value: unknown): Array<string> => {
  if (Array.isArray(value)) return value.flatMap(refsIn)
  if (value !== null && typeof value === "object") {
    return Object.entries(value).flatMap(([key, inner]) =>
      key === "$ref" && typeof inner === "string" ? [inner] : refsIn(inner),
    )
  }
  return []
}

describe("GET /openapi.json", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    const response = await app.request("/openapi.json")
    expect(response.status).toBe(200)
    const document = await response.json()
    const validator = new Validator()
    const result = await validator.validate(document as Parameters<Validator["validate"]>[0])
    expect(result.errors ?? []).toEqual([])
    expect(result.valid).toBe(true)
    expect(validator.version).toBe("3.1")
  })

  it("resolves every reference inside components, none left in $defs", async () => {
    const document = (await (await app.request("/openapi.json")).json()) as {
      components: { schemas: Record<string, unknown> }
    }
    const refs = refsIn(document)
    expect(refs.length).toBeGreaterThan(10)
    for (const ref of refs) {
      expect(ref).toMatch(/^#\/components\/schemas\//)
      expect(document.components.schemas).toHaveProperty(ref.slice("#/components/schemas/".length))
    }
  })

  it("describes every route of the contract with the schemas the handlers decode with", async () => {
    const document = (await (await app.request("/openapi.json")).json()) as {
      paths: Record<string, Record<string, { requestBody?: unknown }>>
      components: { schemas: Record<string, unknown> }
    }
    const routes = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
    )
    expect(routes).toEqual(
      expect.arrayContaining([
        "GET /api/health",
        "GET /api/packs",
        "GET /api/packs/{id}",
        "POST /api/simulate",
        "POST /api/compare",
        "POST /api/scenarios",
        "GET /api/scenarios",
        "GET /api/scenarios/{id}",
        "GET /api/scenarios/{id}/events",
        "POST /api/scenarios/{id}/interventions",
        "DELETE /api/scenarios/{id}/interventions/{index}",
        "POST /api/scenarios/{id}/branch",
        "POST /api/scenarios/{id}/runs",
        "GET /api/runs/{id}",
        "GET /api/runs/{id}/events",
        "GET /api/reports/{hash}",
        "GET /openapi.json",
        "GET /docs",
      ]),
    )
    expect(routes).toHaveLength(allOperations.length)
    expect(document.paths["/api/simulate"]?.post?.requestBody).toEqual({
      required: true,
      content: { "application/json": { schema: { $ref: "#/components/schemas/ScenarioSpec" } } },
    })
    // The spec schema rejects unknown fields, as the decoder does.
    expect(document.components.schemas.ScenarioSpec).toMatchObject({ additionalProperties: false })
  })
})

describe("GET /docs", () => {
  it("is a self-contained HTML reference of every operation", async () => {
    const response = await app.request("/docs")
    expect(response.status).toBe(200)
    expect(response.headers.get("content-type")).toMatch(/^text\/html/)
    const html = await response.text()
    for (const op of allOperations) expect(html).toContain(`id="${op.operationId}"`)
    expect(html).toContain('id="schema-ScenarioSpec"')
    // Nothing is fetched from elsewhere: no scripts, no external stylesheets or fonts.
    expect(html).not.toMatch(/<script|<link|https?:\/\/(?!localhost)[^"]*\.(js|css)/)
  })
})
