import { Schema } from "effect"

/** No exercise under this id (an empty stream). */
export class ExerciseNotFound extends Schema.TaggedError<ExerciseNotFound>()("ExerciseNotFound", {
  message: Schema.String,
  exerciseId: Schema.String,
}) {}

/** An exercise with this id exists already. */
export class ExerciseAlreadyExists extends Schema.TaggedError<ExerciseAlreadyExists>()(
  "ExerciseAlreadyExists",
  {
    message: Schema.String,
    exerciseId: Schema.String,
  },
) {}

/** The acting team is not part of this exercise. */
export class UnknownTeam extends Schema.TaggedError<UnknownTeam>()("UnknownTeam", {
  message: Schema.String,
  teamId: Schema.String,
}) {}

/** The move is not one the acting role's real counterpart could make. */
export class MoveNotAllowedForRole extends Schema.TaggedError<MoveNotAllowedForRole>()(
  "MoveNotAllowedForRole",
  {
    message: Schema.String,
    role: Schema.String,
    moveType: Schema.String,
  },
) {}

/** The round named has closed already. */
export class RoundAlreadyClosed extends Schema.TaggedError<RoundAlreadyClosed>()("RoundAlreadyClosed", {
  message: Schema.String,
  round: Schema.Int,
  openRound: Schema.NullOr(Schema.Int),
}) {}

/** The round named is not open (not reached yet, or the exercise has finished). */
export class RoundNotOpen extends Schema.TaggedError<RoundNotOpen>()("RoundNotOpen", {
  message: Schema.String,
  round: Schema.Int,
  openRound: Schema.NullOr(Schema.Int),
}) {}

/** The move's target does not allow it now (unknown item, wrong owner, a transition the lifecycle forbids). */
export class MoveNotApplicable extends Schema.TaggedError<MoveNotApplicable>()("MoveNotApplicable", {
  message: Schema.String,
  moveId: Schema.String,
}) {}

/** The move would take the role over its budget for the round. */
export class BudgetExceeded extends Schema.TaggedError<BudgetExceeded>()("BudgetExceeded", {
  message: Schema.String,
  role: Schema.String,
  limit: Schema.Number,
  wanted: Schema.Number,
}) {}

/** A move id used before for another move (or by another team). */
export class MoveIdConflict extends Schema.TaggedError<MoveIdConflict>()("MoveIdConflict", {
  message: Schema.String,
  moveId: Schema.String,
}) {}

/** No pending move of the open round under this id (adjudication). */
export class MoveNotFound extends Schema.TaggedError<MoveNotFound>()("MoveNotFound", {
  message: Schema.String,
  moveId: Schema.String,
}) {}

/** Several teams used this move id: the facilitator names the team (`?team=<teamId>`). */
export class AmbiguousMove extends Schema.TaggedError<AmbiguousMove>()("AmbiguousMove", {
  message: Schema.String,
  moveId: Schema.String,
  teamIds: Schema.Array(Schema.String),
}) {}

/** The round clock cannot do this now (resume before it was started, no round length set). */
export class ClockNotStarted extends Schema.TaggedError<ClockNotStarted>()("ClockNotStarted", {
  message: Schema.String,
}) {}
