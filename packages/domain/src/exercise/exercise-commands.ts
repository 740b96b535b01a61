import { Schema } from "effect"
import { PackId } from "../ids.js"
import {
  AdjudicationDecision,
  AdjudicationReason,
  Approval,
  BaseScenario,
  Budgets,
  ExerciseCreated,
  ExerciseId,
  ExerciseName,
  PlannedInjection,
  RoundClockSettings,
  RoundNumber,
  RoundOutcomes,
  SecretHash,
  TeamId,
  TeamName,
} from "./exercise-events.js"
import { ExerciseMove, MoveId } from "./exercise-moves.js"
import { ExerciseActor, TeamRole } from "./exercise-roles.js"

/** Creates an exercise; secrets arrive hashed (the use case makes and hands out the plain ones). */
export const CreateExercise = Schema.TaggedStruct("CreateExercise", {
  exerciseId: ExerciseId,
  pack: PackId,
  name: ExerciseName,
  roundMonths: ExerciseCreated.fields.roundMonths,
  rounds: RoundNumber,
  seed: ExerciseCreated.fields.seed,
  runs: ExerciseCreated.fields.runs,
  horizonMonths: Schema.optional(ExerciseCreated.fields.horizonMonths),
  budgets: Schema.optional(Budgets),
  baseScenario: Schema.optional(BaseScenario),
  approval: Schema.optional(Approval),
  clock: Schema.optional(RoundClockSettings),
  plannedInjections: Schema.optional(Schema.Array(PlannedInjection)),
  template: ExerciseCreated.fields.template,
  facilitatorTokenHash: SecretHash,
  joinCodeHashes: ExerciseCreated.fields.joinCodeHashes,
  observerCodeHash: Schema.optional(SecretHash),
  joinCodesSealed: ExerciseCreated.fields.joinCodesSealed,
}).annotations({ identifier: "CreateExercise" })
export type CreateExercise = typeof CreateExercise.Type

/** A team joins under the role whose join code it presented. */
export const JoinTeam = Schema.TaggedStruct("JoinTeam", {
  teamId: TeamId,
  role: TeamRole,
  name: TeamName,
  tokenHash: SecretHash,
}).annotations({ identifier: "JoinTeam" })
export type JoinTeam = typeof JoinTeam.Type

/** A move for a round, by the authenticated actor (a team, or the facilitator for injections). */
export const SubmitMove = Schema.TaggedStruct("SubmitMove", {
  moveId: MoveId,
  actor: ExerciseActor,
  teamId: TeamId,
  round: RoundNumber,
  move: ExerciseMove,
}).annotations({ identifier: "SubmitMove" })
export type SubmitMove = typeof SubmitMove.Type

/** Closes the open round with the outcomes the engine projected for it (see planRoundClose). */
export const CloseRound = Schema.TaggedStruct("CloseRound", {
  round: RoundNumber,
  outcomes: RoundOutcomes,
}).annotations({ identifier: "CloseRound" })
export type CloseRound = typeof CloseRound.Type

/** The facilitator rules on a pending move; `teamId` picks the team when several used the id. */
export const AdjudicateMove = Schema.TaggedStruct("AdjudicateMove", {
  moveId: MoveId,
  teamId: Schema.optional(TeamId),
  decision: AdjudicationDecision,
  reason: AdjudicationReason,
  move: Schema.optional(ExerciseMove),
}).annotations({ identifier: "AdjudicateMove" })
export type AdjudicateMove = typeof AdjudicateMove.Type

/** A read-only observer joins with the observers' code. */
export const JoinObserver = Schema.TaggedStruct("JoinObserver", {
  observerId: TeamId,
  name: TeamName,
  tokenHash: SecretHash,
}).annotations({ identifier: "JoinObserver" })
export type JoinObserver = typeof JoinObserver.Type

/** Starts (with `seconds`, or the exercise's round length), pauses or resumes the open round's clock at `at`. */
export const SetRoundClock = Schema.TaggedStruct("SetRoundClock", {
  action: Schema.Literal("start", "pause", "resume"),
  seconds: Schema.optional(RoundClockSettings.fields.seconds),
  at: Schema.Int.pipe(Schema.nonNegative()),
}).annotations({ identifier: "SetRoundClock" })
export type SetRoundClock = typeof SetRoundClock.Type

/** Shows observers the closed rounds up to `round`. */
export const RevealRound = Schema.TaggedStruct("RevealRound", { round: RoundNumber }).annotations({
  identifier: "RevealRound",
})
export type RevealRound = typeof RevealRound.Type

export const ExerciseCommand = Schema.Union(
  CreateExercise,
  JoinTeam,
  SubmitMove,
  CloseRound,
  AdjudicateMove,
  JoinObserver,
  SetRoundClock,
  RevealRound,
).annotations({
  identifier: "ExerciseCommand",
})
export type ExerciseCommand = typeof ExerciseCommand.Type
