import { Schema } from "effect"
import { PackId } from "../ids.js"
import {
  BaseScenario,
  Budgets,
  ExerciseCreated,
  ExerciseId,
  ExerciseName,
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
  facilitatorTokenHash: SecretHash,
  joinCodeHashes: ExerciseCreated.fields.joinCodeHashes,
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

export const ExerciseCommand = Schema.Union(CreateExercise, JoinTeam, SubmitMove, CloseRound).annotations({
  identifier: "ExerciseCommand",
})
export type ExerciseCommand = typeof ExerciseCommand.Type
