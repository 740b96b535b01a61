import { Chunk, Clock, Effect, Either, Queue, Stream } from "effect"
import { encodeBatch } from "./append-plan.js"
import { decodeAll, type EventCodec, rawCodec } from "./event-codec.js"
import type {
  AppendResult,
  Checkpoint,
  ExpectedVersion,
  NewEvent,
  ReadAllPage,
  RecordedEvent,
  StoreBackendKind,
} from "./recorded-event.js"
import type { StoreBackend } from "./store-backend.js"
import {
  type DuplicateEventIds,
  type EventDecodeError,
  type ExpectedVersionMismatch,
  StorageFailure,
} from "./store-errors.js"

/** Options for reads that decode: without a codec, `data` is returned as stored. */
export interface DecodeOptions<E> {
  readonly codec?: EventCodec<E>
}

/** A version range of one stream (inclusive; versions start at 1). */
export interface ReadStreamOptions<E> extends DecodeOptions<E> {
  readonly from?: number
  readonly to?: number
}

/** A past state of a stream: up to a version, or everything recorded at or before a time. */
export type AsOf = { readonly version: number } | { readonly recordedAt: Date }

/** Options of a live subscription. */
export interface SubscribeOptions<E> extends DecodeOptions<E> {
  /** Events fetched per read while catching up (default 1000). */
  readonly batchSize?: number
}

/** The event store: append with optimistic concurrency, read streams and the global log, follow it live. */
export interface EventStoreService {
  readonly backend: StoreBackendKind
  /** Appends a batch atomically if the stream is at `expected`; a retry with stored ids returns the original positions. */
  readonly append: (
    streamId: string,
    expected: ExpectedVersion,
    events: ReadonlyArray<NewEvent>,
  ) => Effect.Effect<AppendResult, ExpectedVersionMismatch | DuplicateEventIds | StorageFailure>
  /** Reads a stream's events in version order. */
  readonly readStream: <E = unknown>(
    streamId: string,
    options?: ReadStreamOptions<E>,
  ) => Effect.Effect<ReadonlyArray<RecordedEvent<E>>, EventDecodeError | StorageFailure>
  /** Reads a stream as it was at a version or at a recorded time. */
  readonly readStreamAsOf: <E = unknown>(
    streamId: string,
    asOf: AsOf,
    options?: DecodeOptions<E>,
  ) => Effect.Effect<ReadonlyArray<RecordedEvent<E>>, EventDecodeError | StorageFailure>
  /** The stream's current version (0 when it has no events). */
  readonly streamVersion: (streamId: string) => Effect.Effect<number, StorageFailure>
  /** Reads up to `limit` events of the global log after `checkpoint`, never skipping one. */
  readonly readAll: <E = unknown>(
    checkpoint: Checkpoint,
    limit: number,
    options?: DecodeOptions<E>,
  ) => Effect.Effect<ReadAllPage<E>, EventDecodeError | StorageFailure>
  /**
   * Counts one hit on `key` in its window of `windowMs` (a window opens with the first hit after the
   * last one ended) and answers the window's count and when it resets, shared by every instance on
   * the database. Not an event: rate limits (join attempts) live beside the log, in the same database.
   */
  readonly countHit: (
    key: string,
    windowMs: number,
  ) => Effect.Effect<{ readonly count: number; readonly resetsAt: number }, StorageFailure>
  /** Every event after `checkpoint`: the stored ones first, then live ones as they are appended. */
  readonly subscribe: <E = unknown>(
    checkpoint: Checkpoint,
    options?: SubscribeOptions<E>,
  ) => Stream.Stream<RecordedEvent<E>, EventDecodeError | StorageFailure>
}

const decodeWith = <E>(codec: EventCodec<E> | undefined, events: ReadonlyArray<RecordedEvent>) => {
  const decoded = decodeAll((codec ?? rawCodec) as EventCodec<E>, events)
  return Either.isRight(decoded) ? Effect.succeed(decoded.right) : Effect.fail(decoded.left)
}

