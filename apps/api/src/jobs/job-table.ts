import type { JobError, JobStatus, JobView } from "./job-queue.js"

/**
 * SQL of `accord_job`: what every instance shows of a job (status, progress, result, error). Delivery,
 * retries and take-over belong to pg-boss's own tables in the same schema; this row is only the view.
 */
export const jobTableSql = (schema: string) => `
BEGIN;
SELECT pg_advisory_xact_lock(hashtext('${schema}.accord_job'));
CREATE TABLE IF NOT EXISTS ${schema}.accord_job (
  id text PRIMARY KEY,
  kind text NOT NULL,
  key text NOT NULL,
  status text NOT NULL,
  done integer NOT NULL DEFAULT 0,
  total integer NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  result text,
  error jsonb,
  payload jsonb NOT NULL,
  boss_id uuid,
  worker text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX IF NOT EXISTS accord_job_key_in_flight ON ${schema}.accord_job (key)
  WHERE status IN ('queued', 'running');
CREATE INDEX IF NOT EXISTS accord_job_status ON ${schema}.accord_job (status, updated_at);
COMMIT;`

export interface JobRow {
  readonly id: string
  readonly kind: string
  readonly key: string
  readonly status: JobStatus
  readonly done: number
  readonly total: number
  readonly attempts: number
  readonly result: string | null
  readonly worker: string | null
  readonly error: JobError | null
  readonly created_at: Date
  readonly updated_at: Date
}

export const viewOfRow = (row: JobRow): JobView => ({
  id: row.id,
  kind: row.kind,
  key: row.key,
  status: row.status,
  done: row.done,
  total: row.total,
  attempts: row.attempts,
  ...(row.worker === null ? {} : { worker: row.worker }),
  ...(row.result === null ? {} : { result: row.result }),
  ...(row.error === null ? {} : { error: row.error }),
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
})

export const viewColumns =
  "id, kind, key, status, done, total, attempts, worker, result, error, created_at, updated_at"
