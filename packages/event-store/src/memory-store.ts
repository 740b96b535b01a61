import { Duration, Effect, PubSub } from "effect"
import { checkExpectedVersion, classifyStoredIds, type EncodedEvent, type StoredId } from "./append-plan.js"
import { type EventStoreService, makeEventStore } from "./event-store-service.js"
import type { AppendResult, Checkpoint, RecordedEvent } from "./recorded-event.js"
import type { StoreBackend } from "./store-backend.js"
import { DuplicateEventIds, type ExpectedVersionMismatch, StorageFailure } from "./store-errors.js"

/** Options of the in-memory store. */
export interface MemoryStoreOptions {
  /** How often an idle subscription re-reads (appends wake it at once; default 1 s). */
  readonly pollInterval?: Duration.DurationInput
}

interface MemoryRow {
  readonly globalPosition: number
  readonly eventId: string
  readonly streamId: string
  readonly version: number
  readonly type: string
  readonly v: number
  // Kept as JSON text so the memory store has the same copy semantics as the databases.
  readonly data: string
  readonly metadata: string
  readonly recordedAt: number
}

const toRecorded = (row: MemoryRow): RecordedEvent => ({
  eventId: row.eventId,
  streamId: row.streamId,
  version: row.version,
  globalPosition: row.globalPosition,
  recordedAt: new Date(row.recordedAt),
  type: row.type,
  v: row.v,
  data: JSON.parse(row.data),
  metadata: JSON.parse(row.metadata),
  checkpoint: String(row.globalPosition) as Checkpoint,
})

/** Parses a memory/SQLite checkpoint: the global position of the last event read. */
export const positionFromCheckpoint = (
  operation: string,
  checkpoint: Checkpoint,
): Effect.Effect<number, StorageFailure> => {
  const position = Number(checkpoint)
  return Number.isSafeInteger(position) && position >= 0
    ? Effect.succeed(position)
    : Effect.fail(new StorageFailure({ operation, message: `malformed checkpoint "${checkpoint}"` }))
}

/** An event store held in this process's memory (tests, demos); appends are atomic because they are synchronous. */
export const makeMemoryStore = (options: MemoryStoreOptions = {}): Effect.Effect<EventStoreService> =>
  Effect.gen(function* () {
    const log: Array<MemoryRow> = []
    const streams = new Map<string, Array<MemoryRow>>()
    const byId = new Map<string, MemoryRow>()
    const appended = yield* PubSub.sliding<void>(1)
    const counters = new Map<string, { windowStart: number; count: number }>()

    const backend: StoreBackend = {
      kind: "memory",
      pollInterval: Duration.decode(options.pollInterval ?? Duration.seconds(1)),
      appended: PubSub.subscribe(appended),
      append: (streamId, expected, events: ReadonlyArray<EncodedEvent>, recordedAt) =>
        Effect.suspend((): Effect.Effect<AppendResult, ExpectedVersionMismatch | DuplicateEventIds> => {
          const stored: Array<StoredId> = []
          for (const event of events) {
            const row = byId.get(event.eventId)
            if (row !== undefined) stored.push(row)
          }
          const retry = classifyStoredIds(streamId, events, stored)
          if (retry instanceof DuplicateEventIds) return Effect.fail(retry)
          if (retry !== undefined) return Effect.succeed(retry)
          const stream = streams.get(streamId) ?? []
          const conflict = checkExpectedVersion(streamId, expected, stream.length)
          if (conflict !== undefined) return Effect.fail(conflict)
          const positions = events.map((event) => {
            const row: MemoryRow = {
              globalPosition: log.length + 1,
              eventId: event.eventId,
              streamId,
              version: stream.length + 1,
              type: event.type,
              v: event.v,
              data: event.data,
              metadata: event.metadata,
              recordedAt: recordedAt.getTime(),
            }
            log.push(row)
            stream.push(row)
            byId.set(row.eventId, row)
            return { eventId: row.eventId, version: row.version, globalPosition: row.globalPosition }
          })
          if (!streams.has(streamId) && stream.length > 0) streams.set(streamId, stream)
          const result = {
            streamId,
            nextExpectedVersion: stream.length,
            positions,
            alreadyStored: false,
          }
          return Effect.as(PubSub.publish(appended, undefined), result)
        }),
      readStream: (streamId, range) =>
        Effect.sync(() => {
          const stream = streams.get(streamId) ?? []
          const to = Math.min(range.to ?? stream.length, stream.length)
          const out: Array<RecordedEvent> = []
          for (let version = Math.max(range.from, 1); version <= to; version++) {
            const row = stream[version - 1] as MemoryRow
            if (range.recordedBy !== undefined && row.recordedAt > range.recordedBy.getTime()) continue
            out.push(toRecorded(row))
          }
          return out
        }),
      streamVersion: (streamId) => Effect.sync(() => streams.get(streamId)?.length ?? 0),
      countHit: (key, now, windowMs) =>
        Effect.sync(() => {
          for (const [k, c] of counters) if (c.windowStart <= now - windowMs) counters.delete(k)
          const current = counters.get(key)
          const next =
            current === undefined ? { windowStart: now, count: 1 } : { ...current, count: current.count + 1 }
          counters.set(key, next)
          return next
        }),
      readAll: (checkpoint, limit) =>
        Effect.map(positionFromCheckpoint("readAll", checkpoint), (after) => {
          const events = log.slice(after, after + limit).map(toRecorded)
          const last = events[events.length - 1]
          return { events, checkpoint: last === undefined ? checkpoint : last.checkpoint }
        }),
    }
    return makeEventStore(backend)
  })
