import { SqlClient } from "@effect/sql"
import type { SqlError } from "@effect/sql/SqlError"
import { PgClient } from "@effect/sql-pg"
import { Duration, Effect, PubSub, Schedule, Stream } from "effect"
import { checkExpectedVersion, classifyStoredIds, type EncodedEvent, type StoredId } from "./append-plan.js"
import { type EventStoreService, makeEventStore } from "./event-store-service.js"
import { migratePostgres } from "./postgres-migrations.js"
import type { AppendResult, Checkpoint, ExpectedVersion, RecordedEvent } from "./recorded-event.js"
import type { StoreBackend } from "./store-backend.js"
import { DuplicateEventIds, ExpectedVersionMismatch, StorageFailure } from "./store-errors.js"

/** Options of the PostgreSQL store. */
export interface PostgresStoreOptions {
  /** Connection URL, e.g. `postgres://user@host:5432/db`. */
  readonly url: string
  /** Schema holding the tables (created if missing; default `public`). Lower-case letters, digits, `_`. */
  readonly schema?: string
  /** How often an idle subscription re-reads when no notification arrives (default 1 s). */
  readonly pollInterval?: Duration.DurationInput
  /** Pool size (default 10). */
  readonly maxConnections?: number
}

const COLUMNS =
  "transaction_id::text AS tx, global_position, event_id, stream_id, version, type, v, data, metadata, recorded_at"

interface EventRow {
  readonly tx: string
  readonly global_position: string
  readonly event_id: string
  readonly stream_id: string
  readonly version: string
  readonly type: string
  readonly v: number
  readonly data: unknown
  readonly metadata: unknown
  readonly recorded_at: Date
}

const fromRow = (row: EventRow): RecordedEvent => ({
  eventId: row.event_id,
  streamId: row.stream_id,
  version: Number(row.version),
  globalPosition: Number(row.global_position),
  recordedAt: row.recorded_at,
  type: row.type,
  v: row.v,
  data: row.data,
  metadata: row.metadata,
  checkpoint: `${row.tx}:${row.global_position}` as Checkpoint,
})

const CHECKPOINT = /^(\d+)(?::(\d+))?$/

/** A valid schema name (it is spliced into identifiers, so it is checked, not escaped). */
export const isSchemaName = (name: string) => /^[a-z_][a-z0-9_]{0,62}$/.test(name)

/** The connection URL with the schema first on the search path. */
export const urlWithSchema = (url: string, schema: string) => {
  const parsed = new URL(url)
  parsed.searchParams.set("options", `-c search_path=${schema}`)
  return parsed.toString()
}

const failure = (operation: string) => (error: SqlError) =>
  new StorageFailure({
    operation,
    message: `${error.message}: ${String((error.cause as Error)?.message ?? error.cause)}`,
  })

const isEventIdRace = (error: SqlError) => {
  const cause = error.cause as { code?: string; constraint?: string } | undefined
  return cause?.code === "23505" && cause.constraint === "events_event_id"
}

