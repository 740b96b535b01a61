import { type ExerciseCommand, getPack, RoundNotOpen, roundIsDue } from "@accord/domain"
import { Clock, Effect } from "effect"
import { Simulator } from "../simulation/simulator.js"
import { active, executeExerciseCommand } from "./exercise-stream.js"

/**
 * Closes the exercise's open round (or `round`, when the caller names it so
 * that a retry fails with 409 instead of closing the next one). The outcomes
 * are projected by the simulator service (work ceiling, cache, worker pool),
 * not on the event loop. Answers the state after the close and its events.
 */
export const closeExerciseRound = (id: string, requested: number | undefined) =>
  Effect.gen(function* () {
    const simulator = yield* Simulator
    // The round is fixed by the first read: a retry after a concurrent move closes the same round or fails.
    let round = requested
    return yield* executeExerciseCommand(id, (read) =>
      Effect.gen(function* () {
        const exercise = active(read)
        round ??= exercise.openRound ?? exercise.rounds
        const pack = getPack(exercise.pack)
        const outcomes =
          pack === undefined || exercise.openRound !== round
            ? { horizonMonth: exercise.horizonMonths, reportHash: "", indicators: [] }
            : yield* simulator.projectRound(pack, exercise)
        return { _tag: "CloseRound", round, outcomes } satisfies ExerciseCommand
      }),
    )
  })

/** Closes a round as POST …/rounds/close asks: what it applied and projected, or RoundNotOpen. */
export const closeRound = (id: string, requested: number | undefined) =>
  Effect.gen(function* () {
    const { state, produced } = yield* closeExerciseRound(id, requested)
    const exercise = active(state)
    const closed = produced.find((e) => e._tag === "RoundClosed")
    if (closed === undefined || closed._tag !== "RoundClosed") {
      const open = exercise.openRound
      const round = requested ?? open ?? exercise.rounds
      const message = `round ${round} is not open${open === null ? ": every round is closed" : `; round ${open} is`}`
      return yield* new RoundNotOpen({ message, round, openRound: open })
    }
    return {
      round: closed.round,
      month: closed.month,
      openRound: exercise.openRound,
      applied: closed.applied,
      voided: closed.voided,
      outcomes: closed.outcomes,
    }
  })

/**
 * Closes the open round when its clock ran out and the facilitator chose
 * auto-close: any read of the exercise after the deadline does it (whichever
 * instance serves it; a second closer gets 409 and is ignored), so no timer
 * has to survive restarts. Answers whether it closed one.
 */
export const closeIfDue = (id: string, state: Parameters<typeof roundIsDue>[0]) =>
  Effect.gen(function* () {
    const now = yield* Clock.currentTimeMillis
    if (!roundIsDue(state, now) || state.openRound === null) return false
    return yield* closeExerciseRound(id, state.openRound).pipe(
      Effect.as(true),
      Effect.catchTags({
        RoundAlreadyClosed: () => Effect.succeed(false),
        RoundNotOpen: () => Effect.succeed(false),
      }),
    )
  })
