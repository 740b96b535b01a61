import { Schema } from "effect"
import { PackId } from "../ids.js"
import { Assumptions } from "../scenario-events.js"
import { Intervention, MAX_HORIZON_MONTHS, MAX_SEED } from "../scenario-spec.js"
import { MoveId, StoredExerciseMove } from "./exercise-moves.js"
import { type ExerciseActor, TeamRole } from "./exercise-roles.js"
import { AppliedMove } from "./move-ref.js"

/** SHA-256 hex of a secret (a token or a join code); secrets themselves are never stored. */
export const SecretHash = Schema.String.pipe(Schema.pattern(/^[0-9a-f]{64}$/)).annotations({
  identifier: "SecretHash",
})

export const ExerciseId = Schema.String.pipe(
  Schema.pattern(/^[A-Za-z0-9_-]{1,64}$/),
  Schema.brand("ExerciseId"),
).annotations({ identifier: "ExerciseId" })
export type ExerciseId = typeof ExerciseId.Type

export const TeamId = Schema.String.pipe(
  Schema.pattern(/^[A-Za-z0-9_-]{1,64}$/),
  Schema.brand("TeamId"),
).annotations({
  identifier: "TeamId",
})
export type TeamId = typeof TeamId.Type

export const ExerciseName = Schema.String.pipe(Schema.minLength(1), Schema.maxLength(200))
export const TeamName = Schema.String.pipe(Schema.minLength(1), Schema.maxLength(80))
export const RoundNumber = Schema.Int.pipe(Schema.between(1, 24))
const Month = Schema.Int.pipe(Schema.between(0, MAX_HORIZON_MONTHS))

/** USD m a role may commit per round, and how many moves it may make per round. */
export const RoleBudget = Schema.Struct({
  usdM: Schema.optional(Schema.Number.pipe(Schema.nonNegative(), Schema.lessThanOrEqualTo(1_000_000))),
  moves: Schema.optional(Schema.Int.pipe(Schema.between(0, 100))),
}).annotations({ identifier: "RoleBudget" })
export type RoleBudget = typeof RoleBudget.Type

export const Budgets = Schema.Struct({
  japan: Schema.optional(RoleBudget),
  ukraine: Schema.optional(RoleBudget),
  russia: Schema.optional(RoleBudget),
}).annotations({ identifier: "Budgets" })
export type Budgets = typeof Budgets.Type

/** The saved scenario an exercise starts from: its interventions and assumptions play before any move. */
export const BaseScenario = Schema.Struct({
  scenarioId: Schema.optional(Schema.String.pipe(Schema.maxLength(100))),
  interventions: Schema.Array(Intervention),
  assumptions: Schema.optional(Assumptions),
}).annotations({ identifier: "BaseScenario" })
export type BaseScenario = typeof BaseScenario.Type

/** One indicator at the horizon, as projected when a round closed. */
export const IndicatorOutcome = Schema.Struct({
  id: Schema.String,
  label: Schema.String,
  unit: Schema.String,
  p10: Schema.Number,
  p50: Schema.Number,
  p90: Schema.Number,
  /** p50 of the pack's baseline (no interventions, no moves). */
  baselineP50: Schema.Number,
  /** p50 of the exercise without any team's moves (the base scenario alone). */
  noMovesP50: Schema.Number,
}).annotations({ identifier: "IndicatorOutcome" })
export type IndicatorOutcome = typeof IndicatorOutcome.Type

/** Indicators at a month a role's goal names (e.g. Ukraine's "before winter"), as projected at a round's close. */
export const Milestone = Schema.Struct({
  month: Month,
  indicators: Schema.Array(
    Schema.Struct({
      id: Schema.String,
      p10: Schema.Number,
      p50: Schema.Number,
      p90: Schema.Number,
      noMovesP50: Schema.Number,
    }),
  ),
}).annotations({ identifier: "Milestone" })
export type Milestone = typeof Milestone.Type

/** Every indicator projected to the horizon from the moves played so far (and at the goals' months). */
export const RoundOutcomes = Schema.Struct({
  horizonMonth: Month,
  reportHash: Schema.String,
  indicators: Schema.Array(IndicatorOutcome),
  /** Absent in rounds closed before goals had months. */
  milestones: Schema.optional(Schema.Array(Milestone)),
}).annotations({ identifier: "RoundOutcomes" })
export type RoundOutcomes = typeof RoundOutcomes.Type

