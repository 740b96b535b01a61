import { builtInPacks, Pack, PackId } from "@accord/domain"
import { Effect, Schema } from "effect"
import { defineRoute } from "../http/route.js"
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

/** The {id} of /api/packs/{id}/…. */
export const packIdParam = { id: { description: "Pack id, e.g. sybiha-visit-2025", schema: PackId } }

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

/** GET /api/packs and /api/packs/{id}. */
export const packsRoutes = [
  defineRoute({
    method: "get",
    path: "/api/packs",
    operationId: "listPacks",
    tag: "packs",
    summary: "The built-in scenario packs",
    responses: { 200: { description: "Every built-in pack, summarized", schema: Schema.Array(PackSummary) } },
    handler: (c) => Effect.sync(() => c.json(builtInPacks.map(summarize))),
  }),
  defineRoute({
    method: "get",
    path: "/api/packs/{id}",
    operationId: "getPack",
    tag: "packs",
    summary: "One pack: commitments and assumptions with their sources, indicator and intervention catalogs",
    pathParams: packIdParam,
    responses: { 200: { description: "The pack", schema: Pack } },
    handler: (c, { path }) => Effect.map(findPack(path.id), (pack) => c.json(encodePack(pack))),
  }),
]
