import { Migrator, SqlClient } from "@effect/sql"
import { Effect } from "effect"

/** The SQLite schema, one migration per change; run in one transaction on start. */
export const sqliteMigrations = Migrator.fromRecord({
  "1_event_log": Effect.flatMap(SqlClient.SqlClient, (sql) =>
    Effect.all([
      // INTEGER PRIMARY KEY is the rowid: with one writer at a time it grows in commit order, without gaps.
      sql`CREATE TABLE events (
        global_position INTEGER PRIMARY KEY,
        event_id TEXT NOT NULL,
        stream_id TEXT NOT NULL,
        version INTEGER NOT NULL,
        type TEXT NOT NULL,
        v INTEGER NOT NULL,
        data TEXT NOT NULL,
        metadata TEXT NOT NULL,
        recorded_at INTEGER NOT NULL
      )`,
      sql`CREATE UNIQUE INDEX events_stream_version ON events (stream_id, version)`,
      sql`CREATE UNIQUE INDEX events_event_id ON events (event_id)`,
      sql`CREATE TABLE streams (stream_id TEXT PRIMARY KEY, version INTEGER NOT NULL) WITHOUT ROWID`,
    ]),
  ),
  // Fixed-window counters (join attempts) shared by every process on the file; not part of the log.
  "2_rate_counters": Effect.flatMap(SqlClient.SqlClient, (sql) =>
    Effect.all([
      sql`CREATE TABLE rate_counters (
        key TEXT NOT NULL,
        window_start INTEGER NOT NULL,
        count INTEGER NOT NULL,
        PRIMARY KEY (key)
      ) WITHOUT ROWID`,
      sql`CREATE INDEX rate_counters_window ON rate_counters (window_start)`,
    ]),
  ),
})

/** Runs pending SQLite migrations (no schema dump, so no platform services needed). */
export const migrateSqlite = Migrator.make({})({ loader: sqliteMigrations })
