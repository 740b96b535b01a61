import { randomUUID } from "node:crypto"
import {
  type ActiveExercise,
  type ExerciseCommand,
  type ExerciseEvent,
  ExerciseEvent as ExerciseEventSchema,
  ExerciseNotFound,
  type ExerciseState,
  exerciseDecider,
  exerciseStreamId,
  foldEvents,
  packCatalog,
} from "@accord/domain"
import { EventStore, type RecordedEvent, schemaCodec } from "@accord/event-store"
import { Effect, Either, Random, Schema } from "effect"

/** Reads and validates exercise events on the way out of the store. */
export const exerciseCodec = schemaCodec(ExerciseEventSchema)

export const decider = exerciseDecider(packCatalog)
const encode = Schema.encodeSync(ExerciseEventSchema)

/** Folds recorded events onto a state. */
export const foldRecorded = (
  events: ReadonlyArray<RecordedEvent<ExerciseEvent>>,
  from: ExerciseState = decider.initialState,
): ExerciseState =>
  foldEvents(
    decider,
    events.map((e) => e.data),
    from,
  )

/** Reads an exercise and folds it; ExerciseNotFound for an empty stream. */
export const loadExercise = (exerciseId: string) =>
  Effect.gen(function* () {
    const store = yield* EventStore
    const events = yield* store.readStream(exerciseStreamId(exerciseId), { codec: exerciseCodec })
    const state = foldRecorded(events)
    if (state._tag === "EmptyExercise")
      return yield* new ExerciseNotFound({ message: `no exercise '${exerciseId}'`, exerciseId })
    return { state, events }
  })

const toNewEvent = (event: ExerciseEvent) => {
  const data = encode(event)
  return { eventId: randomUUID(), type: event._tag, v: event.v, data }
}

// Concurrent writers (teams, instances) race on the stream version; the loser reads again and re-decides,
// after a short random pause so that a crowd of writers spreads out instead of colliding again.
const MAX_ATTEMPTS = 40
const backoff = (attempt: number) =>
  Effect.flatMap(Random.nextIntBetween(0, 5 * Math.min(attempt, 10) + 1), (ms) => Effect.sleep(ms))

/**
 * Decides a command against the exercise's current state and appends the
 * events, retrying on a concurrent append. `prepare` may compute the command
 * from the state just read (closing a round projects outcomes from it).
 * Returns the state after the command and the events it produced.
 */
export const executeExerciseCommand = <E>(
  exerciseId: string,
  prepare: (state: ExerciseState) => Effect.Effect<ExerciseCommand, E>,
) =>
  Effect.gen(function* () {
    const store = yield* EventStore
    const stream = exerciseStreamId(exerciseId)
    for (let attempt = 1; ; attempt++) {
      const events = yield* store.readStream(stream, { codec: exerciseCodec })
      const state = foldRecorded(events)
      const command = yield* prepare(state)
      const decided = decider.decide(command, state)
      if (Either.isLeft(decided)) return yield* Effect.fail(decided.left)
      if (decided.right.length === 0) return { state, produced: [] as ReadonlyArray<ExerciseEvent> }
      const appended = yield* store
        .append(stream, state.version === 0 ? "noStream" : state.version, decided.right.map(toNewEvent))
        .pipe(
          Effect.map(() => true),
          Effect.catchTag("ExpectedVersionMismatch", (conflict) =>
            attempt < MAX_ATTEMPTS ? Effect.as(backoff(attempt), false) : Effect.fail(conflict),
          ),
        )
      if (appended) {
        return { state: foldEvents(decider, decided.right, state), produced: decided.right }
      }
    }
  })

/** Narrows a state known to exist. */
export const active = (state: ExerciseState): ActiveExercise => state as ActiveExercise
