import { builtInPacks, Pack, PackId } from "@accord/domain"
import { Effect, Schema } from "effect"
import { Hono } from "hono"
import type { ApiServices } from "../api-services.js"
import type { RunHandler } from "../http/effect-handler.js"
import { decodeStrict } from "../http/request-input.js"
import type { Operation } from "../openapi/operation.js"
import { findPack } from "../packs/pack-lookup.js"

/** A pack in the list: what it is about and how big it is. */
export const PackSummary = Schema.Struct({
  id: Schema.String,
  title: Schema.String,
  summary: Schema.String,
  startMonth: Schema.String,
  commitments: Schema.Int,
  parameters: Schema.Int,
  indicators: Schema.Array(Schema.String),
  interventions: Schema.Array(Schema.String),
}).annotations({ identifier: "PackSummary" })

export const PackPath = Schema.Struct({ id: PackId })

export const packsOperations: ReadonlyArray<Operation> = [
  {
    method: "get",
    path: "/api/packs",
    operationId: "listPacks",
    tag: "packs",
    summary: "The built-in scenario packs",
    responses: { 200: { description: "Every built-in pack, summarized", schema: Schema.Array(PackSummary) } },
  },
  {
    method: "get",
    path: "/api/packs/{id}",
    operationId: "getPack",
    tag: "packs",
    summary: "One pack: commitments and assumptions with their sources, indicator and intervention catalogs",
    pathParams: { id: { description: "Pack id, e.g. sybiha-visit-2025", schema: PackId } },
    responses: { 200: { description: "The pack", schema: Pack } },
  },
]

const summarize = (pack: Pack): typeof PackSummary.Type => ({
  id: pack.id,
  title: pack.title,
  summary: pack.summary,
  startMonth: pack.startMonth,
  commitments: pack.commitments.length,
  parameters: pack.parameters.length,
  indicators: pack.indicators.map((i) => i.id),
  interventions: pack.interventions.map((i) => i.type),
})

const encodePack = Schema.encodeSync(Pack)

/** GET /api/packs and /api/packs/:id. */
export const packsRoutes = (run: RunHandler<ApiServices>) =>
  new Hono()
    .get("/", (c) =>
      run(
        c,
        Effect.sync(() => c.json(builtInPacks.map(summarize))),
      ),
    )
    .get("/:id", (c) =>
      run(
        c,
        Effect.gen(function* () {
          const { id } = yield* decodeStrict(PackPath, "the path")(c.req.param())
          const pack = yield* findPack(id)
          return c.json(encodePack(pack))
        }),
      ),
    )
