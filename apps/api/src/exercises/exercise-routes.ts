import { randomBytes } from "node:crypto"
import {
  type ActiveExercise,
  Budgets,
  defaultBudgets,
  type ExerciseCommand,
  ExerciseId,
  ExerciseMove,
  ExerciseName,
  ExerciseNotFound,
  exerciseView,
  getPack,
  MAX_SEED,
  MoveId,
  PackId,
  RoundNotOpen,
  RoundNumber,
  roleBriefs,
  type TeamId,
  TeamName,
  type TeamRole,
  teamRoles,
} from "@accord/domain"
import {
  type Debrief,
  type DebriefFormat,
  debriefMediaType,
  exerciseDebrief,
  projectRoundOutcomes,
  renderDebrief,
} from "@accord/engine"
import { getConnInfo } from "@hono/node-server/conninfo"
import { Clock, Effect, Schema } from "effect"
import { type Context, Hono } from "hono"
import type { ApiServices } from "../api-services.js"
import type { RunHandler } from "../http/effect-handler.js"
import { ReportFormatParam } from "../http/report-format.js"
import { decodeJsonBody, decodeQuery, decodeStrict } from "../http/request-input.js"
import { loadScenario } from "../scenarios/scenario-stream.js"
import { authenticate, authenticateFacilitator, bearerToken } from "./exercise-auth.js"
import { exerciseFeed } from "./exercise-feed.js"
import { exerciseStatusByTag, Forbidden, InvalidJoinCode, TooManyRequests } from "./exercise-http-errors.js"
import {
  hashSecret,
  matchHash,
  newExerciseId,
  newJoinCode,
  newToken,
  normalizeExerciseId,
  normalizeJoinCode,
  openJoinCodes,
  sealJoinCodes,
} from "./exercise-secrets.js"
import { active, executeExerciseCommand } from "./exercise-stream.js"
import { defaultJoinLimits, type JoinLimits, JoinRateLimiter } from "./join-rate-limit.js"

