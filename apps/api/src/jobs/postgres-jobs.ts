import { Effect, Exit, Fiber, Layer, Runtime, Schedule } from "effect"
import PgBoss from "pg-boss"
import { ChunkedRuns, type ChunkOptions, createChunkQueue, startChunkedRuns } from "./chunked-job.js"
import { heartbeat, watchdog } from "./job-heartbeat.js"
import {
  type JobKind,
  JobQueue,
  type JobQueueShape,
  type JobRequest,
  JobStoreFailure,
  type JobView,
  overviewLimit,
  retryPolicy,
  workerName,
} from "./job-queue.js"
import { type JobRow, jobTableSql, viewColumns, viewOfRow } from "./job-table.js"
import { describeFailure, type JobWorkServices, jobWork } from "./job-work.js"

export interface PostgresJobsOptions {
  readonly url: string
  /** Schema of pg-boss's tables and of accord_job (default accord_jobs). */
  readonly schema?: string
  /**
   * The visibility timeout: a job whose worker has not finished it this long after it started is failed and
   * tried again by any instance (how a job of a killed instance is taken up). Longer than the longest job.
   */
  readonly expireSeconds?: number
  /** Jobs this instance computes at once (default 1: one large run already fills the worker pool). */
  readonly workers?: number
  /**
   * A running job whose heartbeat (every second) has not been seen this long is failed by whichever instance
   * notices, and taken up again after the retry backoff (default 30 s).
   */
  readonly staleSeconds?: number
  /** How large work splits into chunks any instance takes (chunked-job.ts). */
  readonly chunks?: ChunkOptions
}

const queue = "accord-work"
const deadLetters = "accord-work-failed"
/** How often a listener on another instance reads a job's row (SSE progress), and how often workers poll. */
const pollMs = 500

interface WorkData {
  readonly id: string
  readonly kind: JobKind
  readonly payload: unknown
}

const identifier = /^[a-z_][a-z0-9_]*$/

const attempt = <A>(what: string, run: () => Promise<A>) =>
  Effect.tryPromise({
    try: run,
    catch: (error) => new JobStoreFailure({ message: `${what}: ${String(error)}` }),
  })

/**
 * pg-boss started on its schema (which it creates; instances creating it at once are its own concern: it
 * takes an advisory lock and ignores the loser's "already exists"), accord_job (advisory lock, IF NOT
 * EXISTS), and the queues (retried: instances starting together may deadlock in pg-boss's queue creation).
 */
const startEngine = (options: PostgresJobsOptions, schema: string, expireSeconds: number) =>
  Effect.gen(function* () {
    const boss = new PgBoss({
      connectionString: options.url,
      schema,
      max: 4,
      // Expired jobs are found by the maintenance pass: often enough that a take-over waits little past expiry.
      maintenanceIntervalSeconds: Math.max(1, Math.min(120, Math.floor(expireSeconds / 5))),
      application_name: "accord-jobs",
    })
    const runtime = yield* Effect.runtime<JobWorkServices>()
    const log = (message: string, fields: Record<string, unknown>) =>
      Runtime.runFork(runtime)(Effect.logWarning(message, fields))
    // pg-boss reports a lost connection here and keeps trying: jobs pause while PostgreSQL is away.
    boss.on("error", (error) => log("job engine error", { error: String(error) }))
    yield* Effect.acquireRelease(
      attempt("starting the job engine", () => boss.start()),
      () => Effect.promise(() => boss.stop({ graceful: true, wait: true, timeout: 5_000 }).catch(() => {})),
    )
    const db = boss.getDb()
    const sql = (text: string, values: ReadonlyArray<unknown> = []) =>
      attempt("the job table", () => db.executeSql(text, [...values])).pipe(
        Effect.map((result) => result.rows as Array<JobRow>),
      )
    yield* sql(jobTableSql(schema))
    yield* attempt("creating the job queues", async () => {
      await boss.createQueue(deadLetters, { name: deadLetters })
      await boss.createQueue(queue, {
        name: queue,
        retryLimit: retryPolicy.retries,
        retryDelay: retryPolicy.firstDelaySeconds,
        retryBackoff: true,
        expireInSeconds: expireSeconds,
        deadLetter: deadLetters,
      })
      await createChunkQueue(boss)
    }).pipe(
      Effect.retry(
        Schedule.exponential("100 millis").pipe(Schedule.jittered, Schedule.intersect(Schedule.recurs(6))),
      ),
    )
    const engine: JobEngine = { boss, sql, table: `${schema}.accord_job`, runtime, log }
    return engine
  })

