import { type ExerciseCommand, exerciseView, MoveId, type TeamId } from "@accord/domain"
import { Clock, Effect, Schema } from "effect"
import { defineRoute } from "../http/route.js"
import { authenticateFacilitator } from "./exercise-auth.js"
import {
  type ExerciseLogFormat,
  ExerciseLogSchema,
  exerciseLog,
  exerciseLogMediaType,
} from "./exercise-log.js"
import { exerciseIdParam } from "./exercise-requests.js"
import { active, executeExerciseCommand } from "./exercise-stream.js"
import {
  AdjudicatedMoveResponse,
  AdjudicationBody,
  ClockBody,
  RevealBody,
  RoundClockResponse,
} from "./facilitator-schemas.js"

const idParam = exerciseIdParam("Exercise id")
const tag = "exercises"
const bearer = "Send `Authorization: Bearer <facilitator token>`; a team's or an observer's token is 403."
const TeamParam = Schema.String.pipe(Schema.pattern(/^[A-Za-z0-9_-]{1,64}$/))

const execute = (id: string, command: ExerciseCommand) =>
  executeExerciseCommand(id, () => Effect.succeed(command))

/** Rules on a pending move; answers the move as the facilitator now sees it. */
const adjudicate = (
  id: string,
  moveId: MoveId,
  team: string | undefined,
  body: typeof AdjudicationBody.Type,
) =>
  Effect.map(
    execute(id, {
      _tag: "AdjudicateMove",
      moveId,
      ...(team === undefined ? {} : { teamId: team as TeamId }),
      ...body,
    }),
    ({ state, produced }) => {
      const ruled = produced[0]
      const teamId = ruled?._tag === "MoveAdjudicated" ? ruled.teamId : team
      return exerciseView(active(state), { actor: "facilitator", teamId: "facilitator" }).moves.find(
        (m) => !m.hidden && m.moveId === moveId && m.teamId === teamId,
      )
    },
  )

/**
 * The facilitator's tools on /api/exercises/{id} (facilitator token only; 403 for a team or an observer):
 * adjudicate a pending move, run the round clock, reveal closed rounds to observers, export the log.
 */
export const facilitatorRoutes = [
  defineRoute({
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
      moveId: { description: "The move's id (scoped per team)", schema: MoveId },
    },
    guard: (c, path) => authenticateFacilitator(c, path.id),
    query: {
      team: {
        description: "The move's team id, when several teams used the id",
        schema: TeamParam,
        required: false,
      },
    },
    body: AdjudicationBody,
    responses: { 200: { description: "The move with the ruling", schema: AdjudicatedMoveResponse } },
    handler: (c, { path, query, body }) =>
      Effect.map(adjudicate(path.id, path.moveId, query.team, body), (move) => c.json(move, 200)),
  }),
  defineRoute({
    method: "post",
    path: "/api/exercises/{id}/clock",
    operationId: "setRoundClock",
    security: "bearer",
    tag,
    summary: "Start (seconds, or the exercise's round length), pause or resume the open round's clock",
    description: `${bearer} Every view shows the countdown. The round closes by itself only if the exercise was created with clock.autoClose.`,
    pathParams: idParam,
    guard: (c, path) => authenticateFacilitator(c, path.id),
    body: ClockBody,
    responses: { 200: { description: "The clock", schema: RoundClockResponse } },
    handler: (c, { path, body }) =>
      Effect.gen(function* () {
        const at = yield* Clock.currentTimeMillis
        const { state } = yield* execute(path.id, { _tag: "SetRoundClock", ...body, at })
        return c.json({ roundClock: active(state).roundClock ?? null, serverTime: at }, 200)
      }),
  }),
  defineRoute({
    method: "post",
    path: "/api/exercises/{id}/reveal",
    operationId: "revealRound",
    security: "bearer",
    tag,
    summary: "Show observers the closed rounds up to this one (their moves and outcomes)",
    description: bearer,
    pathParams: idParam,
    guard: (c, path) => authenticateFacilitator(c, path.id),
    body: RevealBody,
    responses: {
      200: { description: "Rounds shown", schema: Schema.Struct({ revealedRound: Schema.Int }) },
    },
    handler: (c, { path, body }) =>
      Effect.map(execute(path.id, { _tag: "RevealRound", round: body.round }), ({ state }) =>
        c.json({ revealedRound: active(state).revealedRound }, 200),
      ),
  }),
  defineRoute({
    method: "get",
    path: "/api/exercises/{id}/log",
    operationId: "exerciseLog",
    security: "bearer",
    tag,
    summary: "The full log with round markers and the outcomes as projected at each round close",
    description: `${bearer} ?format=json|csv|markdown (default json).`,
    pathParams: idParam,
    guard: (c, path) => authenticateFacilitator(c, path.id),
    query: {
      format: {
        description: "json, csv or markdown",
        schema: Schema.Literal("json", "csv", "markdown"),
        required: false,
      },
    },
    responses: { 200: { description: "The log", schema: ExerciseLogSchema, kind: "report" } },
    handler: (c, { guard: { state, events }, query: { format = "json" } }) =>
      Effect.sync(() =>
        c.body(exerciseLog(state, events, format as ExerciseLogFormat), 200, {
          "content-type": exerciseLogMediaType[format],
        }),
      ),
  }),
]
