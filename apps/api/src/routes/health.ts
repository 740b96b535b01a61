import { EventStore } from "@accord/event-store"
import { Effect, Schema } from "effect"
import { defineRoute } from "../http/route.js"

export const Health = Schema.Struct({
  status: Schema.Literal("ok"),
  store: Schema.Literal("memory", "sqlite", "postgres"),
}).annotations({ identifier: "Health" })

/** GET /api/health: a cheap read proves the store answers (so a load balancer can drop an instance that lost it). */
export const healthRoutes = [
  defineRoute({
    method: "get",
    path: "/api/health",
    operationId: "health",
    tag: "service",
    summary: "Liveness and the event store in use; 503 when the store cannot be reached",
    responses: { 200: { description: "The service and its store answer", schema: Health } },
    handler: (c) =>
      Effect.gen(function* () {
        const store = yield* EventStore
        yield* store.streamVersion("health-probe")
        return c.json({ status: "ok" as const, store: store.backend })
      }),
  }),
]