/** This instance's job workers, and the one that marks jobs failed on every attempt. */
const startWorkers = (engine: JobEngine, shape: ReturnType<typeof makeShape>, count: number) =>
  Effect.gen(function* () {
    const { boss } = engine
    const workers = yield* Effect.forEach(Array.from({ length: count }), () =>
      attempt("starting a worker", () =>
        boss.work<WorkData>(
          queue,
          { includeMetadata: true, batchSize: 1, pollingIntervalSeconds: pollMs / 1000 },
          ([job]) => (job === undefined ? Promise.resolve() : shape.take(job)),
        ),
      ),
    )
    yield* attempt("watching failed jobs", () =>
      boss.work<WorkData>(deadLetters, { pollingIntervalSeconds: 2 }, async ([job]) => {
        if (job !== undefined) await shape.expire(job.data.id)
      }),
    )
    shape.wake = () => {
      for (const worker of workers) boss.notifyWorker(worker)
    }
  })

/** The job engine on PostgreSQL: pg-boss delivers, retries and takes over; accord_job is what every instance shows. */
export const PostgresJobsLive = (
  options: PostgresJobsOptions,
): Layer.Layer<JobQueue, JobStoreFailure, JobWorkServices> =>
  Layer.scoped(
    JobQueue,
    Effect.gen(function* () {
      const schema = options.schema ?? "accord_jobs"
      if (!identifier.test(schema)) {
        return yield* new JobStoreFailure({ message: `job schema '${schema}' is not a plain identifier` })
      }
      // pg-boss's own timeout is only the backstop: the heartbeat finds a dead worker long before it.
      const base = yield* startEngine(options, schema, options.expireSeconds ?? 4 * 3600)
      const staleSeconds = options.staleSeconds ?? 30
      const chunks = yield* startChunkedRuns(base, schema, { ...options.chunks, staleSeconds })
      // A job's work may split into chunk jobs (chunked-job.ts).
      const engine: JobEngine = {
        ...base,
        runtime: Runtime.provideService(base.runtime, ChunkedRuns, chunks.service),
      }
      const shape = makeShape(engine, chunks)
      yield* startWorkers(engine, shape, options.workers ?? 1)
      yield* watchdog(engine, queue, staleSeconds)
      return shape.queue
    }),
  )

export interface JobEngine {
  readonly boss: PgBoss
  readonly sql: (
    text: string,
    values?: ReadonlyArray<unknown>,
  ) => Effect.Effect<Array<JobRow>, JobStoreFailure>
  readonly table: string
  readonly runtime: Runtime.Runtime<JobWorkServices>
  readonly log: (message: string, fields: Record<string, unknown>) => void
}

/** Chunk workers of this instance, for shutdown. */
interface ChunkWorkers {
  readonly running: () => number
  readonly stopTaking: () => Promise<void>
}

const makeShape = (ctx: JobEngine, chunks: ChunkWorkers) => {
  const { sql, table, runtime } = ctx
  const run = <A, E>(effect: Effect.Effect<A, E, JobWorkServices>) => Runtime.runPromise(runtime)(effect)
  let running = 0
  const self = {
    wake: () => {},
    take: (job: PgBoss.JobWithMetadata<WorkData>) => {
      running++
      return run(takeJob(ctx, job)).finally(() => {
        running--
      })
    },
    expire: (id: string) =>
      run(
        sql(
          `UPDATE ${table} SET status = 'failed', updated_at = now(),
             error = COALESCE(error, '{"error":"JobExpired","message":"the job did not finish in time on any attempt"}'::jsonb)
           WHERE id = $1 AND status IN ('queued', 'running')`,
          [id],
        ),
      ).then(() => undefined),
    queue: undefined as unknown as JobQueueShape,
  }
  const get = (id: string) =>
    sql(`SELECT ${viewColumns} FROM ${table} WHERE id = $1`, [id]).pipe(
      Effect.map((rows) => (rows[0] === undefined ? undefined : viewOfRow(rows[0]))),
    )
  const listen = makePoller((id) => run(get(id)))
  self.queue = {
    enqueue: (request) => enqueue(ctx, request, () => self.wake()),
    get,
    listen,
    cancel: (id) =>
      Effect.gen(function* () {
        const rows = yield* sql(
          `UPDATE ${table} SET status = 'cancelled', updated_at = now()
           WHERE id = $1 AND status IN ('queued', 'running') RETURNING boss_id`,
          [id],
        )
        const bossId = (rows[0] as unknown as { boss_id: string | null } | undefined)?.boss_id
        if (rows.length === 0) return false
        // A running worker notices at its next progress write and stops.
        if (bossId) yield* Effect.promise(() => ctx.boss.cancel(queue, bossId).catch(() => {}))
        return true
      }),
    overview: () => overview(ctx),
    runningHere: () => running + chunks.running(),
    // Queued jobs stay in the database for the other instances (or this one, restarted).
    stopTaking: () => Promise.all([ctx.boss.offWork(queue), chunks.stopTaking()]).then(() => {}),
  }
  return self
}

