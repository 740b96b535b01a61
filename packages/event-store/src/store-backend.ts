import type { Duration, Effect, Queue, Scope } from "effect"
import type { EncodedEvent } from "./append-plan.js"
import type {
  AppendResult,
  Checkpoint,
  ExpectedVersion,
  RecordedEvent,
  StoreBackendKind,
} from "./recorded-event.js"
import type { DuplicateEventIds, ExpectedVersionMismatch, StorageFailure } from "./store-errors.js"

/** Which events of a stream to read: versions `from..to` (inclusive), optionally only those recorded by a time. */
export interface StreamRange {
  readonly from: number
  readonly to: number | undefined
  readonly recordedBy: Date | undefined
}

/** What one storage engine provides; `makeEventStore` builds the public service on top. */
export interface StoreBackend {
  readonly kind: StoreBackendKind
  readonly append: (
    streamId: string,
    expected: ExpectedVersion,
    events: ReadonlyArray<EncodedEvent>,
    recordedAt: Date,
  ) => Effect.Effect<AppendResult, ExpectedVersionMismatch | DuplicateEventIds | StorageFailure>
  readonly readStream: (
    streamId: string,
    range: StreamRange,
  ) => Effect.Effect<ReadonlyArray<RecordedEvent>, StorageFailure>
  readonly streamVersion: (streamId: string) => Effect.Effect<number, StorageFailure>
  readonly readAll: (
    checkpoint: Checkpoint,
    limit: number,
  ) => Effect.Effect<
    { readonly events: ReadonlyArray<RecordedEvent>; readonly checkpoint: Checkpoint },
    StorageFailure
  >
  /**
   * Adds one to the counter `key` at `now` (epoch ms), atomically across every process on the
   * database: a counter whose window of `windowMs` has passed starts again at 1 with its window at
   * `now`. Answers the count and the window's start; counters long expired are dropped on the way.
   */
  readonly countHit: (
    key: string,
    now: number,
    windowMs: number,
  ) => Effect.Effect<{ readonly count: number; readonly windowStart: number }, StorageFailure>
  /** A queue that receives a signal after appends (in-process or announced by the database). */
  readonly appended: Effect.Effect<Queue.Dequeue<void>, never, Scope.Scope>
  /** How often a live subscription re-reads without a signal (covers writers a signal cannot reach). */
  readonly pollInterval: Duration.Duration
}