export const CreateExerciseBody = Schema.Struct({
  pack: PackId,
  name: ExerciseName,
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
const Path = Schema.Struct({ id: ExerciseId })
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

const DEFAULT_RUNS = 500
const DEFAULT_ROUNDS = 3
const DEFAULT_ROUND_MONTHS = 3
const DEBRIEF_CACHE_SIZE = 32

type Failure = { readonly _tag: string; readonly message: string }
const isExerciseFailure = (e: unknown): e is Failure =>
  typeof e === "object" &&
  e !== null &&
  typeof (e as Failure)._tag === "string" &&
  (e as Failure)._tag in exerciseStatusByTag

/** The client's address for rate limiting (the socket's; behind a proxy every client shares the proxy's). */
const clientAddress = (c: Context): string => {
  try {
    return getConnInfo(c).remote.address ?? "unknown"
  } catch {
    return "in-process"
  }
}

const moveAnswer = (state: ActiveExercise, moveId: string) => {
  const recorded = state.moves.find((m) => m.moveId === moveId)
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
  const limiter = new JoinRateLimiter(options.joinLimits ?? defaultJoinLimits)
  const debriefs = new Map<string, Debrief>()

  const answer = <E>(c: Context, effect: Effect.Effect<Response, E, ApiServices>) =>
    run(
      c,
      effect.pipe(
        Effect.catchAll((e: E) => {
          if (!isExerciseFailure(e)) return Effect.fail(e)
          return Effect.sync(() => {
            if (e instanceof TooManyRequests) c.header("retry-after", String(e.retryAfterSeconds))
            return c.json(
              { error: e._tag, message: e.message, issues: [] },
              exerciseStatusByTag[e._tag] as 400,
            )
          })
        }),
      ),
    )
  // Ids are read aloud and typed: any case, with or without separators, names the same exercise.
  const idOf = (c: Context) =>
    decodeStrict(Path, "the path")({ id: normalizeExerciseId(c.req.param("id") ?? "") })

  return new Hono()
    .post("/", (c) =>
      answer(
        c,
        Effect.gen(function* () {
          const body = yield* decodeJsonBody(c, CreateExerciseBody)
          const base =
            body.baseScenario === undefined ? undefined : (yield* loadScenario(body.baseScenario)).state
          const exerciseId = newExerciseId()
          const facilitatorToken = newToken()
          const joinCodes = { japan: newJoinCode(), ukraine: newJoinCode(), russia: newJoinCode() }
          const joinHash = (role: TeamRole) =>
            hashSecret(exerciseId, "join", normalizeJoinCode(joinCodes[role]))
          yield* executeExerciseCommand(exerciseId, () =>
            Effect.succeed<ExerciseCommand>({
              _tag: "CreateExercise",
              exerciseId: exerciseId as ExerciseId,
              pack: body.pack,
              name: body.name,
              roundMonths: body.roundMonths ?? DEFAULT_ROUND_MONTHS,
              rounds: body.rounds ?? DEFAULT_ROUNDS,
              seed: body.seed ?? 1,
              runs: body.runs ?? DEFAULT_RUNS,
              // Budgets apply unless the exercise sets its own ({} plays without any).
              budgets: body.budgets ?? defaultBudgets(body.roundMonths ?? DEFAULT_ROUND_MONTHS),
              ...(base === undefined
                ? {}
                : {
                    horizonMonths: base.spec.horizonMonths,
                    baseScenario: {
                      scenarioId: base.scenarioId,
                      interventions: base.spec.interventions,
                      ...(base.spec.assumptions === undefined ? {} : { assumptions: base.spec.assumptions }),
                    },
                  }),
              facilitatorTokenHash: hashSecret(exerciseId, "token", facilitatorToken),
              joinCodeHashes: {
                japan: joinHash("japan"),
                ukraine: joinHash("ukraine"),
                russia: joinHash("russia"),
              },
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
          const now = yield* Clock.currentTimeMillis
          const wait = limiter.attempt(id, clientAddress(c), now)
          if (wait > 0)
            return yield* new TooManyRequests({
              message: `too many attempts to join; retry in ${wait} s`,
              retryAfterSeconds: wait,
            })
          const body = yield* decodeJsonBody(c, JoinBody)
          const teamId = randomBytes(9).toString("base64url")
          const token = newToken()
          let role: TeamRole | undefined
          const { state, produced } = yield* executeExerciseCommand(
            id,
            (state): Effect.Effect<ExerciseCommand, ExerciseNotFound | InvalidJoinCode> => {
              if (state._tag === "EmptyExercise")
                return Effect.fail(new ExerciseNotFound({ message: `no exercise '${id}'`, exerciseId: id }))
              const hash = hashSecret(id, "join", normalizeJoinCode(body.joinCode))
              role = matchHash(
                hash,
                teamRoles.map((r) => [r, state.joinCodeHashes[r]] as const),
              )
              if (role === undefined)
                return Effect.fail(
                  new InvalidJoinCode({
                    message:
                      "this join code opens no team of this exercise: check the exercise id and the code on your card",
                  }),
                )
              return Effect.succeed<ExerciseCommand>({
                _tag: "JoinTeam",
                teamId: teamId as TeamId,
                role,
                name: body.name ?? `Team ${role.charAt(0).toUpperCase()}${role.slice(1)}`,
                tokenHash: hashSecret(id, "token", token),
              })
            },
          )
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
          const { viewer } = yield* authenticate(c, id)
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
          return c.json(moveAnswer(active(state), body.moveId), 201)
        }),
      ),
    )
    .post("/:id/rounds/close", (c) =>
      answer(
        c,
        Effect.gen(function* () {
          const { id } = yield* idOf(c)
          yield* authenticateFacilitator(c, id)
          // The body is optional: none (or an empty one) closes whichever round is open.
          const text = yield* Effect.promise(() => c.req.text())
          // A body, when sent, is read like any other (415 for another media type, depth limit, strict decode).
          const body = text.trim() === "" ? {} : yield* decodeJsonBody(c, CloseBody)
          // The round is fixed by the first read: a retry after a concurrent move closes the same round or fails.
          let round = body.round
          const { state, produced } = yield* executeExerciseCommand(id, (read) =>
            Effect.sync((): ExerciseCommand => {
              const exercise = active(read)
              round ??= exercise.openRound ?? exercise.rounds
              const pack = getPack(exercise.pack)
              const outcomes =
                pack === undefined || exercise.openRound !== round
                  ? { horizonMonth: exercise.horizonMonths, reportHash: "", indicators: [] }
                  : projectRoundOutcomes(pack, exercise)
              return { _tag: "CloseRound", round, outcomes }
            }),
          )
          const closed = produced.find((e) => e._tag === "RoundClosed")
          if (closed === undefined || closed._tag !== "RoundClosed") {
            const open = active(state).openRound
            const message = `round ${round} is not open${open === null ? ": every round is closed" : `; round ${open} is`}`
            return yield* new RoundNotOpen({ message, round: round ?? 0, openRound: open })
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
          const { state, viewer } = yield* authenticate(c, id)
          return c.json({ ...exerciseView(state, viewer), brief: roleBriefs[viewer.actor] }, 200)
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
          const key = `${id}:${state.version}:${query.round ?? "all"}`
          let debrief = debriefs.get(key)
          if (debrief === undefined) {
            debrief = exerciseDebrief(pack, state, query.round)
            if (debriefs.size >= DEBRIEF_CACHE_SIZE) debriefs.delete(debriefs.keys().next().value as string)
            debriefs.set(key, debrief)
          }
          const format: DebriefFormat = query.format ?? "json"
          return c.body(renderDebrief(debrief, format), 200, { "content-type": debriefMediaType[format] })
        }),
      ),
    )
}
