import { Observation, PackId } from "@accord/domain"
import { Effect, Schema } from "effect"
import { Hono } from "hono"
import type { ApiServices } from "../api-services.js"
import type { RunHandler } from "../http/effect-handler.js"
import { decodeJsonBody, decodeStrict } from "../http/request-input.js"
import { loadObservations, recordObservation } from "../observations/observation-stream.js"
import type { Operation } from "../openapi/operation.js"
import { findPack } from "../packs/pack-lookup.js"
import { PackPath } from "./packs.js"

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

const idParam = { id: { description: "Pack id, e.g. sybiha-visit-2025", schema: PackId } }

export const observationsOperations: ReadonlyArray<Operation> = [
  {
    method: "get",
    path: "/api/packs/{id}/observations",
    operationId: "listObservations",
    tag: "observations",
    summary: "What happened after the visit: the pack's seed observations and those recorded since",
    pathParams: idParam,
    responses: { 200: { description: "The observations and the stream's version", schema: ObservationList } },
  },
  {
    method: "post",
    path: "/api/packs/{id}/observations",
    operationId: "recordObservation",
    tag: "observations",
    summary:
      "Record an observation (an ObservationRecorded event); a stale expectedVersion is a 409, an unknown commitment or indicator, a date before the visit or after today, a missing source or a taken id a 400",
    pathParams: idParam,
    body: RecordObservationBody,
    responses: { 201: { description: "Recorded; the new version", schema: ObservationRecordedResponse } },
  },
]

const encodeList = Schema.encodeSync(ObservationList)

/** GET and POST /api/packs/:id/observations. */
export const observationsRoutes = (run: RunHandler<ApiServices>) =>
  new Hono()
    .get("/:id/observations", (c) =>
      run(
        c,
        Effect.gen(function* () {
          const { id } = yield* decodeStrict(PackPath, "the path")(c.req.param())
          const state = yield* loadObservations(yield* findPack(id))
          return c.json(encodeList({ version: state.version, observations: state.observations }))
        }),
      ),
    )
    .post("/:id/observations", (c) =>
      run(
        c,
        Effect.gen(function* () {
          const { id } = yield* decodeStrict(PackPath, "the path")(c.req.param())
          const pack = yield* findPack(id)
          const body = yield* decodeJsonBody(c, RecordObservationBody)
          const { version } = yield* recordObservation(pack, body.expectedVersion, body.observation)
          return c.json({ version }, 201)
        }),
      ),
    )
