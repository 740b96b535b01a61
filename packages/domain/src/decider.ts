import type { Either } from "effect"

/**
 * A stream's behaviour as three pure things (the Emmett decider): where a stream
 * starts, how an event changes its state, and which events a command produces
 * in a given state (or why it is refused). No I/O, no clock: commands carry
 * whatever time or ids they need.
 */
export interface Decider<S, C, E, Err> {
  readonly initialState: S
  readonly evolve: (state: S, event: E) => S
  readonly decide: (command: C, state: S) => Either.Either<ReadonlyArray<E>, Err>
}

/** Folds events onto a state (by default the stream's initial state). */
export const foldEvents = <S, C, E, Err>(
  decider: Decider<S, C, E, Err>,
  events: Iterable<E>,
  from: S = decider.initialState,
): S => {
  let state = from
  for (const event of events) state = decider.evolve(state, event)
  return state
}
