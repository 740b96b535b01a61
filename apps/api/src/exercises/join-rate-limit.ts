import { EventStore } from "@accord/event-store"
import { Clock, Effect } from "effect"

/** How many join attempts a window allows, per exercise and per client address. */
export interface JoinLimits {
  readonly perExercise: number
  readonly perAddress: number
  readonly windowMs: number
}

/** A classroom joins a handful of teams; a guesser needs millions of tries against a 49-bit code. */
export const defaultJoinLimits: JoinLimits = { perExercise: 20, perAddress: 30, windowMs: 60_000 }

/**
 * Counts a join attempt (successful or not) against the exercise's and the
 * address's limits and answers the seconds to wait when over one (0 when
 * allowed). The counters are fixed windows kept in the event store's own
 * database (SQLite file or PostgreSQL), so every instance on one database
 * shares them: three instances allow the same attempts as one. The store is
 * already the one thing every instance shares; Redis would be a second
 * service to run and secure for a counter the database keeps in one
 * statement (docs/reliability.md).
 */
export const countJoinAttempt = (limits: JoinLimits, exerciseId: string, address: string) =>
  Effect.gen(function* () {
    const store = yield* EventStore
    const [exercise, client] = yield* Effect.all([
      store.countHit(`join:exercise:${exerciseId}`, limits.windowMs),
      store.countHit(`join:address:${address}`, limits.windowMs),
    ])
    const over = [
      ...(exercise.count > limits.perExercise ? [exercise.resetsAt] : []),
      ...(client.count > limits.perAddress ? [client.resetsAt] : []),
    ]
    if (over.length === 0) return 0
    const now = yield* Clock.currentTimeMillis
    return Math.max(1, Math.ceil((Math.max(...over) - now) / 1000))
  })
