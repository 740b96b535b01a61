import { randomUUID } from "node:crypto"
import type { ScenarioCommand, ScenarioId } from "@accord/domain"
import type { ExpectedVersion } from "@accord/event-store"
import { Effect } from "effect"
import type { Context } from "hono"
import { defineRoute } from "../http/route.js"
import { locationHeader } from "../openapi/response-headers.js"
import { executeScenarioCommand, loadScenario } from "../scenarios/scenario-stream.js"
import {
  AddInterventionBody,
  AssumptionsBody,
  BranchBody,
  Created,
  ExpectedVersionParam,
  InterventionIndex,
  SettingsBody,
  scenarioIdParam,
  VersionResponse,
} from "./scenario-schemas.js"

const tag = "scenarios"

/** Runs a change against the version the client read and answers with the scenario's new version. */
const changeAnswer = (c: Context, status: 200 | 201, command: ScenarioCommand, expected: ExpectedVersion) =>
  Effect.map(executeScenarioCommand(command, expected), (answer) =>
    c.json({ version: answer.version }, status),
  )

/** Forks a new scenario from `id` as it was at a version, linked to its parent. */
const branch = (id: ScenarioId, body: typeof BranchBody.Type) =>
  Effect.gen(function* () {
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
    return { id: childId, version }
  })

/** Changes to a scenario (each checked against the version the client read) and its branches. */
export const scenarioChangeRoutes = [
  defineRoute({
    method: "post",
    path: "/api/scenarios/{id}/interventions",
    operationId: "addIntervention",
    tag,
    summary: "Append an intervention; a stale expectedVersion is a 409",
    pathParams: scenarioIdParam,
    body: AddInterventionBody,
    responses: { 201: { description: "Added; the new version", schema: VersionResponse } },
    handler: (c, { path, body }) =>
      changeAnswer(
        c,
        201,
        { _tag: "AddIntervention", scenarioId: path.id, intervention: body.intervention },
        body.expectedVersion,
      ),
  }),
  defineRoute({
    method: "delete",
    path: "/api/scenarios/{id}/interventions/{index}",
    operationId: "removeIntervention",
    tag,
    summary: "Remove the intervention at a position of the list; a stale expectedVersion is a 409",
    pathParams: {
      ...scenarioIdParam,
      index: { description: "Position in spec.interventions, from 0", schema: InterventionIndex },
    },
    query: {
      expectedVersion: {
        description: "The version the client last read",
        schema: ExpectedVersionParam,
        required: true,
      },
    },
    responses: { 200: { description: "Removed; the new version", schema: VersionResponse } },
    handler: (c, { path, query }) =>
      changeAnswer(
        c,
        200,
        { _tag: "RemoveIntervention", scenarioId: path.id, index: path.index },
        query.expectedVersion,
      ),
  }),
  defineRoute({
    method: "post",
    path: "/api/scenarios/{id}/settings",
    operationId: "changeSettings",
    tag,
    summary: "Change name, horizon, runs or seed; only what differs is recorded",
    pathParams: scenarioIdParam,
    body: SettingsBody,
    responses: { 200: { description: "The version after the change", schema: VersionResponse } },
    handler: (c, { path, body: { expectedVersion, ...settings } }) =>
      changeAnswer(c, 200, { _tag: "ChangeSettings", scenarioId: path.id, ...settings }, expectedVersion),
  }),
  defineRoute({
    method: "post",
    path: "/api/scenarios/{id}/assumptions",
    operationId: "changeAssumptions",
    tag,
    summary: "Replace the scenario's assumption overrides (an empty object clears them)",
    pathParams: scenarioIdParam,
    body: AssumptionsBody,
    responses: { 200: { description: "The version after the change", schema: VersionResponse } },
    handler: (c, { path, body }) =>
      changeAnswer(
        c,
        200,
        { _tag: "ChangeAssumptions", scenarioId: path.id, assumptions: body.assumptions },
        body.expectedVersion,
      ),
  }),
  defineRoute({
    method: "post",
    path: "/api/scenarios/{id}/branch",
    operationId: "branchScenario",
    tag,
    summary: "Fork a new scenario from this one as it was at a version, linked to its parent",
    pathParams: scenarioIdParam,
    body: BranchBody,
    responses: { 201: { description: "The new scenario", schema: Created, headers: locationHeader } },
    handler: (c, { path, body }) =>
      Effect.map(branch(path.id, body), (child) =>
        c.json(child, 201, { location: `/api/scenarios/${child.id}` }),
      ),
  }),
]