const enqueue = (
  ctx: JobEngine,
  request: JobRequest,
  wake: () => void,
): Effect.Effect<JobView, JobStoreFailure> =>
  Effect.gen(function* () {
    const { sql, table } = ctx
    const inserted = yield* sql(
      `INSERT INTO ${table} (id, kind, key, status, total, payload) VALUES ($1, $2, $3, 'queued', $4, $5)
       ON CONFLICT (key) WHERE status IN ('queued', 'running') DO NOTHING RETURNING ${viewColumns}`,
      [request.id, request.kind, request.key, request.total, JSON.stringify(request.payload)],
    )
    if (inserted[0] === undefined) {
      const existing = yield* sql(
        `SELECT ${viewColumns} FROM ${table} WHERE key = $1 AND status IN ('queued', 'running')`,
        [request.key],
      )
      if (existing[0] !== undefined) return viewOfRow(existing[0])
      // The job under that key ended between the two statements: ask again.
      return yield* enqueue(ctx, request, wake)
    }
    const data: WorkData = { id: request.id, kind: request.kind, payload: request.payload }
    const bossId = yield* Effect.tryPromise({
      try: () => ctx.boss.send(queue, data),
      catch: (error) => new JobStoreFailure({ message: `queueing the job: ${String(error)}` }),
    }).pipe(
      Effect.tapError((failure) =>
        sql(`UPDATE ${table} SET status = 'failed', error = $2, updated_at = now() WHERE id = $1`, [
          request.id,
          JSON.stringify({ error: "JobStoreFailure", message: failure.message }),
        ]),
      ),
    )
    yield* sql(`UPDATE ${table} SET boss_id = $2 WHERE id = $1`, [request.id, bossId])
    wake()
    return viewOfRow(inserted[0])
  })

/**
 * A job's last write waits for PostgreSQL to be back (checking every second, up to an hour): pg-boss 10
 * completes or fails the job right after the handler returns without catching a failure of that statement,
 * and an unhandled rejection ends the process. Returning only once the database answered narrows that window
 * to the moment between two statements.
 */
export const untilWritten = <A>(write: Effect.Effect<A, JobStoreFailure>) =>
  write.pipe(Effect.retry(Schedule.spaced("1 second").pipe(Schedule.upTo("1 hour"))))

/**
 * One attempt at a job. `attempts` is this attempt's token: a worker whose job was taken over (its heartbeat
 * stopped long enough for another instance to fail it) or cancelled finds its writes no longer match, and stops.
 */
