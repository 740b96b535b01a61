import Database from "better-sqlite3"
import type { JobError, JobStatus, JobsOverview, JobView } from "./job-queue.js"
import { overviewLimit } from "./job-queue.js"
import { inFlight, type JobRecords, type UnfinishedJob } from "./job-records.js"
import { type JobRow, viewOfRow } from "./job-table.js"

const schemaSql = `
CREATE TABLE IF NOT EXISTS accord_job (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  key TEXT NOT NULL,
  status TEXT NOT NULL,
  done INTEGER NOT NULL DEFAULT 0,
  total INTEGER NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  worker TEXT,
  result TEXT,
  error TEXT,
  payload TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS accord_job_key_in_flight ON accord_job (key)
  WHERE status IN ('queued', 'running');
CREATE INDEX IF NOT EXISTS accord_job_status ON accord_job (status, updated_at);`

/** The PostgreSQL table's row as SQLite stores it: dates as ISO text, the error as JSON text, and the payload. */
type Row = Omit<JobRow, "error" | "created_at" | "updated_at"> & {
  readonly error: string | null
  readonly payload: string
  readonly created_at: string
  readonly updated_at: string
}

/** A row of the file as the PostgreSQL table's row (ISO text dates, the error as JSON text), read by the one `viewOfRow`. */
const viewOf = ({ payload: _payload, error, created_at, updated_at, ...row }: Row): JobView =>
  viewOfRow({
    ...row,
    error: error === null ? null : (JSON.parse(error) as JobError),
    created_at: new Date(created_at),
    updated_at: new Date(updated_at),
  })

/** How long an ended job stays in the file (GET /api/jobs/:id, GET /api/runs/:id of an old run read the run's stream). */
const keepEndedDays = 30

/**
 * The in-process engine's jobs in the SQLite file of the event store (table accord_job, beside the events):
 * a restarted service finds the jobs it left queued or running, and GET /api/jobs/:id still answers for
 * ended ones. Statements are synchronous (better-sqlite3): each is one short write on this process's thread.
 */
export const openSqliteJobRecords = (filename: string): JobRecords & { readonly close: () => void } => {
  const db = new Database(filename)
  db.pragma("journal_mode = WAL")
  db.pragma("synchronous = NORMAL")
  db.pragma("busy_timeout = 5000")
  db.exec(schemaSql)
  db.prepare(`DELETE FROM accord_job WHERE status NOT IN ('queued', 'running') AND updated_at < ?`).run(
    new Date(Date.now() - keepEndedDays * 86_400_000).toISOString(),
  )
  const byId = db.prepare<[string], Row>("SELECT * FROM accord_job WHERE id = ?")
  const byKey = db.prepare<[string], Row>(
    "SELECT * FROM accord_job WHERE key = ? AND status IN ('queued', 'running')",
  )
  const insert = db.prepare(
    `INSERT INTO accord_job (id, kind, key, status, done, total, attempts, payload, created_at, updated_at)
     VALUES (@id, @kind, @key, @status, @done, @total, @attempts, @payload, @createdAt, @updatedAt)
     ON CONFLICT DO NOTHING`,
  )
  const write = db.prepare(
    `UPDATE accord_job SET status = @status, done = @done, total = @total, attempts = @attempts,
       worker = @worker, result = @result, error = @error, updated_at = @updatedAt
     WHERE id = @id AND status IN ('queued', 'running')`,
  )
  const get = (id: string) => {
    const row = byId.get(id)
    return row === undefined ? undefined : viewOf(row)
  }
  return {
    insert: (job, payload) => {
      const { changes } = insert.run({ ...job, payload: JSON.stringify(payload) })
      if (changes === 1) return job
      const existing = byKey.get(job.key)
      // The id was taken (never by a fresh random id) or the key's job ended in between: the stored one.
      return existing === undefined ? (get(job.id) ?? job) : viewOf(existing)
    },
    get,
    update: (id, change) => {
      const current = get(id)
      if (current === undefined || !inFlight(current)) return undefined
      const next = { ...current, ...change, updatedAt: new Date().toISOString() }
      write.run({
        ...next,
        worker: next.worker ?? null,
        result: next.result ?? null,
        error: next.error === undefined ? null : JSON.stringify(next.error),
      })
      return next
    },
    overview: (now) => overviewOf(db, now),
    unfinished: () =>
      db
        .prepare<[], Row>(
          "SELECT * FROM accord_job WHERE status IN ('queued', 'running') ORDER BY created_at",
        )
        .all()
        .map((row): UnfinishedJob => ({ job: viewOf(row), payload: JSON.parse(row.payload) })),
    close: () => db.close(),
  }
}

const overviewOf = (db: Database.Database, now: number): JobsOverview => {
  const list = (where: string, order: string) =>
    db
      .prepare<[], Row>(`SELECT * FROM accord_job WHERE ${where} ORDER BY ${order} LIMIT ${overviewLimit}`)
      .all()
      .map(viewOf)
  const counts = { queued: 0, running: 0, completed: 0, failed: 0, cancelled: 0 }
  const counted = db
    .prepare<[], { status: JobStatus; n: number }>(
      "SELECT status, count(*) AS n FROM accord_job GROUP BY status",
    )
    .all()
  for (const { status, n } of counted) counts[status] = n
  const inFlightJobs = list("status IN ('queued', 'running')", "created_at")
  const oldest = Math.min(now, ...inFlightJobs.map((job) => Date.parse(job.createdAt)))
  return {
    inFlight: inFlightJobs,
    recentFailures: list("status = 'failed'", "updated_at DESC"),
    counts,
    oldestInFlightSeconds: Math.round((now - oldest) / 100) / 10,
  }
}
