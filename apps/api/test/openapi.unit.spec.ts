import { Validator } from "@seriousme/openapi-schema-validator"
import { afterAll, describe, expect, it } from "vitest"
import { allRoutes } from "../src/routes/index.js"
import { memoryApp } from "./memory-app.js"

const { app, dispose } = memoryApp()
afterAll(dispose)

type Paths = Record<string, Record<string, unknown>>

/** "METHOD /path" of every operation the document declares. */
const documentedIn = (paths: Paths) =>
  Object.entries(paths).flatMap(([path, item]) =>
    Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
  )

/** "METHOD /path" of every handler the router serves: not middleware ("ALL") or the web app's catch-all. */
const servedBy = (router: { routes: ReadonlyArray<{ method: string; path: string }> }) =>
  router.routes
    .filter((r) => r.method !== "ALL" && !r.path.includes("*"))
    .map((r) => `${r.method} ${r.path.replace(/:([A-Za-z]+)/g, "{$1}")}`)

/** What the router serves and the document leaves out, and the reverse. */
const drift = (router: Parameters<typeof servedBy>[0], paths: Paths) => {
  const served = new Set(servedBy(router))
  const documented = new Set(documentedIn(paths))
  return {
    undocumented: [...served].filter((op) => !documented.has(op)).sort(),
    unserved: [...documented].filter((op) => !served.has(op)).sort(),
  }
}

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

  it("documents exactly the routes the router serves: none missing, none extra", async () => {
    const document = (await (await app.request("/openapi.json")).json()) as {
      paths: Record<string, Record<string, { requestBody?: unknown }>>
      components: { schemas: Record<string, unknown> }
    }
    expect(drift(app, document.paths)).toEqual({ undocumented: [], unserved: [] })
    expect(documentedIn(document.paths)).toHaveLength(allRoutes.length)
    expect(servedBy(app)).toHaveLength(allRoutes.length)
    expect(document.paths["/api/simulate"]?.post?.requestBody).toEqual({
      required: true,
      content: { "application/json": { schema: { $ref: "#/components/schemas/ScenarioSpec" } } },
    })
    // The spec schema rejects unknown fields, as the decoder does.
    expect(document.components.schemas.ScenarioSpec).toMatchObject({ additionalProperties: false })
  })

  it("fails for a route served without a document entry", async () => {
    const { app: extended, dispose: disposeExtended } = memoryApp()
    try {
      extended.get("/api/undeclared/:id", (c) => c.json({}))
      const document = (await (await extended.request("/openapi.json")).json()) as { paths: Paths }
      expect(drift(extended, document.paths)).toEqual({
        undocumented: ["GET /api/undeclared/{id}"],
        unserved: [],
      })
    } finally {
      await disposeExtended()
    }
  })

  it("declares bearer security, 401 and 403 on the exercise operations that want a token", async () => {
    const document = (await (await app.request("/openapi.json")).json()) as {
      paths: Record<string, Record<string, { security?: unknown; responses: Record<string, unknown> }>>
      components: { securitySchemes: Record<string, unknown> }
    }
    expect(document.components.securitySchemes.bearer).toMatchObject({ type: "http", scheme: "bearer" })
    const secured = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([, op]) => op.security !== undefined)
        .map(([method, op]) => {
          expect(op.responses).toHaveProperty("401")
          expect(op.responses).toHaveProperty("403")
          return `${method.toUpperCase()} ${path}`
        }),
    )
    expect(secured).toEqual(
      expect.arrayContaining([
        "POST /api/exercises/{id}/moves",
        "POST /api/exercises/{id}/rounds/close",
        "GET /api/exercises/{id}",
        "GET /api/exercises/{id}/stream",
        "GET /api/exercises/{id}/debrief",
      ]),
    )
  })

  it("types numbers in queries as integers and documents the debrief, the close body and response headers", async () => {
    const document = (await (await app.request("/openapi.json")).json()) as {
      paths: Record<string, Record<string, Record<string, unknown>>>
    }
    const params = (path: string, method: string) =>
      (document.paths[path]?.[method]?.parameters ?? []) as Array<{
        name: string
        in: string
        schema: object
      }>
    const param = (path: string, method: string, name: string) =>
      params(path, method).find((p) => p.name === name)
    expect(param("/api/scenarios/{id}", "get", "asOf")?.schema).toMatchObject({ type: "integer", minimum: 1 })
    expect(
      param("/api/scenarios/{id}/interventions/{index}", "delete", "expectedVersion")?.schema,
    ).toMatchObject({
      type: "integer",
    })
    expect(param("/api/exercises/{id}/stream", "get", "after")?.schema).toMatchObject({ type: "integer" })
    expect(param("/api/exercises/{id}/stream", "get", "Last-Event-ID")).toMatchObject({ in: "header" })
    expect(JSON.stringify(param("/api/exercises/{id}/debrief", "get", "format")?.schema)).toContain('"md"')
    expect(param("/api/exercises/{id}/debrief", "get", "round")?.schema).toMatchObject({ type: "integer" })
    const debrief = document.paths["/api/exercises/{id}/debrief"]?.get?.responses as Record<
      string,
      { content: Record<string, { schema: unknown }>; headers: object }
    >
    expect(debrief[200].content["application/json"].schema).toEqual({ $ref: "#/components/schemas/Debrief" })
    expect(document.paths["/api/exercises/{id}/rounds/close"]?.post?.requestBody).toMatchObject({
      required: false,
    })
    const run = document.paths["/api/scenarios/{id}/runs"]?.post?.responses as Record<
      string,
      { content: Record<string, { schema: unknown }>; headers: object }
    >
    expect(Object.keys(run[201].headers).sort()).toEqual(["location", "x-report-hash", "x-run-id"])
    expect(Object.keys(run[202].headers).sort()).toEqual(["location", "x-run-id"])
  })
})

describe("GET /docs", () => {
  it("is a self-contained HTML reference of every operation", async () => {
    const response = await app.request("/docs")
    expect(response.status).toBe(200)
    expect(response.headers.get("content-type")).toMatch(/^text\/html/)
    const html = await response.text()
    for (const { operation } of allRoutes) expect(html).toContain(`id="${operation.operationId}"`)
    expect(html).toContain('id="schema-ScenarioSpec"')
    // Nothing is fetched from elsewhere: no scripts, no external stylesheets or fonts.
    expect(html).not.toMatch(/<script|<link|https?:\/\/(?!localhost)[^"]*\.(js|css)/)
  })
})
