import { ExerciseNotFound, exerciseStreamId } from "@accord/domain"
import { EventStore } from "@accord/event-store"
import { Effect, Schema } from "effect"
import { packById } from "../packs/pack-lookup.js"
import { Simulator } from "../simulation/simulator.js"
import { DebriefRound } from "./exercise-requests.js"
import { active, exerciseCodec, foldRecorded } from "./exercise-stream.js"

/**
 * What a debrief job is asked with: the exercise at a version (its state there never changes) and the round
 * the debrief stops at (the last closed one when left out).
 */
export const DebriefJobRequest = Schema.Struct({
  exerciseId: Schema.String,
  version: Schema.Int,
  round: Schema.optional(Schema.typeSchema(DebriefRound)),
})
export type DebriefJobRequest = typeof DebriefJobRequest.Type

/** The request of a debrief job, as hashed and queued (no `round` key when none was asked for). */
export const debriefJobRequest = (exerciseId: string, version: number, round: number | undefined) =>
  round === undefined ? { exerciseId, version } : { exerciseId, version, round }

/** A debrief job's work: the exercise read as of its version, debriefed by the simulator (the pool when large). */
export const computeDebrief = (request: DebriefJobRequest) =>
  Effect.gen(function* () {
    const store = yield* EventStore
    const stream = exerciseStreamId(request.exerciseId)
    const events = yield* store.readStreamAsOf(stream, { version: request.version }, { codec: exerciseCodec })
    const state = foldRecorded(events)
    if (state._tag === "EmptyExercise") {
      const { exerciseId } = request
      return yield* new ExerciseNotFound({ message: `no exercise '${exerciseId}'`, exerciseId })
    }
    const simulator = yield* Simulator
    return yield* simulator.debrief(packById(state.pack), active(state), request.round)
  })
