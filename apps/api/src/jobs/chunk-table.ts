/**
 * SQL of `accord_chunk`: the stored result of each chunk of a job split across instances, until the job's
 * result is recorded. A row with a result is a chunk done (written once: the first writer wins, and every
 * writer of the same chunk has the same bytes); a row with an error is a chunk that failed on every attempt.
 */
export const chunkTableSql = (schema: string) => `
BEGIN;
SELECT pg_advisory_xact_lock(hashtext('${schema}.accord_chunk'));
CREATE TABLE IF NOT EXISTS ${schema}.accord_chunk (
  job_id text NOT NULL,
  from_run integer NOT NULL,
  to_run integer NOT NULL,
  result bytea,
  error jsonb,
  worker text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (job_id, from_run)
);
COMMIT;`

/** A chunk row without its bytes: what a waiting job polls. */
export interface ChunkRow {
  readonly from_run: number
  readonly to_run: number
  readonly failed: boolean
  readonly error: { readonly error: string; readonly message: string } | null
}

/** Chunks left by a job whose result was recorded before it could drop them are dropped after this long. */
export const keepChunksHours = 24
