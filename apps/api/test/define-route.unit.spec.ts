import { Effect, Layer, ManagedRuntime, Schema } from "effect"
import { Hono } from "hono"
import { afterAll, describe, expect, it } from "vitest"
import { Unauthorized } from "../src/http/api-error.js"
import { makeRunHandler } from "../src/http/effect-handler.js"
import { silentLogger } from "../src/http/request-log.js"
import { defineRoute, mountRoutes } from "../src/http/route.js"

const runtime = ManagedRuntime.make(Layer.empty)
afterAll(() => runtime.dispose())

const Name = Schema.String.pipe(Schema.pattern(/^[a-z]{1,8}$/))
const Count = Schema.NumberFromString.pipe(Schema.int(), Schema.between(1, 9))

const route = defineRoute({
  method: "post",
  path: "/things/{name}",
  operationId: "postThing",
  tag: "test",
  summary: "A thing",
  pathParams: {
    name: { description: "Its name", schema: Name, normalize: (raw: string) => raw.toLowerCase() },
  },
  guard: (c) =>
    c.req.header("authorization") === "Bearer ok"
      ? Effect.succeed("holder")
      : Effect.fail(new Unauthorized({ message: "no token" })),
  query: { count: { description: "How many", schema: Count, required: true } },
  body: Schema.Struct({ size: Schema.Int }),
  bodyName: "the thing",
  bodyCheck: (body) => (body.size > 10 ? [{ path: "size", message: "at most 10" }] : []),
  responses: { 200: { description: "The thing" } },
  handler: (c, { path, guard, query, body }) =>
    Effect.succeed(c.json({ name: path.name, guard, count: query.count, size: body.size })),
})

const app = new Hono()
mountRoutes(app, [route], makeRunHandler(runtime, silentLogger))

const send = (url: string, body: string, token = "ok") =>
  app.request(url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body,
  })

describe("defineRoute", () => {
  it("hands the handler the decoded path (normalized), guard, query and body", async () => {
    const response = await send("/things/ABC?count=3", '{"size":2}')
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ name: "abc", guard: "holder", count: 3, size: 2 })
    expect(route.operation).toMatchObject({
      method: "post",
      path: "/things/{name}",
      operationId: "postThing",
    })
  })

  it("decodes in one order: path, guard, query, body; the first failure answers", async () => {
    const issuesOf = async (response: Response) => {
      const body = (await response.json()) as { error: string; issues: Array<{ path: string }> }
      return [response.status, body.error, body.issues.map((i) => i.path)]
    }
    expect(await issuesOf(await send("/things/1?count=0", "{", "bad"))).toEqual([
      400,
      "InvalidInput",
      ["name"],
    ])
    expect(await issuesOf(await send("/things/a?count=0", "{", "bad"))).toEqual([
      401,
      "Unauthorized",
      ["authorization"],
    ])
    expect(await issuesOf(await send("/things/a?count=0", "{"))).toEqual([400, "InvalidInput", ["count"]])
    expect(await issuesOf(await send("/things/a?count=1&more=1", "{}"))).toEqual([
      400,
      "InvalidInput",
      ["more"],
    ])
    expect(await issuesOf(await send("/things/a?count=1", "{"))).toEqual([400, "MalformedJson", [""]])
    expect(await issuesOf(await send("/things/a?count=1", '{"size":"x"}'))).toEqual([
      400,
      "InvalidInput",
      ["size"],
    ])
  })

  it("answers a failed body check as a decode error, named by bodyName", async () => {
    const response = await send("/things/a?count=1", '{"size":11}')
    expect(response.status).toBe(400)
    expect(await response.json()).toEqual({
      error: "InvalidInput",
      message: "the thing is invalid (1 problem)",
      issues: [{ path: "size", message: "at most 10" }],
    })
  })

  it("checks the query against what the guard found, after the guard and before the body", async () => {
    const shelf = defineRoute({
      method: "post",
      path: "/shelves/{size}",
      operationId: "postShelf",
      tag: "test",
      summary: "A shelf",
      pathParams: { size: { description: "Its size", schema: Count } },
      guard: (_, path) => Effect.succeed(path.size),
      query: { slot: { description: "A slot", schema: Count } },
      queryCheck: (query, size) =>
        query.slot !== undefined && query.slot > size ? [{ path: "slot", message: `at most ${size}` }] : [],
      body: Schema.Struct({ size: Schema.Int }),
      responses: { 200: { description: "The slot" } },
      handler: (c, { query }) => Effect.succeed(c.json({ slot: query.slot ?? null })),
    })
    const shelves = new Hono()
    mountRoutes(shelves, [shelf], makeRunHandler(runtime, silentLogger))
    const post = (url: string, body: string) =>
      shelves.request(url, { method: "POST", headers: { "content-type": "application/json" }, body })
    expect(await (await post("/shelves/3?slot=3", '{"size":1}')).json()).toEqual({ slot: 3 })
    expect(await (await post("/shelves/3", '{"size":1}')).json()).toEqual({ slot: null })
    const over = await post("/shelves/3?slot=4", "{")
    expect(over.status).toBe(400)
    expect(await over.json()).toEqual({
      error: "InvalidInput",
      message: "the query string is invalid (1 problem)",
      issues: [{ path: "slot", message: "at most 3" }],
    })
  })
})
