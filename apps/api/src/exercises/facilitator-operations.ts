import { ExerciseId, ExerciseMove, ExerciseSetup, RoundClockSet, TemplateId } from "@accord/domain"
import { Schema } from "effect"
import type { Operation } from "../openapi/operation.js"
import { ExerciseLogSchema } from "./exercise-log.js"
import { SaveTemplateBody } from "./exercise-templates.js"
import { AdjudicationBody, ClockBody, RevealBody } from "./facilitator-routes.js"

const AdjudicatedMoveResponse = Schema.Struct({
  hidden: Schema.Literal(false),
  moveId: Schema.String,
  teamId: Schema.String,
  role: Schema.String,
  round: Schema.Int,
  status: Schema.Literal("pending"),
  move: ExerciseMove,
  description: Schema.String,
  adjudication: Schema.Struct({
    decision: Schema.Literal("approve", "amend", "reject"),
    reason: Schema.String,
  }),
  submitted: Schema.optional(ExerciseMove),
}).annotations({ identifier: "AdjudicatedMove" })

const RoundClock = Schema.Struct({
  round: RoundClockSet.fields.round,
  running: Schema.Boolean,
  remainingMs: RoundClockSet.fields.remainingMs.annotations({ description: "Left at `at`" }),
  at: RoundClockSet.fields.at.annotations({
    description: "Epoch ms; while running, the clock counts down from here",
  }),
}).annotations({ identifier: "RoundClock" })

const RoundClockResponse = Schema.Struct({
  roundClock: Schema.NullOr(RoundClock),
  serverTime: Schema.Int.annotations({ description: "The server's clock (epoch ms) when it answered" }),
}).annotations({ identifier: "RoundClockState" })

const TemplateResponse = Schema.Struct({
  id: Schema.String,
  name: Schema.String,
  fromExercise: Schema.String,
  setup: ExerciseSetup,
}).annotations({ identifier: "ExerciseTemplate" })

const idParam = { id: { description: "Exercise id", schema: ExerciseId } }
const tag = "exercises"
const bearer = "Send `Authorization: Bearer <facilitator token>`; a team's or an observer's token is 403."

/** The facilitator's tools and the templates, for the OpenAPI document. */
export const facilitatorOperations: ReadonlyArray<Operation> = [
  {
    method: "post",
    path: "/api/exercises/{id}/moves/{moveId}/adjudication",
    operationId: "adjudicateMove",
    security: "bearer",
    tag,
    summary:
      "Approve, amend (same move type, within its schema) or reject a pending move; its team sees the reason",
    description: `${bearer} With "approval": "required" only approved or amended moves take effect when the round closes; a rejected move is void in any exercise. ?team=<teamId> picks the team when several used the id (409 AmbiguousMove otherwise).`,
    pathParams: {
      ...idParam,
      moveId: { description: "The move's id (scoped per team)", schema: Schema.String },
    },
    query: {
      team: {
        description: "The move's team id, when several teams used the id",
        schema: Schema.String,
        required: false,
      },
    },
    body: AdjudicationBody,
    responses: { 200: { description: "The move with the ruling", schema: AdjudicatedMoveResponse } },
  },
  {
    method: "post",
    path: "/api/exercises/{id}/clock",
    operationId: "setRoundClock",
    security: "bearer",
    tag,
    summary: "Start (seconds, or the exercise's round length), pause or resume the open round's clock",
    description: `${bearer} Every view shows the countdown. The round closes by itself only if the exercise was created with clock.autoClose.`,
    pathParams: idParam,
    body: ClockBody,
    responses: { 200: { description: "The clock", schema: RoundClockResponse } },
  },
  {
    method: "post",
    path: "/api/exercises/{id}/reveal",
    operationId: "revealRound",
    security: "bearer",
    tag,
    summary: "Show observers the closed rounds up to this one (their moves and outcomes)",
    description: bearer,
    pathParams: idParam,
    body: RevealBody,
    responses: {
      200: { description: "Rounds shown", schema: Schema.Struct({ revealedRound: Schema.Int }) },
    },
  },
  {
    method: "get",
    path: "/api/exercises/{id}/log",
    operationId: "exerciseLog",
    security: "bearer",
    tag,
    summary: "The full log with round markers and the outcomes as projected at each round close",
    description: `${bearer} ?format=json|csv|markdown (default json).`,
    pathParams: idParam,
    query: {
      format: {
        description: "json, csv or markdown",
        schema: Schema.Literal("json", "csv", "markdown"),
        required: false,
      },
    },
    responses: { 200: { description: "The log", schema: ExerciseLogSchema, kind: "report" } },
  },
  {
    method: "post",
    path: "/api/exercise-templates",
    operationId: "saveExerciseTemplate",
    security: "bearer",
    tag,
    summary:
      "Save an exercise's setup (teams' budgets, base scenario, rounds, injections per round) as a template",
    description: "Send the facilitator token of `fromExercise`; the same token deletes the template later.",
    body: SaveTemplateBody,
    responses: { 201: { description: "Saved", schema: TemplateResponse } },
  },
  {
    method: "get",
    path: "/api/exercise-templates",
    operationId: "listExerciseTemplates",
    tag,
    summary: "Every saved template (start a clean copy with POST /api/exercises { template, name })",
    responses: {
      200: {
        description: "The templates",
        schema: Schema.Struct({ templates: Schema.Array(TemplateResponse) }),
      },
    },
  },
  {
    method: "get",
    path: "/api/exercise-templates/{id}",
    operationId: "getExerciseTemplate",
    tag,
    summary: "One template",
    pathParams: { id: { description: "Template id", schema: TemplateId } },
    responses: { 200: { description: "The template", schema: TemplateResponse } },
  },
  {
    method: "delete",
    path: "/api/exercise-templates/{id}",
    operationId: "deleteExerciseTemplate",
    security: "bearer",
    tag,
    summary: "Delete a template (the facilitator token that saved it)",
    pathParams: { id: { description: "Template id", schema: TemplateId } },
    responses: { 204: { description: "Deleted" } },
  },
]
