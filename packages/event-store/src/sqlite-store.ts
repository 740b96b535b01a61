import { mkdirSync } from "node:fs"
import { dirname } from "node:path"
import { SqliteClient } from "@effect/sql-sqlite-node"
import Database from "better-sqlite3"
import { Duration, Effect, Layer, PubSub, type Scope } from "effect"
import { checkExpectedVersion, classifyStoredIds, type EncodedEvent, type StoredId } from "./append-plan.js"
import { type EventStoreService, makeEventStore } from "./event-store-service.js"
import { positionFromCheckpoint } from "./memory-store.js"
import type { AppendResult, Checkpoint, ExpectedVersion, RecordedEvent } from "./recorded-event.js"
import { migrateSqlite } from "./sqlite-migrations.js"
import type { StoreBackend, StreamRange } from "./store-backend.js"
import { DuplicateEventIds, ExpectedVersionMismatch, StorageFailure } from "./store-errors.js"

/** Options of the SQLite store. */
export interface SqliteStoreOptions {
  /** The database file (created with its folder if missing). */
  readonly filename: string
  /** How often an idle subscription re-reads, to see other processes' appends (default 250 ms). */
  readonly pollInterval?: Duration.DurationInput
  /**
   * `normal` (default): an acknowledged append survives the process crashing or being killed; a power cut
   * may lose the last commits (never corrupt the file). `full` syncs the WAL on every commit and survives
   * power loss, at the cost of one disk flush per append.
   */
  readonly synchronous?: "normal" | "full"
  /** How long an append waits for another process holding the write lock (default 5 s). */
  readonly busyTimeout?: Duration.DurationInput
}

const COLUMNS = "global_position, event_id, stream_id, version, type, v, data, metadata, recorded_at"

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

const failure = (operation: string) => (cause: unknown) =>
  new StorageFailure({ operation, message: cause instanceof Error ? cause.message : String(cause) })

// Migrations go through @effect/sql's migrator (shared format with PostgreSQL) on a short-lived connection.
const migrate = (filename: string) =>
  Effect.scoped(
    Effect.flatMap(Layer.build(SqliteClient.layer({ filename })), (context) =>
      Effect.provide(migrateSqlite, context),
    ),
  ).pipe(Effect.mapError(failure("migrate")))

/**
 * An event store in a SQLite file. One connection does every write in a `BEGIN IMMEDIATE` transaction, so
 * writers (also in other processes) take turns and commit order is global-position order. Statements run
 * synchronously through better-sqlite3: an append is one short critical section, without awaits inside.
 */