/** An event store in PostgreSQL, shareable by many instances (LISTEN/NOTIFY, with polling as a fallback). */
export const makePostgresStore = (options: PostgresStoreOptions & { readonly schema: string }) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const pg = yield* PgClient.PgClient
    // Instances starting together may race to create the schema; losing that race is fine.
    yield* sql.unsafe(`CREATE SCHEMA IF NOT EXISTS ${options.schema}`).pipe(
      Effect.catchIf(
        (error) => ["23505", "42P06"].includes(String((error.cause as { code?: string })?.code)),
        () => Effect.void,
      ),
    )
    yield* migratePostgres
    const channel = `accord_events_${options.schema}`
    const appended = yield* PubSub.sliding<void>(1)

    // Other instances announce their commits through NOTIFY; if the listening connection drops, polling
    // still delivers while it reconnects.
    yield* pg.listen(channel).pipe(
      Stream.runForEach(() => PubSub.publish(appended, undefined)),
      Effect.retry(Schedule.spaced(Duration.seconds(1))),
      Effect.forkScoped,
    )

    const moveVersion = (streamId: string, expected: ExpectedVersion, count: number) => {
      const bump =
        expected === "any"
          ? sql.unsafe<{ version: string }>(
              `INSERT INTO streams (stream_id, version) VALUES ($1, $2) ON CONFLICT (stream_id)
               DO UPDATE SET version = streams.version + EXCLUDED.version RETURNING version`,
              [streamId, count],
            )
          : expected === "streamExists"
            ? sql.unsafe<{ version: string }>(
                "UPDATE streams SET version = version + $2 WHERE stream_id = $1 AND version > 0 RETURNING version",
                [streamId, count],
              )
            : expected === "noStream" || expected === 0
              ? sql.unsafe<{ version: string }>(
                  `INSERT INTO streams (stream_id, version) VALUES ($1, $2) ON CONFLICT (stream_id)
                   DO UPDATE SET version = EXCLUDED.version WHERE streams.version = 0 RETURNING version`,
                  [streamId, count],
                )
              : sql.unsafe<{ version: string }>(
                  "UPDATE streams SET version = $3 WHERE stream_id = $1 AND version = $2 RETURNING version",
                  [streamId, expected, expected + count],
                )
      return Effect.flatMap(bump, ([row]) => {
        if (row !== undefined) return Effect.succeed(Number(row.version) - count)
        // Zero rows: the stream is not where the writer expected; report where it is.
        return Effect.flatMap(
          sql.unsafe<{ version: string }>("SELECT version FROM streams WHERE stream_id = $1", [streamId]),
          ([current]) => {
            const actual = current === undefined ? 0 : Number(current.version)
            return Effect.fail(
              checkExpectedVersion(streamId, expected, actual) ??
                new ExpectedVersionMismatch({ stream: streamId, expected, actual }),
            )
          },
        )
      })
    }

    const appendInTransaction = (
      streamId: string,
      expected: ExpectedVersion,
      events: ReadonlyArray<EncodedEvent>,
      recordedAt: Date,
    ): Effect.Effect<AppendResult, ExpectedVersionMismatch | DuplicateEventIds | SqlError> =>
      Effect.gen(function* () {
        if (events.length > 0) {
          const stored = yield* sql.unsafe<{
            event_id: string
            stream_id: string
            version: string
            global_position: string
          }>(
            "SELECT event_id, stream_id, version, global_position FROM events WHERE event_id = ANY($1::text[])",
            [events.map((event) => event.eventId)] as never,
          )
          const retry = classifyStoredIds(
            streamId,
            events,
            stored.map(
              (row): StoredId => ({
                eventId: row.event_id,
                streamId: row.stream_id,
                version: Number(row.version),
                globalPosition: Number(row.global_position),
              }),
            ),
          )
          if (retry instanceof DuplicateEventIds) return yield* retry
          if (retry !== undefined) return retry
        }
        const before = yield* moveVersion(streamId, expected, events.length)
        if (events.length === 0) {
          return { streamId, nextExpectedVersion: before, positions: [], alreadyStored: false }
        }
        const rows = yield* sql.unsafe<{ global_position: string; version: string }>(
          `INSERT INTO events (event_id, stream_id, version, type, v, data, metadata, recorded_at)
           SELECT e.event_id, $1::text, $2::bigint + e.ord, e.type, e.v, e.data::jsonb, e.metadata::jsonb, $3::timestamptz
           FROM unnest($4::text[], $5::text[], $6::int[], $7::text[], $8::text[])
             WITH ORDINALITY AS e(event_id, type, v, data, metadata, ord)
           ORDER BY e.ord
           RETURNING global_position, version`,
          [
            streamId,
            before,
            recordedAt,
            events.map((event) => event.eventId),
            events.map((event) => event.type),
            events.map((event) => event.v),
            events.map((event) => event.data),
            events.map((event) => event.metadata),
          ] as never,
        )
        const positionByVersion = new Map(
          rows.map((row) => [Number(row.version), Number(row.global_position)]),
        )
        // Sent on commit, so listeners read only committed events.
        yield* sql.unsafe("SELECT pg_notify($1::text, $2::text)", [channel, streamId.slice(0, 200) || "-"])
        return {
          streamId,
          nextExpectedVersion: before + events.length,
          positions: events.map((event, i) => ({
            eventId: event.eventId,
            version: before + i + 1,
            globalPosition: positionByVersion.get(before + i + 1) as number,
          })),
          alreadyStored: false,
        }
      })

    const append: StoreBackend["append"] = (streamId, expected, events, recordedAt) => {
      const attempt = sql.withTransaction(appendInTransaction(streamId, expected, events, recordedAt))
      return attempt.pipe(
        // Two identical retries racing: the loser hits the event-id index; run again to answer as a retry.
        Effect.catchIf(
          (error): error is SqlError => error._tag === "SqlError" && isEventIdRace(error),
          () => attempt,
        ),
        Effect.tap((result) => (result.alreadyStored ? Effect.void : PubSub.publish(appended, undefined))),
        Effect.catchTag("SqlError", (error) => Effect.fail(failure("append")(error))),
      )
    }

    const backend: StoreBackend = {
      kind: "postgres",
      pollInterval: Duration.decode(options.pollInterval ?? Duration.seconds(1)),
      appended: PubSub.subscribe(appended),
      append,
      readStream: (streamId, range) => {
        const params: Array<unknown> = [streamId, range.from]
        let where = "stream_id = $1 AND version >= $2"
        if (range.to !== undefined) {
          params.push(range.to)
          where += ` AND version <= $${params.length}`
        }
        if (range.recordedBy !== undefined) {
          params.push(range.recordedBy)
          where += ` AND recorded_at <= $${params.length}`
        }
        return sql
          .unsafe<EventRow>(`SELECT ${COLUMNS} FROM events WHERE ${where} ORDER BY version`, params as never)
          .pipe(
            Effect.map((rows) => rows.map(fromRow)),
            Effect.mapError(failure("readStream")),
          )
      },
      streamVersion: (streamId) =>
        sql.unsafe<{ version: string }>("SELECT version FROM streams WHERE stream_id = $1", [streamId]).pipe(
          Effect.map((rows) => (rows[0] === undefined ? 0 : Number(rows[0].version))),
          Effect.mapError(failure("streamVersion")),
        ),
      readAll: (checkpoint, limit) => {
        const match = CHECKPOINT.exec(checkpoint)
        if (match === null) {
          return Effect.fail(
            new StorageFailure({ operation: "readAll", message: `malformed checkpoint "${checkpoint}"` }),
          )
        }
        return sql
          .unsafe<EventRow>(
            `SELECT ${COLUMNS} FROM events
             WHERE (transaction_id, global_position) > ($1::xid8, $2::bigint)
               AND transaction_id < pg_snapshot_xmin(pg_current_snapshot())
             ORDER BY transaction_id, global_position
             LIMIT $3`,
            [match[1], match[2] ?? "0", limit],
          )
          .pipe(
            Effect.map((rows) => {
              const events = rows.map(fromRow)
              const last = events[events.length - 1]
              return { events, checkpoint: last === undefined ? checkpoint : last.checkpoint }
            }),
            Effect.mapError(failure("readAll")),
          )
      },
    }
    return makeEventStore(backend) satisfies EventStoreService
  })