/** A move that did not apply when its round closed (another move changed the state first, or the facilitator rejected it). */
export const VoidedMove = Schema.Struct({
  moveId: MoveId,
  /** The move's team (absent in events stored before move ids were scoped per team). */
  teamId: Schema.optional(TeamId),
  reason: Schema.String,
}).annotations({
  identifier: "VoidedMove",
})
export type VoidedMove = typeof VoidedMove.Type

/** Whether moves take effect as submitted, or only once the facilitator approved them. */
export const Approval = Schema.Literal("free", "required").annotations({ identifier: "Approval" })
export type Approval = typeof Approval.Type

/** A facilitator injection planned for a round (from a template): the facilitator injects it with one click. */
export const PlannedInjection = Schema.Struct({ round: RoundNumber, move: StoredExerciseMove }).annotations({
  identifier: "PlannedInjection",
})
export type PlannedInjection = typeof PlannedInjection.Type

/** The round clock: seconds per round, and whether the round closes by itself when they run out. */
export const RoundClockSettings = Schema.Struct({
  seconds: Schema.Int.pipe(Schema.between(30, 86_400)),
  autoClose: Schema.optional(Schema.Boolean),
}).annotations({ identifier: "RoundClockSettings" })
export type RoundClockSettings = typeof RoundClockSettings.Type

export const ExerciseCreated = Schema.TaggedStruct("ExerciseCreated", {
  v: Schema.Literal(1),
  exerciseId: ExerciseId,
  pack: PackId,
  name: ExerciseName,
  roundMonths: Schema.Int.pipe(Schema.between(1, 12)),
  rounds: RoundNumber,
  seed: Schema.Int.pipe(Schema.between(0, MAX_SEED)),
  runs: Schema.Int.pipe(Schema.between(50, 5000)),
  horizonMonths: Schema.Int.pipe(Schema.between(1, MAX_HORIZON_MONTHS)),
  budgets: Schema.optional(Budgets),
  baseScenario: Schema.optional(BaseScenario),
  /** Default "free": every valid move takes effect when its round closes. */
  approval: Schema.optional(Approval),
  clock: Schema.optional(RoundClockSettings),
  plannedInjections: Schema.optional(Schema.Array(PlannedInjection)),
  /** The template the exercise was started from. */
  template: Schema.optional(Schema.String.pipe(Schema.maxLength(64))),
  facilitatorTokenHash: SecretHash,
  joinCodeHashes: Schema.Struct({ japan: SecretHash, ukraine: SecretHash, russia: SecretHash }),
  /** Hash of the observers' join code (absent in exercises created before observers existed). */
  observerCodeHash: Schema.optional(SecretHash),
  /** The join codes, encrypted under a key only the facilitator's token gives (absent before seats). */
  joinCodesSealed: Schema.optional(Schema.String.pipe(Schema.maxLength(1000))),
}).annotations({ identifier: "ExerciseCreated" })
export type ExerciseCreated = typeof ExerciseCreated.Type

export const TeamJoined = Schema.TaggedStruct("TeamJoined", {
  v: Schema.Literal(1),
  teamId: TeamId,
  role: TeamRole,
  name: TeamName,
  tokenHash: SecretHash,
}).annotations({ identifier: "TeamJoined" })
export type TeamJoined = typeof TeamJoined.Type

/**
 * Another device took the seat of a team that had joined (the same join code
 * again): it gets a token of its own for the same team, so every device of a
 * team sees and moves for the same seat.
 */
export const SeatRejoined = Schema.TaggedStruct("SeatRejoined", {
  v: Schema.Literal(1),
  teamId: TeamId,
  tokenHash: SecretHash,
}).annotations({ identifier: "SeatRejoined" })
export type SeatRejoined = typeof SeatRejoined.Type

