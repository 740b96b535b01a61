import { Migrator, SqlClient } from "@effect/sql"
import { Effect } from "effect"

/** The PostgreSQL schema (13+ for xid8), one migration per change; run in one transaction on start. */
export const postgresMigrations = Migrator.fromRecord({
  "1_event_log": Effect.flatMap(SqlClient.SqlClient, (sql) =>
    Effect.all([
      sql`CREATE TABLE streams (stream_id text PRIMARY KEY, version bigint NOT NULL)`,
      // Readers order by (transaction_id, global_position) and only read below the oldest running
      // transaction, so an event whose transaction commits late is never skipped.
      sql`CREATE TABLE events (
        global_position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        transaction_id xid8 NOT NULL DEFAULT pg_current_xact_id(),
        event_id text NOT NULL,
        stream_id text NOT NULL,
        version bigint NOT NULL,
        type text NOT NULL,
        v integer NOT NULL,
        data jsonb NOT NULL,
        metadata jsonb NOT NULL,
        recorded_at timestamptz NOT NULL,
        CONSTRAINT events_stream_version UNIQUE (stream_id, version)
      )`,
      sql`CREATE UNIQUE INDEX events_event_id ON events (event_id)`,
      sql`CREATE INDEX events_global_order ON events (transaction_id, global_position)`,
    ]),
  ),
})

/** Runs pending PostgreSQL migrations (the migrator locks its table, so instances starting together take turns). */
export const migratePostgres = Migrator.make({})({ loader: postgresMigrations })
