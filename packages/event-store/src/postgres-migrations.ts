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
  // One statement per append (one round trip, atomic on its own): checks, version move, insert, notify.
  "2_append_function": Effect.flatMap(SqlClient.SqlClient, (sql) =>
    sql.unsafe(`
      CREATE FUNCTION accord_append(
        p_stream text, p_expected text, p_ids text[], p_types text[], p_vs integer[],
        p_data text[], p_metadata text[], p_recorded_at timestamptz, p_channel text
      ) RETURNS TABLE (o_outcome text, o_version bigint, o_event_id text, o_stream_id text, o_position bigint)
      LANGUAGE plpgsql AS $fn$
      DECLARE
        n integer := coalesce(array_length(p_ids, 1), 0);
        after_version bigint;
      BEGIN
        -- Writers of one stream take turns BEFORE their first write: a transaction id is assigned at the
        -- first write, so ids then follow the stream's version order and a global read, ordered by
        -- transaction id, never shows version n+1 before version n. (An advisory lock needs no id.)
        PERFORM pg_advisory_xact_lock(hashtextextended(p_stream, 0));
        -- Already stored ids: report them and write nothing; the caller decides retry or refusal.
        IF n > 0 AND EXISTS (SELECT 1 FROM events e WHERE e.event_id = ANY (p_ids)) THEN
          RETURN QUERY SELECT 'stored', e.version, e.event_id, e.stream_id, e.global_position
            FROM events e WHERE e.event_id = ANY (p_ids);
          RETURN;
        END IF;
        -- Move the stream version only if it is where the writer expected (row lock serializes writers).
        IF p_expected = 'any' THEN
          INSERT INTO streams AS s (stream_id, version) VALUES (p_stream, n)
            ON CONFLICT (stream_id) DO UPDATE SET version = s.version + n
            RETURNING s.version INTO after_version;
        ELSIF p_expected = 'streamExists' THEN
          UPDATE streams s SET version = s.version + n WHERE s.stream_id = p_stream AND s.version > 0
            RETURNING s.version INTO after_version;
        ELSIF p_expected = '0' THEN
          INSERT INTO streams AS s (stream_id, version) VALUES (p_stream, n)
            ON CONFLICT (stream_id) DO UPDATE SET version = excluded.version WHERE s.version = 0
            RETURNING s.version INTO after_version;
        ELSE
          UPDATE streams s SET version = p_expected::bigint + n
            WHERE s.stream_id = p_stream AND s.version = p_expected::bigint
            RETURNING s.version INTO after_version;
        END IF;
        IF after_version IS NULL THEN
          RETURN QUERY SELECT 'conflict', coalesce((SELECT s.version FROM streams s WHERE s.stream_id = p_stream), 0),
            NULL::text, NULL::text, NULL::bigint;
          RETURN;
        END IF;
        IF n > 0 THEN
          -- Sent on commit, so listeners read only committed events.
          PERFORM pg_notify(p_channel, 'appended');
        END IF;
        RETURN QUERY
          INSERT INTO events (event_id, stream_id, version, type, v, data, metadata, recorded_at)
          SELECT e.event_id, p_stream, after_version - n + e.ord, e.type, e.v, e.data::jsonb, e.metadata::jsonb,
                 p_recorded_at
          FROM unnest(p_ids, p_types, p_vs, p_data, p_metadata)
            WITH ORDINALITY AS e(event_id, type, v, data, metadata, ord)
          ORDER BY e.ord
          RETURNING 'appended'::text, events.version, events.event_id, events.stream_id, events.global_position;
        IF n = 0 THEN
          RETURN QUERY SELECT 'appended', after_version, NULL::text, NULL::text, NULL::bigint;
        END IF;
      END
      $fn$`),
  ),
  // Fixed-window counters (join attempts) shared by every instance on the database; not part of the log.
  "3_rate_counters": Effect.flatMap(SqlClient.SqlClient, (sql) =>
    Effect.all([
      sql`CREATE TABLE rate_counters (
        key text NOT NULL,
        window_start bigint NOT NULL,
        count integer NOT NULL,
        PRIMARY KEY (key)
      )`,
      sql`CREATE INDEX rate_counters_window ON rate_counters (window_start)`,
    ]),
  ),
})

/** Runs pending PostgreSQL migrations (the migrator locks its table, so instances starting together take turns). */
export const migratePostgres = Migrator.make({})({ loader: postgresMigrations })