/** A team's move for the open round; other teams see it once the round closes. */
export const MoveSubmitted = Schema.TaggedStruct("MoveSubmitted", {
  v: Schema.Literal(1),
  moveId: MoveId,
  teamId: TeamId,
  role: TeamRole,
  round: RoundNumber,
  move: StoredExerciseMove,
}).annotations({ identifier: "MoveSubmitted" })
export type MoveSubmitted = typeof MoveSubmitted.Type

/** The facilitator injects an event (a grid strike, a stall, a delay, a partner joining sanctions) into the open round. */
export const ShockInjected = Schema.TaggedStruct("ShockInjected", {
  v: Schema.Literal(1),
  moveId: MoveId,
  round: RoundNumber,
  move: StoredExerciseMove,
}).annotations({ identifier: "ShockInjected" })
export type ShockInjected = typeof ShockInjected.Type

/** The facilitator closed a round: its moves apply at `month`, and the outcomes are projected to the horizon. */
export const RoundClosed = Schema.TaggedStruct("RoundClosed", {
  v: Schema.Literal(1),
  round: RoundNumber,
  month: Month,
  applied: Schema.Array(AppliedMove),
  voided: Schema.Array(VoidedMove),
  outcomes: RoundOutcomes,
}).annotations({ identifier: "RoundClosed" })
export type RoundClosed = typeof RoundClosed.Type

export const AdjudicationDecision = Schema.Literal("approve", "amend", "reject").annotations({
  identifier: "AdjudicationDecision",
})
export type AdjudicationDecision = typeof AdjudicationDecision.Type
export const AdjudicationReason = Schema.String.pipe(Schema.minLength(1), Schema.maxLength(500))

/** The facilitator approved, amended (`move` replaces the team's) or rejected a pending move; its team sees why. */
export const MoveAdjudicated = Schema.TaggedStruct("MoveAdjudicated", {
  v: Schema.Literal(1),
  teamId: TeamId,
  moveId: MoveId,
  round: RoundNumber,
  decision: AdjudicationDecision,
  reason: AdjudicationReason,
  move: Schema.optional(StoredExerciseMove),
}).annotations({ identifier: "MoveAdjudicated" })
export type MoveAdjudicated = typeof MoveAdjudicated.Type

/** A read-only viewer (a projector, a visiting teacher) joined with the observers' code. */
export const ObserverJoined = Schema.TaggedStruct("ObserverJoined", {
  v: Schema.Literal(1),
  observerId: TeamId,
  name: TeamName,
  tokenHash: SecretHash,
}).annotations({ identifier: "ObserverJoined" })
export type ObserverJoined = typeof ObserverJoined.Type

/**
 * The round clock was started, paused or resumed at `at` (epoch ms), with
 * `remainingMs` left then; while running it counts down from there.
 */
export const RoundClockSet = Schema.TaggedStruct("RoundClockSet", {
  v: Schema.Literal(1),
  round: RoundNumber,
  running: Schema.Boolean,
  remainingMs: Schema.Int.pipe(Schema.between(0, 86_400_000)),
  at: Schema.Int.pipe(Schema.nonNegative()),
}).annotations({ identifier: "RoundClockSet" })
export type RoundClockSet = typeof RoundClockSet.Type

/** The facilitator shows observers the rounds up to `round` (their moves and outcomes). */
export const RoundRevealed = Schema.TaggedStruct("RoundRevealed", {
  v: Schema.Literal(1),
  round: RoundNumber,
}).annotations({ identifier: "RoundRevealed" })
export type RoundRevealed = typeof RoundRevealed.Type

export const ExerciseEvent = Schema.Union(
  ExerciseCreated,
  TeamJoined,
  SeatRejoined,
  MoveSubmitted,
  ShockInjected,
  RoundClosed,
  MoveAdjudicated,
  ObserverJoined,
  RoundClockSet,
  RoundRevealed,
).annotations({ identifier: "ExerciseEvent" })
export type ExerciseEvent = typeof ExerciseEvent.Type
export type ExerciseEventType = ExerciseEvent["_tag"]

/** The stream an exercise's events live in. */
export const exerciseStreamId = (id: string): string => `exercise-${id}`

/** Who made a move, as recorded. */
export const actorOf = (event: MoveSubmitted | ShockInjected): ExerciseActor =>
  event._tag === "MoveSubmitted" ? event.role : "facilitator"