const takeJob = (ctx: JobEngine, job: PgBoss.JobWithMetadata<WorkData>) =>
  Effect.gen(function* () {
    const { sql, table } = ctx
    const started = yield* sql(
      `UPDATE ${table} SET status = 'running', attempts = attempts + 1, worker = $2, updated_at = now()
       WHERE id = $1 AND status IN ('queued', 'running') RETURNING ${viewColumns}`,
      [job.data.id, workerName],
    )
    const row = started[0]
    // Cancelled, or already finished by an earlier attempt: nothing to do.
    if (row === undefined) return
    const token = row.attempts
    yield* Effect.logInfo("job started", { id: job.data.id, kind: job.data.kind, attempt: token })
    const mine = `id = $1 AND attempts = $2 AND status = 'running'`
    const progress = { done: row.done, total: row.total }
    const work: Fiber.RuntimeFiber<string, unknown> = Runtime.runFork(ctx.runtime)(
      jobWork(job.data.kind, job.data.id, job.data.payload, (done, total) => {
        progress.done = done
        progress.total = total
      }),
    )
    const stopBeat = heartbeat(ctx, { id: job.data.id, token, progress, lost: () => work })
    const exit = yield* Fiber.await(work).pipe(Effect.ensuring(Effect.sync(stopBeat)))
    if (Exit.isSuccess(exit)) {
      const written = yield* untilWritten(
        sql(
          `UPDATE ${table} SET status = 'completed', result = $3, done = total, error = NULL, updated_at = now() WHERE ${mine} RETURNING id`,
          [job.data.id, token, exit.value],
        ),
      )
      // Finished between a cancel (or a take-over) and the heartbeat that would have stopped it: not recorded.
      if (written.length === 0)
        yield* Effect.logWarning("job result discarded", { id: job.data.id, attempt: token })
      return
    }
    if (Exit.isInterrupted(exit)) {
      // Its row says cancelled, or another attempt took over (the heartbeat found no row of its own).
      return yield* Effect.logWarning("job stopped", { id: job.data.id, attempt: token })
    }
    const { error, retry } = describeFailure(exit.cause)
    const willRetry = retry && job.retryCount < job.retryLimit
    yield* Effect.logError("job failed", {
      id: job.data.id,
      attempt: token,
      error,
      willRetry,
      cause: exit.cause,
    })
    yield* untilWritten(
      sql(`UPDATE ${table} SET status = $3, error = $4, updated_at = now() WHERE ${mine}`, [
        job.data.id,
        token,
        willRetry ? "queued" : "failed",
        JSON.stringify(error),
      ]),
    )
    // Thrown, pg-boss tries the job again after a backoff; a client's error completes it as it stands.
    if (retry) return yield* Effect.die(new Error(`${error.error}: ${error.message}`))
  })

/** Listeners on any instance: each watched job's row is read every `pollMs` while someone listens. */
const makePoller = (read: (id: string) => Promise<JobView | undefined>) => {
  const watched = new Map<string, Set<(job: JobView) => void>>()
  const seen = new Map<string, string>()
  let timer: NodeJS.Timeout | undefined
  const tick = async () => {
    for (const [id, listeners] of watched) {
      const job = await read(id).catch(() => undefined)
      if (job === undefined) continue
      const stamp = `${job.status}:${job.done}:${job.updatedAt}`
      if (seen.get(id) === stamp) continue
      seen.set(id, stamp)
      for (const listener of listeners) listener(job)
    }
  }
  return (id: string, listener: (job: JobView) => void) => {
    const set = watched.get(id) ?? new Set()
    set.add(listener)
    watched.set(id, set)
    timer ??= setInterval(() => void tick(), pollMs)
    return () => {
      set.delete(listener)
      if (set.size === 0) {
        watched.delete(id)
        seen.delete(id)
      }
      if (watched.size === 0 && timer !== undefined) {
        clearInterval(timer)
        timer = undefined
      }
    }
  }
}

const overview = (ctx: JobEngine) =>
  Effect.gen(function* () {
    const { sql, table } = ctx
    const inFlight = yield* sql(
      `SELECT ${viewColumns} FROM ${table} WHERE status IN ('queued', 'running') ORDER BY created_at LIMIT ${overviewLimit}`,
    )
    const failures = yield* sql(
      `SELECT ${viewColumns} FROM ${table} WHERE status = 'failed' ORDER BY updated_at DESC LIMIT ${overviewLimit}`,
    )
    const counted = (yield* sql(
      `SELECT status, count(*)::int AS n, COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0)::float AS age
       FROM ${table} GROUP BY status`,
    )) as unknown as Array<{ status: JobView["status"]; n: number; age: number }>
    const counts = { queued: 0, running: 0, completed: 0, failed: 0, cancelled: 0 }
    for (const row of counted) counts[row.status] = row.n
    const ages = counted.filter((r) => r.status === "queued" || r.status === "running").map((r) => r.age)
    return {
      inFlight: inFlight.map(viewOfRow),
      recentFailures: failures.map(viewOfRow),
      counts,
      oldestInFlightSeconds: Math.round(Math.max(0, ...ages) * 10) / 10,
    }
  })
