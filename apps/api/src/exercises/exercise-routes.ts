import { randomBytes } from "node:crypto"
import {
  type ActiveExercise,
  Approval,
  Budgets,
  type ExerciseCommand,
  type ExerciseId,
  ExerciseMove,
  ExerciseName,
  ExerciseNotFound,
  exerciseView,
  getPack,
  MAX_SEED,
  MoveId,
  observerBrief,
  PackId,
  RoundClockSettings,
  RoundNotOpen,
  RoundNumber,
  roleBriefs,
  type TeamId,
  TeamName,
  type TeamRole,
  teamRoles,
} from "@accord/domain"
import { type DebriefFormat, debriefMediaType, renderDebrief } from "@accord/engine"
import { getConnInfo } from "@hono/node-server/conninfo"
import { Clock, Effect, Schema } from "effect"
import { type Context, Hono } from "hono"
import type { ApiServices } from "../api-services.js"
import { Forbidden, InvalidJoinCode, TooManyRequests } from "../http/api-error.js"
import type { RunHandler } from "../http/effect-handler.js"
import { ReportFormatParam } from "../http/report-format.js"
import { decodeJsonBody, decodeOptionalJsonBody, decodeQuery, decodeStrict } from "../http/request-input.js"
import { Simulator } from "../simulation/simulator.js"
import { authenticate, authenticateActor, authenticateFacilitator, bearerToken } from "./exercise-auth.js"
import { exerciseSettings } from "./exercise-create.js"
import { exerciseFeed } from "./exercise-feed.js"
import { exerciseIdOf } from "./exercise-path.js"
import {
  hashSecret,
  matchHash,
  newExerciseId,
  newJoinCode,
  newToken,
  normalizeJoinCode,
  openJoinCodes,
  sealJoinCodes,
} from "./exercise-secrets.js"
import { active, executeExerciseCommand, loadExercise } from "./exercise-stream.js"
import { countJoinAttempt, defaultJoinLimits, type JoinLimits } from "./join-rate-limit.js"
import { closeExerciseRound, closeIfDue } from "./round-close.js"

export const CreateExerciseBody = Schema.Struct({
  /** Required unless `template` gives the setup. */
  pack: Schema.optional(PackId),
  name: ExerciseName,
  /** A template to start a clean copy from: its setup, no teams and no moves (the other settings must be absent). */
  template: Schema.optional(Schema.String.pipe(Schema.minLength(1), Schema.maxLength(64))),
  /** "required": only moves the facilitator approved (or amended) take effect when the round closes. */
  approval: Schema.optional(Approval),
  /** A round clock: seconds per round, counted down on every view; the round closes by itself only with autoClose. */
  clock: Schema.optional(RoundClockSettings),
  roundMonths: Schema.optional(Schema.Int.pipe(Schema.between(1, 12))),
  rounds: Schema.optional(RoundNumber),
  seed: Schema.optional(Schema.Int.pipe(Schema.between(0, MAX_SEED))),
  /** Monte Carlo runs per projection (default 500: a round closes in well under a second). */
  runs: Schema.optional(Schema.Int.pipe(Schema.between(50, 5000))),
  budgets: Schema.optional(Budgets),
  /** A saved scenario to start from: its interventions and assumptions play before any move. */
  baseScenario: Schema.optional(Schema.String.pipe(Schema.minLength(1), Schema.maxLength(100))),
}).annotations({ identifier: "CreateExerciseRequest" })

/** A join code, and the team's name when it is the first to take the seat (later devices keep the seat's name). */
export const JoinBody = Schema.Struct({
  joinCode: Schema.String.pipe(Schema.minLength(1), Schema.maxLength(40)),
  name: Schema.optional(TeamName),
}).annotations({ identifier: "JoinExerciseRequest" })

export const MoveBody = Schema.Struct({ moveId: MoveId, round: RoundNumber, move: ExerciseMove }).annotations(
  {
    identifier: "SubmitMoveRequest",
  },
)

export const CloseBody = Schema.Struct({ round: Schema.optional(RoundNumber) }).annotations({
  identifier: "CloseRoundRequest",
})
/** `?round=` of the debrief: the game as of that round (0 = before any move). */
export const DebriefRound = Schema.NumberFromString.pipe(Schema.int(), Schema.between(0, 24))
const DebriefQuery = Schema.Struct({
  format: Schema.optional(ReportFormatParam),
  round: Schema.optional(DebriefRound),
})
/** `?after=` / Last-Event-ID of the live feed: the stream version to resume after. */
export const FeedPosition = Schema.NumberFromString.pipe(Schema.int(), Schema.nonNegative())
const FeedQuery = Schema.Struct({ after: Schema.optional(FeedPosition) })
const FeedHeaders = Schema.Struct({ "Last-Event-ID": FeedPosition })

export interface ExerciseRouteOptions {
  readonly joinLimits?: JoinLimits
}

