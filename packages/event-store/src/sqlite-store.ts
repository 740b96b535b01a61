import { SqlClient } from "@effect/sql"
import type { SqlError } from "@effect/sql/SqlError"
import { Duration, Effect, PubSub } from "effect"
import { checkExpectedVersion, classifyStoredIds, type EncodedEvent, type StoredId } from "./append-plan.js"
import { type EventStoreService, makeEventStore } from "./event-store-service.js"
import { positionFromCheckpoint } from "./memory-store.js"
import type { AppendResult, Checkpoint, RecordedEvent } from "./recorded-event.js"
import { migrateSqlite } from "./sqlite-migrations.js"
import type { StoreBackend } from "./store-backend.js"
import { DuplicateEventIds, type ExpectedVersionMismatch, StorageFailure } from "./store-errors.js"

/** Options of the SQLite store. */
export interface SqliteStoreOptions {
  /** The database file (created if missing). */
  readonly filename: string
  /** How often an idle subscription re-reads, to see other processes' appends (default 250 ms). */
  readonly pollInterval?: Duration.DurationInput
  /**
   * `full` (default) syncs the WAL on every commit: an acknowledged append survives power loss.
   * `normal` survives a crashed process but not a power cut, and appends small batches faster.
   */
  readonly synchronous?: "full" | "normal"
}

const COLUMNS = "global_position, event_id, stream_id, version, type, v, data, metadata, recorded_at"
// SQLite caps bound parameters per statement; 7 per event keeps an insert of 1000 well under it.
const INSERT_CHUNK = 1000

const fromValues = (row: ReadonlyArray<unknown>): RecordedEvent => ({
  globalPosition: row[0] as number,
  eventId: row[1] as string,
  streamId: row[2] as string,
  version: row[3] as number,
  type: row[4] as string,
  v: row[5] as number,
  data: JSON.parse(row[6] as string),
  metadata: JSON.parse(row[7] as string),
  recordedAt: new Date(row[8] as number),
  checkpoint: String(row[0]) as Checkpoint,
})

const failure = (operation: string) => (error: SqlError) =>
  new StorageFailure({
    operation,
    message: `${error.message}: ${String((error.cause as Error)?.message ?? error.cause)}`,
  })

