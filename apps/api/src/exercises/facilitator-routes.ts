import {
  AdjudicationDecision,
  AdjudicationReason,
  type ExerciseCommand,
  ExerciseMove,
  exerciseView,
  MoveId,
  RoundClockSettings,
  RoundNumber,
  type TeamId,
} from "@accord/domain"
import { Clock, Effect, Schema } from "effect"
import { Hono } from "hono"
import type { ApiServices } from "../api-services.js"
import type { RunHandler } from "../http/effect-handler.js"
import { decodeJsonBody, decodeQuery, decodeStrict } from "../http/request-input.js"
import { authenticateFacilitator } from "./exercise-auth.js"
import { type ExerciseLogFormat, exerciseLog, exerciseLogMediaType } from "./exercise-log.js"
import { exerciseIdOf } from "./exercise-path.js"
import { active, executeExerciseCommand } from "./exercise-stream.js"

export const AdjudicationBody = Schema.Struct({
  decision: AdjudicationDecision,
  /** Shown to the move's team. */
  reason: AdjudicationReason,
  /** The amended move (decision "amend" only): same type, within the move's schema. */
  move: Schema.optional(ExerciseMove),
}).annotations({ identifier: "AdjudicationRequest" })

export const AdjudicationQuery = Schema.Struct({
  /** The move's team, needed only when several teams used the move id. */
  team: Schema.optional(Schema.String.pipe(Schema.pattern(/^[A-Za-z0-9_-]{1,64}$/))),
})

export const ClockBody = Schema.Struct({
  action: Schema.Literal("start", "pause", "resume"),
  /** For "start": seconds on the clock (default: the exercise's round length). */
  seconds: Schema.optional(RoundClockSettings.fields.seconds),
}).annotations({ identifier: "RoundClockRequest" })

export const RevealBody = Schema.Struct({ round: RoundNumber }).annotations({ identifier: "RevealRequest" })

export const LogQuery = Schema.Struct({
  format: Schema.optional(Schema.Literal("json", "csv", "markdown")),
})

const MovePath = Schema.Struct({ moveId: MoveId })

/**
 * The facilitator's tools on /api/exercises/:id (facilitator token only; 403
 * for a team or an observer): adjudicate a pending move, run the round clock,
 * reveal closed rounds to observers, export the log.
 */
export const facilitatorRoutes = (run: RunHandler<ApiServices>) => {
  const answer = run
  const execute = (id: string, command: ExerciseCommand) =>
    executeExerciseCommand(id, () => Effect.succeed(command))
  return new Hono()
    .post("/:id/moves/:moveId/adjudication", (c) =>
      answer(
        c,
        Effect.gen(function* () {
          const { id } = yield* exerciseIdOf(c)
          const { moveId } = yield* decodeStrict(MovePath, "the path")({ moveId: c.req.param("moveId") })
          yield* authenticateFacilitator(c, id)
          const { team } = yield* decodeQuery(c, AdjudicationQuery)
          const body = yield* decodeJsonBody(c, AdjudicationBody)
          const { state, produced } = yield* execute(id, {
            _tag: "AdjudicateMove",
            moveId,
            ...(team === undefined ? {} : { teamId: team as TeamId }),
            ...body,
          })
          const ruled = produced[0]
          const teamId = ruled?._tag === "MoveAdjudicated" ? ruled.teamId : team
          const move = exerciseView(active(state), {
            actor: "facilitator",
            teamId: "facilitator",
          }).moves.find((m) => !m.hidden && m.moveId === moveId && m.teamId === teamId)
          return c.json(move, 200)
        }),
      ),
    )
    .post("/:id/clock", (c) =>
      answer(
        c,
        Effect.gen(function* () {
          const { id } = yield* exerciseIdOf(c)
          yield* authenticateFacilitator(c, id)
          const body = yield* decodeJsonBody(c, ClockBody)
          const at = yield* Clock.currentTimeMillis
          const { state } = yield* execute(id, { _tag: "SetRoundClock", ...body, at })
          return c.json({ roundClock: active(state).roundClock ?? null, serverTime: at }, 200)
        }),
      ),
    )
    .post("/:id/reveal", (c) =>
      answer(
        c,
        Effect.gen(function* () {
          const { id } = yield* exerciseIdOf(c)
          yield* authenticateFacilitator(c, id)
          const body = yield* decodeJsonBody(c, RevealBody)
          const { state } = yield* execute(id, { _tag: "RevealRound", round: body.round })
          return c.json({ revealedRound: active(state).revealedRound }, 200)
        }),
      ),
    )
    .get("/:id/log", (c) =>
      answer(
        c,
        Effect.gen(function* () {
          const { id } = yield* exerciseIdOf(c)
          const { state, events } = yield* authenticateFacilitator(c, id)
          const { format = "json" } = yield* decodeQuery(c, LogQuery)
          const body = exerciseLog(state, events, format as ExerciseLogFormat)
          return c.body(body, 200, { "content-type": exerciseLogMediaType[format] })
        }),
      ),
    )
}
