import { InvalidInput } from "@accord/domain"
import { ComparisonMismatch, EngineError, RunOutOfRange, SpecDoesNotFitPack } from "@accord/engine"
import { Effect, Schema } from "effect"

/** What a worker thread sends back when a task throws: an engine error as data, anything else as its text. */
export type WorkerFailure = { readonly engineError: typeof EngineError.Encoded } | { readonly defect: string }

const isEngineError = Schema.is(EngineError)

/** In the worker: the thrown value, made fit to cross the thread boundary. */
export const toWorkerFailure = (thrown: unknown): WorkerFailure =>
  isEngineError(thrown)
    ? { engineError: Schema.encodeSync(EngineError)(thrown) }
    : { defect: thrown instanceof Error ? (thrown.stack ?? thrown.message) : String(thrown) }

/** In the main thread: the engine's own tagged class again, or an Error for anything else. */
export const fromWorkerFailure = (failure: WorkerFailure): unknown =>
  "engineError" in failure
    ? Schema.decodeUnknownSync(EngineError)(failure.engineError)
    : new Error(failure.defect)

/**
 * What an engine failure means to a client, the same wherever the engine ran: a spec or comparison
 * the engine refuses is invalid input (decoding should have caught it first); anything else is a defect.
 */
export const clientFailure = (thrown: unknown): Effect.Effect<never, InvalidInput> =>
  thrown instanceof SpecDoesNotFitPack ||
  thrown instanceof ComparisonMismatch ||
  thrown instanceof RunOutOfRange
    ? Effect.fail(new InvalidInput({ message: thrown.message, issues: thrown.issues }))
    : Effect.die(thrown)