// A past state is a prefix of the stream: if a clock stepped back, stop at the first missing version.
const statePrefix = (events: ReadonlyArray<RecordedEvent>): ReadonlyArray<RecordedEvent> => {
  const gap = events.findIndex((event, i) => event.version !== i + 1)
  return gap === -1 ? events : events.slice(0, gap)
}

/** Builds the public service over a backend: encoding, the clock, decoding and subscriptions live here once. */
export const makeEventStore = (backend: StoreBackend): EventStoreService => {
  const append: EventStoreService["append"] = (streamId, expected, events) =>
    Effect.suspend(() => {
      const encoded = encodeBatch(streamId, events)
      if (!Array.isArray(encoded)) return Effect.fail(encoded as DuplicateEventIds | StorageFailure)
      return Effect.flatMap(Clock.currentTimeMillis, (now) =>
        backend.append(streamId, expected, encoded, new Date(now)),
      )
    })

  const readStream = <E>(streamId: string, options?: ReadStreamOptions<E>) =>
    Effect.flatMap(
      backend.readStream(streamId, { from: options?.from ?? 1, to: options?.to, recordedBy: undefined }),
      (events) => decodeWith(options?.codec, events),
    )

  const readStreamAsOf = <E>(streamId: string, asOf: AsOf, options?: DecodeOptions<E>) =>
    Effect.flatMap(
      backend.readStream(
        streamId,
        "version" in asOf
          ? { from: 1, to: asOf.version, recordedBy: undefined }
          : { from: 1, to: undefined, recordedBy: asOf.recordedAt },
      ),
      (events) => decodeWith(options?.codec, statePrefix(events)),
    )

  const readAll = <E>(checkpoint: Checkpoint, limit: number, options?: DecodeOptions<E>) =>
    limit < 1
      ? Effect.fail(
          new StorageFailure({ operation: "readAll", message: `limit must be positive, got ${limit}` }),
        )
      : Effect.flatMap(backend.readAll(checkpoint, limit), (page) =>
          Effect.map(decodeWith(options?.codec, page.events), (events) => ({
            events,
            checkpoint: page.checkpoint,
          })),
        )

  const subscribe = <E>(from: Checkpoint, options?: SubscribeOptions<E>) =>
    Stream.unwrapScoped(
      Effect.gen(function* () {
        // Listen before the first read, so an append between that read and the wait still wakes us.
        const signals = yield* backend.appended
        const batchSize = options?.batchSize ?? 1000
        let checkpoint = from
        const waitForAppend = Effect.race(Queue.take(signals), Effect.sleep(backend.pollInterval)).pipe(
          Effect.zipRight(Queue.takeAll(signals)),
        )
        const nextBatch: Effect.Effect<
          Chunk.Chunk<RecordedEvent<E>>,
          EventDecodeError | StorageFailure
        > = Effect.suspend(() =>
          Effect.flatMap(readAll<E>(checkpoint, batchSize, options), (page) => {
            if (page.events.length === 0) return Effect.zipRight(waitForAppend, nextBatch)
            checkpoint = page.checkpoint
            return Effect.succeed(Chunk.unsafeFromArray(page.events as Array<RecordedEvent<E>>))
          }),
        )
        return Stream.repeatEffectChunk(nextBatch)
      }),
    )

  const countHit: EventStoreService["countHit"] = (key, windowMs) =>
    Effect.flatMap(Clock.currentTimeMillis, (now) =>
      Effect.map(backend.countHit(key, now, windowMs), ({ count, windowStart }) => ({
        count,
        resetsAt: windowStart + windowMs,
      })),
    )

  return {
    backend: backend.kind,
    countHit,
    append,
    readStream,
    readStreamAsOf,
    streamVersion: backend.streamVersion,
    readAll,
    subscribe,
  }
}
