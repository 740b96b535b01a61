import { randomUUID } from "node:crypto"
import {
  Assumptions,
  decodeScenarioSpec,
  HorizonMonths,
  Intervention,
  packCatalog,
  RunCount,
  ScenarioBranch,
  ScenarioEvent,
  ScenarioId,
  ScenarioName,
  ScenarioParent,
  ScenarioRun,
  ScenarioSpec,
  Seed,
} from "@accord/domain"
import { EventStore } from "@accord/event-store"
import { Effect, Either, Schema } from "effect"
import { type Context, Hono } from "hono"
import type { ApiServices } from "../api-services.js"
import type { RunHandler } from "../http/effect-handler.js"
import { decodeJsonBody, decodeQuery, decodeStrict, readJsonBody } from "../http/request-input.js"
import type { Operation } from "../openapi/operation.js"
import { locationHeader } from "../openapi/response-headers.js"
import { ScenarioIndex, ScenarioSummary } from "../scenarios/scenario-index.js"
import { executeScenarioCommand, loadScenario, scenarioStream } from "../scenarios/scenario-stream.js"

const Version = Schema.Int.pipe(Schema.greaterThanOrEqualTo(0))
/** A version in a query string. */
const VersionParam = Schema.NumberFromString.pipe(Schema.int(), Schema.greaterThanOrEqualTo(1)).annotations({
  description: "A stream version (1 = the creation event)",
})

export const ScenarioPath = Schema.Struct({ id: ScenarioId })
const InterventionPath = Schema.Struct({
  id: ScenarioId,
  index: Schema.NumberFromString.pipe(Schema.int(), Schema.greaterThanOrEqualTo(0)),
})
const AsOfQuery = Schema.Struct({ asOf: Schema.optional(VersionParam) })
const ExpectedVersionQuery = Schema.Struct({
  expectedVersion: Schema.NumberFromString.pipe(Schema.int(), Schema.greaterThanOrEqualTo(0)),
})

export const Created = Schema.Struct({ id: Schema.String, version: Schema.Int }).annotations({
  identifier: "ScenarioCreatedResponse",
})
export const VersionResponse = Schema.Struct({ version: Schema.Int }).annotations({
  identifier: "VersionResponse",
})

export const AddInterventionBody = Schema.Struct({
  expectedVersion: Version,
  intervention: Intervention,
}).annotations({
  identifier: "AddInterventionRequest",
})
export const BranchBody = Schema.Struct({
  atVersion: Schema.Int.pipe(Schema.greaterThanOrEqualTo(1)),
  name: Schema.optional(ScenarioName),
}).annotations({ identifier: "BranchRequest" })
export const SettingsBody = Schema.Struct({
  expectedVersion: Version,
  name: Schema.optional(ScenarioName),
  horizonMonths: Schema.optional(HorizonMonths),
  runs: Schema.optional(RunCount),
  seed: Schema.optional(Seed),
}).annotations({ identifier: "SettingsRequest" })
export const AssumptionsBody = Schema.Struct({
  expectedVersion: Version,
  assumptions: Assumptions,
}).annotations({
  identifier: "AssumptionsRequest",
})

/** A scenario as of a version: its spec ready to run, its branches and runs. */
export const ScenarioView = Schema.Struct({
  id: Schema.String,
  version: Schema.Int,
  latestVersion: Schema.Int,
  name: Schema.String,
  spec: ScenarioSpec,
  parent: Schema.optional(ScenarioParent),
  branches: Schema.Array(ScenarioBranch),
  runs: Schema.Array(ScenarioRun),
}).annotations({ identifier: "Scenario" })

export const ScenarioEventEntry = Schema.Struct({
  version: Schema.Int,
  type: Schema.String,
  v: Schema.Int,
  recordedAt: Schema.String,
  data: ScenarioEvent,
}).annotations({ identifier: "ScenarioEventEntry" })

const idParam = { id: { description: "Scenario id", schema: ScenarioId } }
const tag = "scenarios"

