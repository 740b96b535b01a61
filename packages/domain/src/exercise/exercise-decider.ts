import { Either } from "effect"
import type { Decider } from "../decider.js"
import { crossCheckSpec, MAX_HORIZON_MONTHS, type PackCatalog, type ScenarioSpec } from "../scenario-spec.js"
import { invalidAt, invalidInput } from "../validation-issue.js"
import type { CloseRound, CreateExercise, ExerciseCommand, JoinTeam } from "./exercise-commands.js"
import {
  type AmbiguousMove,
  type ClockNotStarted,
  ExerciseAlreadyExists,
  ExerciseNotFound,
  type MoveNotFound,
  RoundNotOpen,
} from "./exercise-errors.js"
import type { ExerciseEvent } from "./exercise-events.js"
import { evolveExercise, initialExerciseState } from "./exercise-evolve.js"
import type { ActiveExercise, ExerciseState } from "./exercise-state.js"
import { adjudicate, joinObserver, revealRound, setRoundClock } from "./facilitator-decisions.js"
import { type SubmitMoveError, submitMove } from "./move-submission.js"
import { planRoundClose } from "./round-close-plan.js"
import { roundRefusal } from "./round-refusal.js"

/** Every way an exercise command can be refused. */
export type ExerciseError =
  | ExerciseNotFound
  | ExerciseAlreadyExists
  | SubmitMoveError
  | MoveNotFound
  | AmbiguousMove
  | ClockNotStarted

export type ExerciseDecider = Decider<ExerciseState, ExerciseCommand, ExerciseEvent, ExerciseError>

/** The default horizon the exercise projects to, unless its rounds reach further. */
export const DEFAULT_EXERCISE_HORIZON = 24

/** Decides what a command does to an exercise; pack and commitment ids are checked against `catalog`. */
export const decideExercise = (
  command: ExerciseCommand,
  state: ExerciseState,
  catalog: PackCatalog,
): Either.Either<ReadonlyArray<ExerciseEvent>, ExerciseError> => {
  if (command._tag === "CreateExercise") return create(command, state, catalog)
  if (state._tag === "EmptyExercise")
    return Either.left(new ExerciseNotFound({ message: "no such exercise", exerciseId: "" }))
  switch (command._tag) {
    case "JoinTeam":
      return join(command, state)
    case "SubmitMove":
      return submitMove(command, state, catalog)
    case "CloseRound":
      return close(command, state)
    case "AdjudicateMove":
      return adjudicate(command, state, catalog)
    case "JoinObserver":
      return joinObserver(command)
    case "SetRoundClock":
      return setRoundClock(command, state)
    case "RevealRound":
      return revealRound(command, state)
  }
}

/** The exercise decider, checking packs and commitments against the given catalog. */
export const exerciseDecider = (catalog: PackCatalog): ExerciseDecider => ({
  initialState: initialExerciseState,
  evolve: evolveExercise,
  decide: (command, state) => decideExercise(command, state, catalog),
})

const create = (
  command: CreateExercise,
  state: ExerciseState,
  catalog: PackCatalog,
): Either.Either<ReadonlyArray<ExerciseEvent>, ExerciseError> => {
  if (state._tag === "ActiveExercise")
    return Either.left(
      new ExerciseAlreadyExists({
        message: `exercise '${command.exerciseId}' exists already`,
        exerciseId: command.exerciseId,
      }),
    )
  const played = command.rounds * command.roundMonths
  const horizonMonths = Math.max(command.horizonMonths ?? DEFAULT_EXERCISE_HORIZON, played)
  if (horizonMonths > MAX_HORIZON_MONTHS)
    return Either.left(
      invalidAt("rounds", `rounds × roundMonths (${played}) must not pass ${MAX_HORIZON_MONTHS} months`),
    )
  const spec: ScenarioSpec = {
    pack: command.pack,
    horizonMonths,
    runs: command.runs,
    seed: command.seed,
    interventions: command.baseScenario?.interventions ?? [],
    ...(command.baseScenario?.assumptions === undefined
      ? {}
      : { assumptions: command.baseScenario.assumptions }),
  }
  const issues = crossCheckSpec(spec, catalog).map((issue) => ({
    ...issue,
    path: issue.path === "pack" ? "pack" : `baseScenario.${issue.path}`,
  }))
  if (issues.length > 0) return Either.left(invalidInput("the exercise's base scenario", issues))
  const { _tag, horizonMonths: _h, ...settings } = command
  return Either.right([{ _tag: "ExerciseCreated", v: 1, ...settings, horizonMonths }])
}

const join = (
  command: JoinTeam,
  state: ActiveExercise,
): Either.Either<ReadonlyArray<ExerciseEvent>, ExerciseError> => {
  // A seat, not a one-shot join: the role's code brings any device back to the team that holds it.
  const holder = state.teams.find((t) => t.role === command.role)
  if (holder !== undefined)
    return Either.right([{ _tag: "SeatRejoined", v: 1, teamId: holder.teamId, tokenHash: command.tokenHash }])
  const { _tag, ...team } = command
  return Either.right([{ _tag: "TeamJoined", v: 1, ...team }])
}

const close = (
  command: CloseRound,
  state: ActiveExercise,
): Either.Either<ReadonlyArray<ExerciseEvent>, ExerciseError> => {
  const refusal = roundRefusal(command.round, state)
  if (refusal !== undefined) return Either.left(refusal)
  const plan = planRoundClose(state)
  if (plan === undefined)
    return Either.left(
      new RoundNotOpen({ message: "no round is open", round: command.round, openRound: null }),
    )
  return Either.right([
    {
      _tag: "RoundClosed",
      v: 1,
      round: plan.round,
      month: plan.month,
      applied: plan.applied,
      voided: plan.voided,
      outcomes: command.outcomes,
    },
  ])
}