/** An event store in a SQLite file: WAL, one connection, so commit order is global-position order. */
export const makeSqliteStore = (options: SqliteStoreOptions) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    yield* sql.unsafe(`PRAGMA synchronous = ${options.synchronous === "normal" ? "NORMAL" : "FULL"}`)
    yield* migrateSqlite
    const appended = yield* PubSub.sliding<void>(1)

    const insertEvents = (
      streamId: string,
      from: number,
      events: ReadonlyArray<EncodedEvent>,
      recordedAt: number,
    ) =>
      Effect.forEach(
        Array.from({ length: Math.ceil(events.length / INSERT_CHUNK) }, (_, i) => i * INSERT_CHUNK),
        (start) => {
          const chunk = events.slice(start, start + INSERT_CHUNK)
          const params: Array<string | number> = []
          for (let i = 0; i < chunk.length; i++) {
            const event = chunk[i] as EncodedEvent
            params.push(
              event.eventId,
              streamId,
              from + start + i + 1,
              event.type,
              event.v,
              event.data,
              event.metadata,
            )
          }
          const rows = chunk.map(() => `(?, ?, ?, ?, ?, ?, ?, ${recordedAt})`).join(", ")
          return sql
            .unsafe<{ readonly global_position: number }>(
              `INSERT INTO events (event_id, stream_id, version, type, v, data, metadata, recorded_at) VALUES ${rows} RETURNING global_position`,
              params,
            )
            .values.pipe(Effect.map((values) => values.map((row) => row[0] as number)))
        },
      ).pipe(Effect.map((chunks) => chunks.flat()))

    const appendInTransaction = (
      streamId: string,
      expected: Parameters<StoreBackend["append"]>[1],
      events: ReadonlyArray<EncodedEvent>,
      recordedAt: Date,
    ): Effect.Effect<AppendResult, ExpectedVersionMismatch | DuplicateEventIds | SqlError> =>
      Effect.gen(function* () {
        // A write first: the transaction takes SQLite's write lock now (waiting for another process if
        // needed) instead of failing later when a read transaction tries to upgrade.
        yield* sql.unsafe(
          "INSERT INTO streams (stream_id, version) VALUES (?, 0) ON CONFLICT (stream_id) DO NOTHING",
          [streamId],
        )
        if (events.length > 0) {
          const stored = yield* sql.unsafe<StoredId>(
            `SELECT event_id AS eventId, stream_id AS streamId, version, global_position AS globalPosition
             FROM events WHERE event_id IN (${events.map(() => "?").join(", ")})`,
            events.map((event) => event.eventId),
          )
          const retry = classifyStoredIds(streamId, events, stored)
          if (retry instanceof DuplicateEventIds) return yield* retry
          if (retry !== undefined) return retry
        }
        const [current] = yield* sql.unsafe<{ readonly version: number }>(
          "SELECT version FROM streams WHERE stream_id = ?",
          [streamId],
        )
        const actual = current?.version ?? 0
        const conflict = checkExpectedVersion(streamId, expected, actual)
        if (conflict !== undefined) return yield* conflict
        const positions = yield* insertEvents(streamId, actual, events, recordedAt.getTime())
        const version = actual + events.length
        yield* sql.unsafe("UPDATE streams SET version = ? WHERE stream_id = ?", [version, streamId])
        return {
          streamId,
          nextExpectedVersion: version,
          positions: events.map((event, i) => ({
            eventId: event.eventId,
            version: actual + i + 1,
            globalPosition: positions[i] as number,
          })),
          alreadyStored: false,
        }
      })

    const backend: StoreBackend = {
      kind: "sqlite",
      pollInterval: Duration.decode(options.pollInterval ?? Duration.millis(250)),
      appended: PubSub.subscribe(appended),
      append: (streamId, expected, events, recordedAt) =>
        sql.withTransaction(appendInTransaction(streamId, expected, events, recordedAt)).pipe(
          Effect.tap((result) => (result.alreadyStored ? Effect.void : PubSub.publish(appended, undefined))),
          Effect.catchTag("SqlError", (error) => Effect.fail(failure("append")(error))),
        ),
      readStream: (streamId, range) => {
        const params: Array<string | number> = [streamId, range.from]
        let where = "stream_id = ? AND version >= ?"
        if (range.to !== undefined) {
          where += " AND version <= ?"
          params.push(range.to)
        }
        if (range.recordedBy !== undefined) {
          where += " AND recorded_at <= ?"
          params.push(range.recordedBy.getTime())
        }
        return sql
          .unsafe(`SELECT ${COLUMNS} FROM events WHERE ${where} ORDER BY version`, params)
          .values.pipe(
            Effect.map((rows) => rows.map(fromValues)),
            Effect.mapError(failure("readStream")),
          )
      },
      streamVersion: (streamId) =>
        sql
          .unsafe<{ readonly version: number }>("SELECT version FROM streams WHERE stream_id = ?", [streamId])
          .pipe(
            Effect.map((rows) => rows[0]?.version ?? 0),
            Effect.mapError(failure("streamVersion")),
          ),
      readAll: (checkpoint, limit) =>
        Effect.flatMap(positionFromCheckpoint("readAll", checkpoint), (after) =>
          sql
            .unsafe(
              `SELECT ${COLUMNS} FROM events WHERE global_position > ? ORDER BY global_position LIMIT ?`,
              [after, limit],
            )
            .values.pipe(
              Effect.map((rows) => {
                const events = rows.map(fromValues)
                const last = events[events.length - 1]
                return { events, checkpoint: last === undefined ? checkpoint : last.checkpoint }
              }),
              Effect.mapError(failure("readAll")),
            ),
        ),
    }
    return makeEventStore(backend) satisfies EventStoreService
  })