export const scenariosOperations: ReadonlyArray<Operation> = [
  {
    method: "post",
    path: "/api/scenarios",
    operationId: "createScenario",
    tag,
    summary: "Store a spec as a new scenario (a ScenarioCreated event)",
    body: ScenarioSpec,
    responses: {
      201: { description: "Created; Location names the scenario", schema: Created, headers: locationHeader },
    },
  },
  {
    method: "get",
    path: "/api/scenarios",
    operationId: "listScenarios",
    tag,
    summary: "Every scenario, most recently changed first",
    responses: { 200: { description: "The list", schema: Schema.Array(ScenarioSummary) } },
  },
  {
    method: "get",
    path: "/api/scenarios/{id}",
    operationId: "getScenario",
    tag,
    summary: "A scenario's current state, or its state as of a version (replayed)",
    pathParams: idParam,
    query: {
      asOf: {
        description: "Replay the stream up to this version (1 = the creation event)",
        schema: VersionParam,
      },
    },
    responses: { 200: { description: "The scenario", schema: ScenarioView } },
  },
  {
    method: "get",
    path: "/api/scenarios/{id}/events",
    operationId: "getScenarioEvents",
    tag,
    summary: "The scenario's event log, oldest first",
    pathParams: idParam,
    responses: { 200: { description: "The events", schema: Schema.Array(ScenarioEventEntry) } },
  },
  {
    method: "post",
    path: "/api/scenarios/{id}/interventions",
    operationId: "addIntervention",
    tag,
    summary: "Append an intervention; a stale expectedVersion is a 409",
    pathParams: idParam,
    body: AddInterventionBody,
    responses: { 201: { description: "Added; the new version", schema: VersionResponse } },
  },
  {
    method: "delete",
    path: "/api/scenarios/{id}/interventions/{index}",
    operationId: "removeIntervention",
    tag,
    summary: "Remove the intervention at a position of the list; a stale expectedVersion is a 409",
    pathParams: {
      ...idParam,
      index: {
        description: "Position in spec.interventions, from 0",
        schema: Schema.Int.pipe(Schema.nonNegative()),
      },
    },
    query: {
      expectedVersion: {
        description: "The version the client last read",
        schema: ExpectedVersionQuery.fields.expectedVersion,
        required: true,
      },
    },
    responses: { 200: { description: "Removed; the new version", schema: VersionResponse } },
  },
  {
    method: "post",
    path: "/api/scenarios/{id}/settings",
    operationId: "changeSettings",
    tag,
    summary: "Change name, horizon, runs or seed; only what differs is recorded",
    pathParams: idParam,
    body: SettingsBody,
    responses: { 200: { description: "The version after the change", schema: VersionResponse } },
  },
  {
    method: "post",
    path: "/api/scenarios/{id}/assumptions",
    operationId: "changeAssumptions",
    tag,
    summary: "Replace the scenario's assumption overrides (an empty object clears them)",
    pathParams: idParam,
    body: AssumptionsBody,
    responses: { 200: { description: "The version after the change", schema: VersionResponse } },
  },
  {
    method: "post",
    path: "/api/scenarios/{id}/branch",
    operationId: "branchScenario",
    tag,
    summary: "Fork a new scenario from this one as it was at a version, linked to its parent",
    pathParams: idParam,
    body: BranchBody,
    responses: { 201: { description: "The new scenario", schema: Created, headers: locationHeader } },
  },
]

const versionOf = (c: Context, status: 200 | 201, version: number) => c.json({ version }, status)

