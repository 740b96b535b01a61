import { ExerciseId, ExerciseViewSchema, MoveRef, RoundOutcomes, TeamRole, VoidedMove } from "@accord/domain"
import { DebriefSchema } from "@accord/engine"
import { Schema } from "effect"
import { ReportFormatParam } from "../http/report-format.js"
import type { Operation } from "../openapi/operation.js"
import { locationHeader } from "../openapi/response-headers.js"
import {
  CloseBody,
  CreateExerciseBody,
  DebriefRound,
  FeedPosition,
  JoinBody,
  MoveBody,
} from "./exercise-routes.js"

export const CreatedExerciseResponse = Schema.Struct({
  id: Schema.String,
  facilitatorToken: Schema.String.annotations({ description: "Shown once; the service keeps only its hash" }),
  joinCodes: Schema.Struct({
    japan: Schema.String,
    ukraine: Schema.String,
    russia: Schema.String,
    observer: Schema.String.annotations({
      description: "Opens a read-only seat (projector, visiting teacher): sees only revealed rounds",
    }),
  }),
}).annotations({ identifier: "CreatedExercise" })

export const JoinedTeamResponse = Schema.Struct({
  id: Schema.String.annotations({ description: "The exercise id, normalized (XXXX-XXXX-XXXX)" }),
  teamId: Schema.String,
  role: Schema.Union(TeamRole, Schema.Literal("observer")),
  name: Schema.String.annotations({
    description: "The seat's team name (the first device's), or the observer's",
  }),
  token: Schema.String.annotations({
    description: "This device's bearer token (a team's or, read-only, an observer's); shown once",
  }),
  rejoined: Schema.Boolean.annotations({
    description: "true when the seat was taken before: this device joins the same team",
  }),
}).annotations({ identifier: "JoinedTeam" })

export const JoinCodesResponse = Schema.Struct({
  joinCodes: Schema.Struct({
    japan: Schema.String,
    ukraine: Schema.String,
    russia: Schema.String,
    observer: Schema.optional(Schema.String),
  }),
}).annotations({ identifier: "ExerciseJoinCodes" })

export const MoveAcceptedResponse = Schema.Struct({
  moveId: Schema.String,
  round: Schema.Int,
  role: Schema.String,
  teamId: Schema.String,
  status: Schema.Literal("pending"),
  version: Schema.Int,
}).annotations({ identifier: "MoveAccepted" })

export const RoundClosedResponse = Schema.Struct({
  round: Schema.Int,
  month: Schema.Int,
  openRound: Schema.NullOr(Schema.Int),
  applied: Schema.Array(MoveRef),
  voided: Schema.Array(VoidedMove),
  outcomes: RoundOutcomes,
}).annotations({ identifier: "RoundClosedResponse" })

const idParam = {
  id: { description: "Exercise id (XXXX-XXXX-XXXX, any case, separators optional)", schema: ExerciseId },
}
const tag = "exercises"
const bearer = "Send `Authorization: Bearer <token>`."

/** The exercise routes, for the OpenAPI document. */
export const exercisesOperations: ReadonlyArray<Operation> = [
  {
    method: "post",
    path: "/api/exercises",
    operationId: "createExercise",
    tag,
    summary:
      "Start a classroom exercise (or a clean copy of a template): the facilitator's token, a join code per role and one for observers",
    body: CreateExerciseBody,
    responses: { 201: { description: "Created", schema: CreatedExerciseResponse, headers: locationHeader } },
  },
  {
    method: "post",
    path: "/api/exercises/{id}/teams",
    operationId: "joinExercise",
    tag,
    summary:
      "Take a team's seat with its join code, or join read-only with the observers' code; the same team code again (any device, any number of times) returns to that seat (rate-limited per exercise and per address across every instance on the database: 429)",
    pathParams: idParam,
    body: JoinBody,
    responses: { 201: { description: "Joined", schema: JoinedTeamResponse } },
  },
  {
    method: "post",
    path: "/api/exercises/{id}/moves",
    operationId: "submitMove",
    tag,
    summary: "Submit a move for the open round (team or facilitator token)",
    description: `${bearer} Move ids are scoped per team: the same moveId again from the same team answers the original answer; another team's id is free. A move outside the role, or any move from an observer, is 403; a closed round 409.`,
    pathParams: idParam,
    security: "bearer",
    body: MoveBody,
    responses: { 201: { description: "Recorded", schema: MoveAcceptedResponse } },
  },
  {
    method: "post",
    path: "/api/exercises/{id}/rounds/close",
    operationId: "closeRound",
    tag,
    summary:
      "Close the open round (facilitator): its moves apply and every indicator is projected to the horizon",
    description: `${bearer} An optional body { "round": n } makes a retried close fail with 409 instead of closing the next round.`,
    pathParams: idParam,
    security: "bearer",
    body: CloseBody,
    bodyOptional: true,
    responses: { 200: { description: "The round's outcomes", schema: RoundClosedResponse } },
  },
  {
    method: "get",
    path: "/api/exercises/{id}",
    operationId: "getExercise",
    tag,
    summary: "The exercise as the token's holder may see it",
    description: `${bearer} With auto-close chosen, a read after the round clock ran out closes the round first. \`serverTime\` (epoch ms) lets a client count the clock down without trusting its own.`,
    pathParams: idParam,
    security: "bearer",
    responses: { 200: { description: "The exercise", schema: ExerciseViewSchema } },
  },
  {
    method: "get",
    path: "/api/exercises/{id}/join-codes",
    operationId: "exerciseJoinCodes",
    tag,
    summary:
      "The join codes again (facilitator): stored sealed under the facilitator's token, so any device of the facilitator can show links and QR codes",
    description: bearer,
    pathParams: idParam,
    security: "bearer",
    responses: { 200: { description: "The join codes", schema: JoinCodesResponse } },
  },
  {
    method: "get",
    path: "/api/exercises/{id}/stream",
    operationId: "followExercise",
    tag,
    summary:
      "Server-Sent Events of joins, moves and round closes (id = stream version; resume with Last-Event-ID or ?after=)",
    description: bearer,
    pathParams: idParam,
    security: "bearer",
    query: {
      after: {
        description: "Resume after this stream version (Last-Event-ID wins when both are sent)",
        schema: FeedPosition,
      },
    },
    headers: {
      "Last-Event-ID": {
        description: "The id of the last event received: resume after it",
        schema: FeedPosition,
      },
    },
    responses: { 200: { description: "The live feed", kind: "event-stream" } },
  },
  {
    method: "get",
    path: "/api/exercises/{id}/debrief",
    operationId: "exerciseDebrief",
    tag,
    summary:
      "The debrief (facilitator): timeline, outcomes vs baseline and no moves, leave-one-out attribution",
    description: `${bearer} ?format=json|markdown (md)|html|csv, ?round=n for the game as of round n.`,
    pathParams: idParam,
    security: "bearer",
    query: {
      format: { description: "json | markdown (md) | csv | html", schema: ReportFormatParam },
      round: { description: "The game as of this round (0 = before any move)", schema: DebriefRound },
    },
    responses: { 200: { description: "The debrief", schema: DebriefSchema, kind: "report" } },
  },
]
