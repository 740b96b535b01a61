import { Either } from "effect"
import { notOneOf } from "../near-miss.js"
import type { PackCatalog } from "../scenario-spec.js"
import { type InvalidInput, invalidAt } from "../validation-issue.js"
import type { AdjudicateMove, JoinObserver, RevealRound, SetRoundClock } from "./exercise-commands.js"
import {
  AmbiguousMove,
  ClockNotStarted,
  MoveNotAllowedForRole,
  MoveNotApplicable,
  MoveNotFound,
  RoundAlreadyClosed,
  RoundNotOpen,
} from "./exercise-errors.js"
import type { ExerciseEvent } from "./exercise-events.js"
import { type ExerciseMove, mayMake } from "./exercise-moves.js"
import type { ActiveExercise, RoundClock } from "./exercise-state.js"
import { applyMove } from "./move-effects.js"

type Decision<E> = Either.Either<ReadonlyArray<ExerciseEvent>, E>

/** Milliseconds left on a round clock at `now` (never below 0). */
export const clockRemainingMs = (clock: RoundClock, now: number): number =>
  Math.max(0, clock.running ? clock.remainingMs - Math.max(0, now - clock.at) : clock.remainingMs)

/** Whether the open round should close by itself at `now`: auto-close chosen and its clock ran out. */
export const roundIsDue = (state: ActiveExercise, now: number): boolean =>
  state.clock?.autoClose === true &&
  state.roundClock !== undefined &&
  state.roundClock.round === state.openRound &&
  state.roundClock.running &&
  clockRemainingMs(state.roundClock, now) === 0

/** A commitment a move names must be one of the exercise's pack. */
export const unknownCommitment = (
  move: ExerciseMove,
  state: ActiveExercise,
  catalog: PackCatalog,
  path: string,
): InvalidInput | undefined => {
  if (move.type !== "withdraw-commitment" && move.type !== "stall" && move.type !== "delay") return undefined
  if (catalog.commitmentIds(state.pack).includes(move.commitment)) return undefined
  return invalidAt(
    path,
    `unknown commitment in pack '${state.pack}': ${notOneOf(move.commitment, catalog.commitmentIds(state.pack))}`,
  )
}

/**
 * The facilitator approves, amends or rejects a pending move of the open
 * round. An amendment keeps the move's type and must be one its team's role
 * may make and the current offers and projects allow.
 */
export const adjudicate = (
  command: AdjudicateMove,
  state: ActiveExercise,
  catalog: PackCatalog,
): Decision<
  MoveNotFound | AmbiguousMove | RoundAlreadyClosed | InvalidInput | MoveNotAllowedForRole | MoveNotApplicable
> => {
  const named = state.moves.filter(
    (m) => m.moveId === command.moveId && (command.teamId === undefined || m.teamId === command.teamId),
  )
  const pending = named.filter((m) => m.status === "pending" && m.round === state.openRound)
  if (pending.length > 1)
    return Either.left(
      new AmbiguousMove({
        message: `${pending.length} teams used move id '${command.moveId}'; name the team with ?team=<teamId>`,
        moveId: command.moveId,
        teamIds: pending.map((m) => m.teamId),
      }),
    )
  const target = pending[0]
  if (target === undefined)
    return Either.left(
      named.length > 0
        ? new RoundAlreadyClosed({
            message: `move '${command.moveId}' belongs to a closed round: it can no longer be adjudicated`,
            round: named[0]?.round ?? 0,
            openRound: state.openRound,
          })
        : new MoveNotFound({
            message: `no move '${command.moveId}' in this exercise`,
            moveId: command.moveId,
          }),
    )
  if (command.decision !== "amend" && command.move !== undefined)
    return Either.left(invalidAt("move", "only an amendment carries a move"))
  if (command.decision === "amend") {
    const amended = command.move
    if (amended === undefined) return Either.left(invalidAt("move", "an amendment needs the amended move"))
    if (amended.type !== target.move.type)
      return Either.left(invalidAt("move.type", `an amendment keeps the move's type '${target.move.type}'`))
    if (!mayMake(target.actor, amended.type))
      return Either.left(
        new MoveNotAllowedForRole({
          message: `${target.actor} cannot make a '${amended.type}' move`,
          role: target.actor,
          moveType: amended.type,
        }),
      )
    const unknown = unknownCommitment(amended, state, catalog, "move.commitment")
    if (unknown !== undefined) return Either.left(unknown)
    const effect = applyMove(state.items, target.moveId, amended, state.month)
    if (effect._tag === "Refused")
      return Either.left(new MoveNotApplicable({ message: effect.reason, moveId: target.moveId }))
  }
  return Either.right([
    {
      _tag: "MoveAdjudicated",
      v: 1,
      teamId: target.teamId,
      moveId: target.moveId,
      round: target.round,
      decision: command.decision,
      reason: command.reason,
      ...(command.move === undefined ? {} : { move: command.move }),
    },
  ])
}

/** An observer joins (the route checked the observers' code). */
export const joinObserver = (command: JoinObserver): Decision<never> => {
  const { _tag, ...observer } = command
  return Either.right([{ _tag: "ObserverJoined", v: 1, ...observer }])
}

/** Starts, pauses or resumes the open round's clock; pausing a paused clock (a retry) changes nothing. */
export const setRoundClock = (
  command: SetRoundClock,
  state: ActiveExercise,
): Decision<RoundNotOpen | ClockNotStarted> => {
  const round = state.openRound
  if (round === null)
    return Either.left(
      new RoundNotOpen({ message: "every round is closed", round: state.rounds, openRound: null }),
    )
  const clock = state.roundClock?.round === round ? state.roundClock : undefined
  const set = (running: boolean, remainingMs: number) =>
    Either.right([
      { _tag: "RoundClockSet" as const, v: 1 as const, round, running, remainingMs, at: command.at },
    ])
  switch (command.action) {
    case "start": {
      const seconds = command.seconds ?? state.clock?.seconds
      if (seconds === undefined)
        return Either.left(new ClockNotStarted({ message: "the exercise has no round length: send seconds" }))
      return set(true, seconds * 1000)
    }
    case "pause":
      if (clock === undefined)
        return Either.left(new ClockNotStarted({ message: `round ${round}'s clock has not started` }))
      return clock.running ? set(false, clockRemainingMs(clock, command.at)) : Either.right([])
    case "resume":
      if (clock === undefined)
        return Either.left(new ClockNotStarted({ message: `round ${round}'s clock has not started` }))
      return clock.running ? Either.right([]) : set(true, clock.remainingMs)
  }
}

/** Shows observers the closed rounds up to `round`. */
export const revealRound = (command: RevealRound, state: ActiveExercise): Decision<InvalidInput> => {
  const lastClosed = state.closedRounds.at(-1)?.round ?? 0
  if (command.round > lastClosed)
    return Either.left(
      invalidAt("round", `round ${command.round} has not closed yet (last closed: ${lastClosed})`),
    )
  return command.round <= state.revealedRound
    ? Either.right([])
    : Either.right([{ _tag: "RoundRevealed", v: 1, round: command.round }])
}
