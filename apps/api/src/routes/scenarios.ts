import { randomUUID } from "node:crypto"
import type { ScenarioId } from "@accord/domain"
import { EventStore } from "@accord/event-store"
import { Effect, Schema } from "effect"
import { defineRoute } from "../http/route.js"
import { locationHeader } from "../openapi/response-headers.js"
import { ScenarioIndex, ScenarioSummary } from "../scenarios/scenario-index.js"
import { executeScenarioCommand, loadScenario, scenarioStream } from "../scenarios/scenario-stream.js"
import { scenarioChangeRoutes } from "./scenario-changes.js"
import {
  Created,
  ScenarioEventEntry,
  ScenarioView,
  scenarioIdParam,
  VersionParam,
} from "./scenario-schemas.js"
import { specBody } from "./simulate.js"

const tag = "scenarios"

/** A scenario as of a version, as GET /api/scenarios/{id} answers it. */
const viewScenario = (id: ScenarioId, asOf: number | undefined) =>
  Effect.gen(function* () {
    const { state } = yield* loadScenario(id, asOf)
    const store = yield* EventStore
    const latestVersion = asOf === undefined ? state.version : yield* store.streamVersion(scenarioStream(id))
    return {
      id,
      version: state.version,
      latestVersion,
      name: state.name,
      spec: state.spec,
      ...(state.parent === undefined ? {} : { parent: state.parent }),
      branches: state.branches,
      runs: state.runs,
    }
  })

/** The scenario resource: create, list, read (as of a version); changes and branches are in scenario-changes.ts. */
export const scenariosRoutes = [
  defineRoute({
    method: "post",
    path: "/api/scenarios",
    operationId: "createScenario",
    tag,
    summary: "Store a spec as a new scenario (a ScenarioCreated event)",
    ...specBody,
    responses: {
      201: { description: "Created; Location names the scenario", schema: Created, headers: locationHeader },
    },
    handler: (c, { body: spec }) =>
      Effect.gen(function* () {
        const id = randomUUID()
        const { version } = yield* executeScenarioCommand(
          { _tag: "CreateScenario", scenarioId: id as ScenarioId, spec },
          "noStream",
        )
        return c.json({ id, version }, 201, { location: `/api/scenarios/${id}` })
      }),
  }),
  defineRoute({
    method: "get",
    path: "/api/scenarios",
    operationId: "listScenarios",
    tag,
    summary: "Every scenario, most recently changed first",
    query: {},
    responses: { 200: { description: "The list", schema: Schema.Array(ScenarioSummary) } },
    handler: (c) =>
      Effect.gen(function* () {
        const index = yield* ScenarioIndex
        return c.json(yield* index.list)
      }),
  }),
  defineRoute({
    method: "get",
    path: "/api/scenarios/{id}",
    operationId: "getScenario",
    tag,
    summary: "A scenario's current state, or its state as of a version (replayed)",
    pathParams: scenarioIdParam,
    query: {
      asOf: {
        description: "Replay the stream up to this version (1 = the creation event)",
        schema: VersionParam,
      },
    },
    responses: { 200: { description: "The scenario", schema: ScenarioView } },
    handler: (c, { path, query }) => Effect.map(viewScenario(path.id, query.asOf), (view) => c.json(view)),
  }),
  defineRoute({
    method: "get",
    path: "/api/scenarios/{id}/events",
    operationId: "getScenarioEvents",
    tag,
    summary: "The scenario's event log, oldest first",
    pathParams: scenarioIdParam,
    query: {},
    responses: { 200: { description: "The events", schema: Schema.Array(ScenarioEventEntry) } },
    handler: (c, { path }) =>
      Effect.map(loadScenario(path.id), ({ events }) =>
        c.json(
          events.map((e) => ({
            version: e.version,
            type: e.type,
            v: e.v,
            recordedAt: e.recordedAt.toISOString(),
            data: e.data,
          })),
        ),
      ),
  }),
  ...scenarioChangeRoutes,
]