/** The scenario resource: create, list, read (as of a version), change, branch. */
export const scenariosRoutes = (run: RunHandler<ApiServices>) =>
  new Hono()
    .post("/", (c) =>
      run(
        c,
        Effect.gen(function* () {
          const input = yield* readJsonBody(c)
          const decoded = decodeScenarioSpec(input, packCatalog)
          if (Either.isLeft(decoded)) return yield* decoded.left
          const id = randomUUID()
          const { version } = yield* executeScenarioCommand(
            { _tag: "CreateScenario", scenarioId: id as ScenarioId, spec: decoded.right },
            "noStream",
          )
          return c.json({ id, version }, 201, { location: `/api/scenarios/${id}` })
        }),
      ),
    )
    .get("/", (c) =>
      run(
        c,
        Effect.gen(function* () {
          yield* decodeQuery(c, Schema.Struct({}))
          const index = yield* ScenarioIndex
          return c.json(yield* index.list)
        }),
      ),
    )
    .get("/:id", (c) =>
      run(
        c,
        Effect.gen(function* () {
          const { id } = yield* decodeStrict(ScenarioPath, "the path")(c.req.param())
          const { asOf } = yield* decodeQuery(c, AsOfQuery)
          const { state } = yield* loadScenario(id, asOf)
          const store = yield* EventStore
          const latestVersion =
            asOf === undefined ? state.version : yield* store.streamVersion(scenarioStream(id))
          return c.json({
            id,
            version: state.version,
            latestVersion,
            name: state.name,
            spec: state.spec,
            ...(state.parent === undefined ? {} : { parent: state.parent }),
            branches: state.branches,
            runs: state.runs,
          })
        }),
      ),
    )
    .get("/:id/events", (c) =>
      run(
        c,
        Effect.gen(function* () {
          const { id } = yield* decodeStrict(ScenarioPath, "the path")(c.req.param())
          yield* decodeQuery(c, Schema.Struct({}))
          const { events } = yield* loadScenario(id)
          return c.json(
            events.map((e) => ({
              version: e.version,
              type: e.type,
              v: e.v,
              recordedAt: e.recordedAt.toISOString(),
              data: e.data,
            })),
          )
        }),
      ),
    )
    .post("/:id/interventions", (c) =>
      run(
        c,
        Effect.gen(function* () {
          const { id } = yield* decodeStrict(ScenarioPath, "the path")(c.req.param())
          const body = yield* decodeJsonBody(c, AddInterventionBody)
          const { version } = yield* executeScenarioCommand(
            { _tag: "AddIntervention", scenarioId: id, intervention: body.intervention },
            body.expectedVersion,
          )
          return versionOf(c, 201, version)
        }),
      ),
    )
    .delete("/:id/interventions/:index", (c) =>
      run(
        c,
        Effect.gen(function* () {
          const { id, index } = yield* decodeStrict(InterventionPath, "the path")(c.req.param())
          const { expectedVersion } = yield* decodeQuery(c, ExpectedVersionQuery)
          const { version } = yield* executeScenarioCommand(
            { _tag: "RemoveIntervention", scenarioId: id, index },
            expectedVersion,
          )
          return versionOf(c, 200, version)
        }),
      ),
    )
    .post("/:id/settings", (c) =>
      run(
        c,
        Effect.gen(function* () {
          const { id } = yield* decodeStrict(ScenarioPath, "the path")(c.req.param())
          const { expectedVersion, ...settings } = yield* decodeJsonBody(c, SettingsBody)
          const { version } = yield* executeScenarioCommand(
            { _tag: "ChangeSettings", scenarioId: id, ...settings },
            expectedVersion,
          )
          return versionOf(c, 200, version)
        }),
      ),
    )
    .post("/:id/assumptions", (c) =>
      run(
        c,
        Effect.gen(function* () {
          const { id } = yield* decodeStrict(ScenarioPath, "the path")(c.req.param())
          const { expectedVersion, assumptions } = yield* decodeJsonBody(c, AssumptionsBody)
          const { version } = yield* executeScenarioCommand(
            { _tag: "ChangeAssumptions", scenarioId: id, assumptions },
            expectedVersion,
          )
          return versionOf(c, 200, version)
        }),
      ),
    )
    .post("/:id/branch", (c) =>
      run(
        c,
        Effect.gen(function* () {
          const { id } = yield* decodeStrict(ScenarioPath, "the path")(c.req.param())
          const body = yield* decodeJsonBody(c, BranchBody)
          const { state: parent } = yield* loadScenario(id, body.atVersion)
          const childId = randomUUID() as ScenarioId
          // The child first: a failure after it leaves a valid branch that links to its parent.
          const { version } = yield* executeScenarioCommand(
            {
              _tag: "CreateScenario",
              scenarioId: childId,
              name: body.name ?? `${parent.name} (branch at v${body.atVersion})`,
              spec: parent.spec,
              parent: { scenarioId: id, version: body.atVersion },
            },
            "noStream",
          )
          yield* executeScenarioCommand({ _tag: "BranchScenario", scenarioId: id, childId }, "any")
          return c.json({ id: childId, version }, 201, { location: `/api/scenarios/${childId}` })
        }),
      ),
    )