export const openSqliteStore = (
  options: SqliteStoreOptions,
): Effect.Effect<EventStoreService, StorageFailure, Scope.Scope> =>
  Effect.gen(function* () {
    if (options.filename !== ":memory:") {
      yield* Effect.try({
        try: () => mkdirSync(dirname(options.filename), { recursive: true }),
        catch: failure("open"),
      })
    }
    yield* migrate(options.filename)
    const db = yield* Effect.acquireRelease(
      Effect.try({ try: () => new Database(options.filename), catch: failure("open") }),
      (db) => Effect.sync(() => db.close()),
    )
    db.pragma("journal_mode = WAL")
    db.pragma(`synchronous = ${options.synchronous === "full" ? "FULL" : "NORMAL"}`)
    db.pragma(
      `busy_timeout = ${Duration.toMillis(Duration.decode(options.busyTimeout ?? Duration.seconds(5)))}`,
    )
    const appended = yield* PubSub.sliding<void>(1)

    const storedIds = db.prepare<[string], StoredId>(
      `SELECT event_id AS eventId, stream_id AS streamId, version, global_position AS globalPosition
       FROM events WHERE event_id IN (SELECT value FROM json_each(?))`,
    )
    const streamVersion = db.prepare<[string], { version: number }>(
      "SELECT version FROM streams WHERE stream_id = ?",
    )
    const saveVersion = db.prepare<[string, number]>(
      "INSERT INTO streams (stream_id, version) VALUES (?, ?) ON CONFLICT (stream_id) DO UPDATE SET version = excluded.version",
    )
    const insertEvent = db.prepare<[string, string, number, string, number, string, string, number]>(
      `INSERT INTO events (event_id, stream_id, version, type, v, data, metadata, recorded_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    const dropCounters = db.prepare<[number]>("DELETE FROM rate_counters WHERE window_start <= ?")
    // A counter whose window has passed restarts at `now`; otherwise it counts on (one statement, atomic).
    const hitCounter = db.prepare<
      [{ key: string; now: number; windowMs: number }],
      { count: number; windowStart: number }
    >(
      `INSERT INTO rate_counters AS c (key, window_start, count) VALUES (@key, @now, 1)
       ON CONFLICT (key) DO UPDATE SET
         count = CASE WHEN c.window_start <= @now - @windowMs THEN 1 ELSE c.count + 1 END,
         window_start = CASE WHEN c.window_start <= @now - @windowMs THEN @now ELSE c.window_start END
       RETURNING count, window_start AS windowStart`,
    )
    const countHit = db.transaction((key: string, now: number, windowMs: number) => {
      dropCounters.run(now - 10 * windowMs)
      return hitCounter.get({ key, now, windowMs }) as { count: number; windowStart: number }
    })
    const readAllPage = db
      .prepare<[number, number]>(
        `SELECT ${COLUMNS} FROM events WHERE global_position > ? ORDER BY global_position LIMIT ?`,
      )
      .raw(true)
    const streamQueries = new Map<string, Database.Statement<Array<unknown>, unknown>>()
    const streamQuery = (range: StreamRange) => {
      const where = [
        "stream_id = ? AND version >= ?",
        ...(range.to === undefined ? [] : ["version <= ?"]),
        ...(range.recordedBy === undefined ? [] : ["recorded_at <= ?"]),
      ].join(" AND ")
      let statement = streamQueries.get(where)
      if (statement === undefined) {
        statement = db.prepare(`SELECT ${COLUMNS} FROM events WHERE ${where} ORDER BY version`).raw(true)
        streamQueries.set(where, statement)
      }
      return statement
    }

    const appendBatch = db.transaction(
      (
        streamId: string,
        expected: ExpectedVersion,
        events: ReadonlyArray<EncodedEvent>,
        recordedAt: number,
      ): AppendResult | ExpectedVersionMismatch | DuplicateEventIds => {
        if (events.length > 0) {
          const stored = storedIds.all(JSON.stringify(events.map((event) => event.eventId)))
          const retry = classifyStoredIds(streamId, events, stored)
          if (retry !== undefined) return retry
        }
        const actual = streamVersion.get(streamId)?.version ?? 0
        const conflict = checkExpectedVersion(streamId, expected, actual)
        if (conflict !== undefined) return conflict
        // Checks come before any write, so returning a refusal above leaves nothing to roll back.
        const positions = events.map((event, i) => {
          const info = insertEvent.run(
            event.eventId,
            streamId,
            actual + i + 1,
            event.type,
            event.v,
            event.data,
            event.metadata,
            recordedAt,
          )
          return {
            eventId: event.eventId,
            version: actual + i + 1,
            globalPosition: Number(info.lastInsertRowid),
          }
        })
        if (events.length > 0) saveVersion.run(streamId, actual + events.length)
        return { streamId, nextExpectedVersion: actual + events.length, positions, alreadyStored: false }
      },
    )

    const backend: StoreBackend = {
      kind: "sqlite",
      pollInterval: Duration.decode(options.pollInterval ?? Duration.millis(250)),
      appended: PubSub.subscribe(appended),
      append: (streamId, expected, events, recordedAt) =>
        Effect.try({
          try: () => appendBatch.immediate(streamId, expected, events, recordedAt.getTime()),
          catch: failure("append"),
        }).pipe(
          Effect.flatMap((outcome) =>
            outcome instanceof ExpectedVersionMismatch || outcome instanceof DuplicateEventIds
              ? Effect.fail(outcome)
              : outcome.alreadyStored
                ? Effect.succeed(outcome)
                : Effect.as(PubSub.publish(appended, undefined), outcome),
          ),
        ),
      readStream: (streamId, range) =>
        Effect.try({
          try: () => {
            const params: Array<string | number> = [streamId, range.from]
            if (range.to !== undefined) params.push(range.to)
            if (range.recordedBy !== undefined) params.push(range.recordedBy.getTime())
            return (streamQuery(range).all(...params) as Array<Array<unknown>>).map(fromValues)
          },
          catch: failure("readStream"),
        }),
      streamVersion: (streamId) =>
        Effect.try({ try: () => streamVersion.get(streamId)?.version ?? 0, catch: failure("streamVersion") }),
      countHit: (key, now, windowMs) =>
        Effect.try({
          try: () => countHit.immediate(key, now, windowMs),
          catch: failure("countHit"),
        }),
      readAll: (checkpoint, limit) =>
        Effect.flatMap(positionFromCheckpoint("readAll", checkpoint), (after) =>
          Effect.try({
            try: () => {
              const events = (readAllPage.all(after, limit) as Array<Array<unknown>>).map(fromValues)
              const last = events[events.length - 1]
              return { events, checkpoint: last === undefined ? checkpoint : last.checkpoint }
            },
            catch: failure("readAll"),
          }),
        ),
    }
    return makeEventStore(backend) satisfies EventStoreService
  })
