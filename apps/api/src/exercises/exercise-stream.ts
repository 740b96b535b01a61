import {
  type ActiveExercise,
  type ExerciseCommand,
  type ExerciseEvent,
  ExerciseEvent as ExerciseEventSchema,
  ExerciseNotFound,
  type ExerciseState,
  eventTypesOf,
  exerciseDecider,
  exerciseStreamId,
  packCatalog,
} from "@accord/domain"
import { Effect } from "effect"
import {
  codecOf,
  decided,
  executeCommand,
  foldRecorded as foldStream,
  readFolded,
  type StreamKind,
} from "../streams/stream-command.js"

export const decider = exerciseDecider(packCatalog)

/** Exercise streams: exercise events, folded by the exercise decider. */
export const exerciseKind: StreamKind<ExerciseState, ExerciseEvent> = {
  name: "an exercise event",
  types: eventTypesOf(ExerciseEventSchema) as ReadonlyArray<ExerciseEvent["_tag"]>,
  initialState: decider.initialState,
  evolve: decider.evolve,
}

/** Reads exercise events on the way out of the store (upcast, then decoded). */
export const exerciseCodec = codecOf(exerciseKind)

/** Folds recorded events onto a state. */
export const foldRecorded = (
  events: Parameters<typeof foldStream<ExerciseState, ExerciseEvent>>[1],
  from: ExerciseState = decider.initialState,
): ExerciseState => foldStream(exerciseKind, events, from)

/** Reads an exercise and folds it; ExerciseNotFound for an empty stream. */
export const loadExercise = (exerciseId: string) =>
  Effect.gen(function* () {
    const { state, events } = yield* readFolded(exerciseKind, exerciseStreamId(exerciseId))
    if (state._tag === "EmptyExercise")
      return yield* new ExerciseNotFound({ message: `no exercise '${exerciseId}'`, exerciseId })
    return { state, events }
  })

/**
 * Decides a command on the exercise's current state (see executeCommand). `prepare` may compute the
 * command from the state just read (closing a round projects outcomes from it). Returns the state after
 * the command and the events it produced.
 */
export const executeExerciseCommand = <E>(
  exerciseId: string,
  prepare: (state: ExerciseState) => Effect.Effect<ExerciseCommand, E>,
) =>
  Effect.map(
    executeCommand(exerciseKind, exerciseStreamId(exerciseId), {
      decide: (state) => Effect.flatMap(prepare(state), (command) => decided(decider.decide(command, state))),
    }),
    (outcome) => ({ state: outcome.after, produced: outcome.produced }),
  )

/** Narrows a state known to exist. */
export const active = (state: ExerciseState): ActiveExercise => state as ActiveExercise
