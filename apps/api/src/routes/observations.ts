import { Observation } from "@accord/domain"
import { Effect, Schema } from "effect"
import { defineRoute } from "../http/route.js"
import { loadObservations, recordObservation } from "../observations/observation-stream.js"
import { findPack } from "../packs/pack-lookup.js"
import { packIdParam } from "./packs.js"

export const ObservationList = Schema.Struct({
  version: Schema.Int,
  observations: Schema.Array(Observation),
}).annotations({ identifier: "ObservationList" })

export const RecordObservationBody = Schema.Struct({
  expectedVersion: Schema.Int.pipe(Schema.greaterThanOrEqualTo(0)),
  observation: Observation,
}).annotations({ identifier: "RecordObservationRequest" })

const ObservationRecordedResponse = Schema.Struct({ version: Schema.Int }).annotations({
  identifier: "ObservationRecordedResponse",
})

const encodeList = Schema.encodeSync(ObservationList)

/** GET and POST /api/packs/{id}/observations. */
export const observationsRoutes = [
  defineRoute({
    method: "get",
    path: "/api/packs/{id}/observations",
    operationId: "listObservations",
    tag: "observations",
    summary: "What happened after the visit: the pack's seed observations and those recorded since",
    pathParams: packIdParam,
    responses: { 200: { description: "The observations and the stream's version", schema: ObservationList } },
    handler: (c, { path }) =>
      Effect.gen(function* () {
        const state = yield* loadObservations(yield* findPack(path.id))
        return c.json(encodeList({ version: state.version, observations: state.observations }))
      }),
  }),
  defineRoute({
    method: "post",
    path: "/api/packs/{id}/observations",
    operationId: "recordObservation",
    tag: "observations",
    summary:
      "Record an observation (an ObservationRecorded event); a stale expectedVersion is a 409, an unknown commitment or indicator, a date before the visit or after today, a missing source or a taken id a 400",
    pathParams: packIdParam,
    guard: (_c, path) => findPack(path.id),
    body: RecordObservationBody,
    responses: { 201: { description: "Recorded; the new version", schema: ObservationRecordedResponse } },
    handler: (c, { guard: pack, body }) =>
      Effect.map(recordObservation(pack, body.expectedVersion, body.observation), ({ version }) =>
        c.json({ version }, 201),
      ),
  }),
]