/** The client's address for rate limiting (the socket's; behind a proxy every client shares the proxy's). */
const clientAddress = (c: Context): string => {
  try {
    return getConnInfo(c).remote.address ?? "unknown"
  } catch {
    return "in-process"
  }
}

const moveAnswer = (state: ActiveExercise, teamId: string, moveId: string) => {
  const recorded = state.moves.find((m) => m.moveId === moveId && m.teamId === teamId)
  return {
    moveId,
    round: recorded?.round,
    role: recorded?.actor,
    teamId: recorded?.teamId,
    status: "pending" as const,
    version: recorded?.version,
  }
}

/**
 * /api/exercises: classroom exercises. Facilitator and teams authenticate with
 * bearer tokens (random, 256 bits) that the service keeps only as SHA-256
 * hashes bound to the exercise; join codes are hashed the same way and joining
 * is rate-limited per exercise and per client address.
 */
export const exercisesRoutes = (run: RunHandler<ApiServices>, options: ExerciseRouteOptions = {}) => {
  const limits = options.joinLimits ?? defaultJoinLimits
  const answer = run
  const idOf = exerciseIdOf

  return new Hono()
    .post("/", (c) =>
      answer(
        c,
        Effect.gen(function* () {
          const body = yield* decodeJsonBody(c, CreateExerciseBody)
          const settings = yield* exerciseSettings(body)
          const exerciseId = newExerciseId()
          const facilitatorToken = newToken()
          const joinCodes = {
            japan: newJoinCode(),
            ukraine: newJoinCode(),
            russia: newJoinCode(),
            observer: newJoinCode(),
          }
          const joinHash = (role: TeamRole | "observer") =>
            hashSecret(exerciseId, "join", normalizeJoinCode(joinCodes[role]))
          yield* executeExerciseCommand(exerciseId, () =>
            Effect.succeed<ExerciseCommand>({
              _tag: "CreateExercise",
              exerciseId: exerciseId as ExerciseId,
              name: body.name,
              ...settings,
              facilitatorTokenHash: hashSecret(exerciseId, "token", facilitatorToken),
              joinCodeHashes: {
                japan: joinHash("japan"),
                ukraine: joinHash("ukraine"),
                russia: joinHash("russia"),
              },
              observerCodeHash: joinHash("observer"),
              joinCodesSealed: sealJoinCodes(exerciseId, facilitatorToken, joinCodes),
            }),
          )
          c.header("location", `/api/exercises/${exerciseId}`)
          return c.json({ id: exerciseId, facilitatorToken, joinCodes }, 201)
        }),
      ),
    )
    .post("/:id/teams", (c) =>
      answer(
        c,
        Effect.gen(function* () {
          const { id } = yield* idOf(c)
          const wait = yield* countJoinAttempt(limits, id, clientAddress(c))
          if (wait > 0)
            return yield* new TooManyRequests({
              message: `too many attempts to join; retry in ${wait} s`,
              retryAfterSeconds: wait,
            })
          const body = yield* decodeJsonBody(c, JoinBody)
          const teamId = randomBytes(9).toString("base64url")
          const token = newToken()
          let role: TeamRole | "observer" | undefined
          const { state, produced } = yield* executeExerciseCommand(
            id,
            (state): Effect.Effect<ExerciseCommand, ExerciseNotFound | InvalidJoinCode> => {
              if (state._tag === "EmptyExercise")
                return Effect.fail(new ExerciseNotFound({ message: `no exercise '${id}'`, exerciseId: id }))
              const hash = hashSecret(id, "join", normalizeJoinCode(body.joinCode))
              role = matchHash<TeamRole | "observer">(hash, [
                ...teamRoles.map((r) => [r, state.joinCodeHashes[r]] as const),
                ...(state.observerCodeHash === undefined
                  ? []
                  : [["observer", state.observerCodeHash] as const]),
              ])
              if (role === undefined)
                return Effect.fail(
                  new InvalidJoinCode({
                    message:
                      "this join code opens no team of this exercise: check the exercise id and the code on your card",
                  }),
                )
              const tokenHash = hashSecret(id, "token", token)
              if (role === "observer")
                return Effect.succeed<ExerciseCommand>({
                  _tag: "JoinObserver",
                  observerId: teamId as TeamId,
                  name: body.name ?? "Observer",
                  tokenHash,
                })
              return Effect.succeed<ExerciseCommand>({
                _tag: "JoinTeam",
                teamId: teamId as TeamId,
                role,
                name: body.name ?? `Team ${role.charAt(0).toUpperCase()}${role.slice(1)}`,
                tokenHash,
              })
            },
          )
          if (role === "observer") {
            const observer = active(state).observers.find((o) => o.observerId === teamId)
            return c.json({ id, teamId, role, name: observer?.name, token, rejoined: false }, 201)
          }
          // The seat may have been taken before (another device, or this one earlier): answer with its team.
          const seat = active(state).teams.find((t) => t.role === role)
          const rejoined = produced.some((e) => e._tag === "SeatRejoined")
          return c.json({ id, teamId: seat?.teamId, role, name: seat?.name, token, rejoined }, 201)
        }),
      ),
    )
    .post("/:id/moves", (c) =>
      answer(
        c,
        Effect.gen(function* () {
          const { id } = yield* idOf(c)
          const { viewer } = yield* authenticateActor(c, id)
          const body = yield* decodeJsonBody(c, MoveBody)
          const { state } = yield* executeExerciseCommand(id, () =>
            Effect.succeed<ExerciseCommand>({
              _tag: "SubmitMove",
              moveId: body.moveId,
              actor: viewer.actor,
              teamId: viewer.teamId as TeamId,
              round: body.round,
              move: body.move,
            }),
          )
          return c.json(moveAnswer(active(state), viewer.teamId, body.moveId), 201)
        }),
      ),
    )
    .post("/:id/rounds/close", (c) =>
      answer(
        c,
        Effect.gen(function* () {
          const { id } = yield* idOf(c)
          yield* authenticateFacilitator(c, id)
          // The body is optional: none (or an empty one) closes whichever round is open. A body, when
          // sent, is read like any other (415 for another media type, depth limit, strict decode).
          const body = yield* decodeOptionalJsonBody(c, CloseBody, {})
          const { state, produced } = yield* closeExerciseRound(id, body.round)
          const closed = produced.find((e) => e._tag === "RoundClosed")
          if (closed === undefined || closed._tag !== "RoundClosed") {
            const open = active(state).openRound
            const round = body.round ?? open ?? active(state).rounds
            const message = `round ${round} is not open${open === null ? ": every round is closed" : `; round ${open} is`}`
            return yield* new RoundNotOpen({ message, round, openRound: open })
          }
          return c.json(
            {
              round: closed.round,
              month: closed.month,
              openRound: active(state).openRound,
              applied: closed.applied,
              voided: closed.voided,
              outcomes: closed.outcomes,
            },
            200,
          )
        }),
      ),
    )
    .get("/:id", (c) =>
      answer(
        c,
        Effect.gen(function* () {
          const { id } = yield* idOf(c)
          const first = yield* authenticate(c, id)
          // A read after the clock ran out closes the round, when the facilitator chose auto-close.
          const closed = yield* closeIfDue(id, first.state)
          const state = closed ? active((yield* loadExercise(id)).state) : first.state
          const { viewer } = first
          const brief = viewer.actor === "observer" ? observerBrief : roleBriefs[viewer.actor]
          const serverTime = yield* Clock.currentTimeMillis
          return c.json({ ...exerciseView(state, viewer), brief, serverTime }, 200)
        }),
      ),
    )
    .get("/:id/join-codes", (c) =>
      answer(
        c,
        Effect.gen(function* () {
          const { id } = yield* idOf(c)
          const { state } = yield* authenticateFacilitator(c, id)
          const codes =
            state.joinCodesSealed === undefined
              ? undefined
              : openJoinCodes(id, bearerToken(c) ?? "", state.joinCodesSealed)
          if (codes === undefined)
            return yield* new Forbidden({
              message:
                "this exercise keeps no join codes to show again (it was made before seats): use the codes shown when it was created",
            })
          return c.json({ joinCodes: codes }, 200)
        }),
      ),
    )
    .get("/:id/stream", (c) =>
      answer(
        c,
        Effect.gen(function* () {
          const { id } = yield* idOf(c)
          const { events, state, viewer } = yield* authenticate(c, id)
          const { after: afterQuery } = yield* decodeQuery(c, FeedQuery)
          const lastEventId = c.req.header("last-event-id")
          const resume =
            lastEventId === undefined
              ? afterQuery
              : (yield* decodeStrict(FeedHeaders, "the headers")({ "Last-Event-ID": lastEventId }))[
                  "Last-Event-ID"
                ]
          const after = resume ?? state.version
          return yield* exerciseFeed(id, viewer, after, events)
        }),
      ),
    )
    .get("/:id/debrief", (c) =>
      answer(
        c,
        Effect.gen(function* () {
          const { id } = yield* idOf(c)
          const { state } = yield* authenticateFacilitator(c, id)
          const query = yield* decodeQuery(c, DebriefQuery)
          const pack = getPack(state.pack)
          if (pack === undefined) return yield* Effect.die(new Error(`pack ${state.pack} vanished`))
          const simulator = yield* Simulator
          const debrief = yield* simulator.debrief(pack, state, query.round)
          const format: DebriefFormat = query.format ?? "json"
          return c.body(renderDebrief(debrief, format), 200, { "content-type": debriefMediaType[format] })
        }),
      ),
    )
}
