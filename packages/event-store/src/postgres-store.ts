import { SqlClient } from "@effect/sql"
import type { SqlError } from "@effect/sql/SqlError"
import { PgClient } from "@effect/sql-pg"
import { Duration, Effect, Layer, PubSub, Redacted, Schedule, type Scope, Stream } from "effect"
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
const isSchemaName = (name: string) => /^[a-z_][a-z0-9_]{0,62}$/.test(name)

/** The connection URL with the schema first on the search path. */
const urlWithSchema = (url: string, schema: string) => {
  const parsed = new URL(url)
  parsed.searchParams.set("options", `-c search_path=${schema}`)
  return parsed.toString()
}

/** A store failure; a SqlError's own message ("Failed to execute statement") says nothing without its cause's. */
const failure =
  (operation: string) =>
  (error: { readonly message: string; readonly cause?: unknown }): StorageFailure =>
    new StorageFailure({
      operation,
      message:
        error.cause === undefined
          ? error.message
          : `${error.message}: ${String((error.cause as Error)?.message ?? error.cause)}`,
    })

/** "Already exists" from two sessions creating the same schema or table at once (unique catalogue key). */
const isCreateRace = (error: SqlError) =>
  ["23505", "42P06", "42P07"].includes(String((error.cause as { code?: string } | undefined)?.code))

const isEventIdRace = (error: SqlError) => {
  const cause = error.cause as { code?: string; constraint?: string } | undefined
  return cause?.code === "23505" && cause.constraint === "events_event_id"
}

/** An event store in PostgreSQL, shareable by many instances (LISTEN/NOTIFY, with polling as a fallback). */
const makePostgresStore = (options: PostgresStoreOptions & { readonly schema: string }) =>
  Effect.gen(function* () {
    const sql = yield* SqlClient.SqlClient
    const pg = yield* PgClient.PgClient
    // Instances starting together may race to create the schema; losing that race is fine.
    yield* sql
      .unsafe(`CREATE SCHEMA IF NOT EXISTS ${options.schema}`)
      .pipe(Effect.catchIf(isCreateRace, () => Effect.void))
    // The migrator's `CREATE TABLE IF NOT EXISTS` of its own table races the same way (PostgreSQL checks
    // "not exists" before it inserts the catalogue row); once that table exists, its lock serializes the rest.
    yield* migratePostgres.pipe(
      Effect.retry({ while: (error) => error._tag === "SqlError" && isCreateRace(error), times: 5 }),
    )
    const channel = `accord_events_${options.schema}`
    const appended = yield* PubSub.sliding<void>(1)

    // Other instances announce their commits through NOTIFY; if the listening connection drops, polling
    // still delivers while it reconnects.
    yield* pg.listen(channel).pipe(
      Stream.runForEach(() => PubSub.publish(appended, undefined)),
      Effect.retry(Schedule.spaced(Duration.seconds(1))),
      Effect.forkScoped,
    )

    interface AppendRow {
      readonly o_outcome: "stored" | "conflict" | "appended"
      readonly o_version: string
      readonly o_event_id: string | null
      readonly o_stream_id: string | null
      readonly o_position: string | null
    }

    const appendOnce = (
      streamId: string,
      expected: ExpectedVersion,
      events: ReadonlyArray<EncodedEvent>,
      recordedAt: Date,
    ): Effect.Effect<AppendResult, ExpectedVersionMismatch | DuplicateEventIds | SqlError> =>
      Effect.flatMap(
        sql.unsafe<AppendRow>("SELECT * FROM accord_append($1, $2, $3, $4, $5, $6, $7, $8, $9)", [
          streamId,
          expected === "noStream" ? "0" : String(expected),
          events.map((event) => event.eventId),
          events.map((event) => event.type),
          events.map((event) => event.v),
          events.map((event) => event.data),
          events.map((event) => event.metadata),
          recordedAt,
          channel,
        ] as never),
        (rows): Effect.Effect<AppendResult, ExpectedVersionMismatch | DuplicateEventIds> => {
          const outcome = rows[0]?.o_outcome
          if (outcome === "stored") {
            const stored = rows.map(
              (row): StoredId => ({
                eventId: row.o_event_id as string,
                streamId: row.o_stream_id as string,
                version: Number(row.o_version),
                globalPosition: Number(row.o_position),
              }),
            )
            const retry = classifyStoredIds(streamId, events, stored)
            return retry instanceof DuplicateEventIds || retry === undefined
              ? Effect.fail(retry ?? new DuplicateEventIds({ stream: streamId, eventIds: [] }))
              : Effect.succeed(retry)
          }
          if (outcome === "conflict") {
            const actual = Number(rows[0]?.o_version)
            return Effect.fail(
              checkExpectedVersion(streamId, expected, actual) ??
                new ExpectedVersionMismatch({ stream: streamId, expected, actual }),
            )
          }
          if (events.length === 0) {
            return Effect.succeed({
              streamId,
              nextExpectedVersion: Number(rows[0]?.o_version ?? 0),
              positions: [],
              alreadyStored: false,
            })
          }
          const positions = rows
            .map((row) => ({
              eventId: row.o_event_id as string,
              version: Number(row.o_version),
              globalPosition: Number(row.o_position),
            }))
            .sort((a, b) => a.version - b.version)
          return Effect.succeed({
            streamId,
            nextExpectedVersion: (positions[positions.length - 1] as { version: number }).version,
            positions,
            alreadyStored: false,
          })
        },
      )

    const append: StoreBackend["append"] = (streamId, expected, events, recordedAt) => {
      const attempt = appendOnce(streamId, expected, events, recordedAt)
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
      // One statement: the upsert is atomic under concurrent instances; old windows go in the same round trip.
      countHit: (key, now, windowMs) =>
        sql
          .unsafe<{ count: number; window_start: string }>(
            `WITH dropped AS (DELETE FROM rate_counters WHERE window_start <= $2::bigint - 10 * $3::bigint)
             INSERT INTO rate_counters AS c (key, window_start, count) VALUES ($1, $2, 1)
             ON CONFLICT (key) DO UPDATE SET
               count = CASE WHEN c.window_start <= $2::bigint - $3::bigint THEN 1 ELSE c.count + 1 END,
               window_start = CASE WHEN c.window_start <= $2::bigint - $3::bigint THEN $2 ELSE c.window_start END
             RETURNING c.count, c.window_start`,
            [key, now, windowMs],
          )
          .pipe(
            Effect.map((rows) => ({
              count: Number(rows[0]?.count ?? 0),
              windowStart: Number(rows[0]?.window_start ?? now),
            })),
            Effect.mapError(failure("countHit")),
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

/** Opens the PostgreSQL store for the current scope: its own pool, schema created, migrations run. */
export const openPostgresStore = (
  options: PostgresStoreOptions,
): Effect.Effect<EventStoreService, StorageFailure, Scope.Scope> => {
  const schema = options.schema ?? "public"
  if (!isSchemaName(schema)) {
    return Effect.fail(new StorageFailure({ operation: "start", message: `invalid schema name "${schema}"` }))
  }
  const client = PgClient.layer({
    url: Redacted.make(urlWithSchema(options.url, schema)),
    maxConnections: options.maxConnections ?? 10,
    applicationName: "@accord/event-store",
  })
  return Effect.flatMap(Layer.build(client), (context) =>
    Effect.provide(makePostgresStore({ ...options, schema }), context),
  ).pipe(Effect.mapError(failure("start")))
}
