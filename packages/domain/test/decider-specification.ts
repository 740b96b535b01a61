import { Either } from "effect"
import { expect } from "vitest"
import { type Decider, foldEvents } from "../src/decider.js"

/**
 * Given / when / then for deciders, so a domain test reads in three lines:
 * `given([created]).when(addIntervention).thenEvents([interventionAdded])`.
 */
export const deciderSpecification = <S, C, E, Err extends { readonly _tag: string }>(
  decider: Decider<S, C, E, Err>,
) => ({
  given: (events: ReadonlyArray<E>) => ({
    when: (command: C) => {
      const state = foldEvents(decider, events)
      const result = decider.decide(command, state)
      return {
        /** Expects exactly these events. */
        thenEvents: (expected: ReadonlyArray<E>): void => {
          if (Either.isLeft(result))
            throw new Error(`expected events, got ${result.left._tag}: ${String(result.left)}`)
          expect(result.right).toEqual(expected)
        },
        /** Expects a refusal with this tag; returns the error for further checks. */
        thenFails: (tag: Err["_tag"]): Err => {
          if (Either.isRight(result))
            throw new Error(`expected ${tag}, got events ${JSON.stringify(result.right)}`)
          expect(result.left._tag).toBe(tag)
          return result.left
        },
        /** The state after folding the decided events (for checks on evolve). */
        thenState: (): S => {
          if (Either.isLeft(result)) throw new Error(`expected events, got ${result.left._tag}`)
          return foldEvents(decider, result.right, state)
        },
      }
    },
  }),
})
