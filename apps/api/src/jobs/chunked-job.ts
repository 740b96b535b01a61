import { availableParallelism } from "node:os"
import type { Observation, Pack, ScenarioSpec } from "@accord/domain"
import { type Report, type Sampler, type SampleTask, splitRuns } from "@accord/engine"
import { Context, Effect, Runtime, Schema } from "effect"
import type PgBoss from "pg-boss"
import { packById } from "../packs/pack-lookup.js"
import { type ProgressListener, Simulator, type SimulatorShape } from "../simulation/simulator.js"
import { workOf } from "../simulation/work-ceiling.js"
import { decodeChunk, encodeChunk } from "./chunk-codec.js"
import { type ChunkRow, chunkTableSql, keepChunksHours } from "./chunk-table.js"
import { JobStoreFailure, workerName } from "./job-queue.js"
import { type JobEngine, untilWritten } from "./postgres-jobs.js"
import {
  decodeSamples,
  encodeSamples,
  namedOnly,
  type SampleChunk,
  sampleChunks,
  sampleWork,
} from "./sample-chunks.js"

/**
 * A job's simulation, or the samples of its Sobol analysis, split into chunk jobs that every instance's
 * workers take (PostgreSQL). The job that splits waits for its chunks, stored in `accord_chunk` as they
 * finish, then assembles the result in a fixed order: the same bytes as one process computing it (the
 * engine's chunk API; the sample tasks' values in task order). A killed instance loses only the chunks it was
 * computing; they are sent again when no chunk has finished for `staleSeconds`. A job taken over after the
 * instance waiting for its chunks died finds the chunks stored so far and sends only the others.
 */
export interface ChunkedRunsShape {
  /** The report of `spec` for job `jobId`: from chunk jobs when it is large, from the simulator otherwise. */
  readonly simulate: (
    jobId: string,
    pack: Pack,
    spec: ScenarioSpec,
    observations: ReadonlyArray<Observation>,
    progress: ProgressListener,
  ) => Effect.Effect<Report, unknown, Simulator>
  /**
   * The sampler of Sobol job `jobId`: on its first call, tasks above the fan-out size as chunk jobs (the
   * tasks name their matrix rows, so a chunk job is small JSON); later calls, and smaller or parameter-carrying
   * tasks, on this instance's worker pool. The same values either way.
   */
  readonly sampler: (jobId: string, pack: Pack, progress: ProgressListener) => Sampler<unknown>
  /** Drops the stored chunks of a job whose result is recorded. */
  readonly forget: (jobId: string) => Effect.Effect<void>
}

export class ChunkedRuns extends Context.Tag("@accord/api/ChunkedRuns")<ChunkedRuns, ChunkedRunsShape>() {}

export interface ChunkOptions {
  /** Commitment-months per chunk (default 2,000,000: about 4,000 runs of the default pack). */
  readonly chunkWork?: number
  /** Above this many commitment-months a job splits into chunks (default 8,000,000: about 16,000 runs). */
  readonly fanOutWork?: number
}

export const defaultChunkOptions = { chunkWork: 2_000_000, fanOutWork: 8_000_000 } as const

/** The queue of chunk jobs, beside the job queue (a job waiting for its chunks must not hold their workers). */
export const chunkQueue = "accord-chunk"
/** pg-boss's own backstop for a chunk whose worker vanished; the waiting job sends it again long before. */
const chunkQueueOptions = { name: chunkQueue, retryLimit: 2, retryDelay: 1, expireInSeconds: 300 }
const pollMs = 250

/** A chunk job of runs [fromRun, toRun) of a scenario run (no kind: as instances before sample chunks sent it). */
interface RunChunkData {
  readonly kind?: undefined
  readonly jobId: string
  readonly spec: ScenarioSpec
  readonly fromRun: number
  readonly toRun: number
  readonly observations: ReadonlyArray<Observation>
}
/** A chunk job of sample tasks: evaluations [fromRun, toRun) of the job's sampler call (sample-chunks.ts). */
interface SampleChunkData {
  readonly kind: "samples"
  readonly jobId: string
  readonly pack: string
  readonly fromRun: number
  readonly toRun: number
  readonly tasks: ReadonlyArray<SampleTask>
}
type ChunkData = RunChunkData | SampleChunkData

/** A chunk failed on every attempt (the job that split is tried again, its chunks with it). */
export class ChunkFailed extends Schema.TaggedError<ChunkFailed>()("ChunkFailed", {
  message: Schema.String,
}) {}

export const createChunkQueue = (boss: PgBoss) => boss.createQueue(chunkQueue, chunkQueueOptions)

/**
 * Chunk work on this instance: the chunk table, one chunk worker per worker thread, and the service a job's
 * work uses to split. `running` and `stopTaking` are for shutdown.
 */
export const startChunkedRuns = (
  engine: JobEngine,
  schema: string,
  options: ChunkOptions & { readonly staleSeconds: number },
) =>
  Effect.gen(function* () {
    const settings = { ...defaultChunkOptions, ...options }
    const table = `${schema}.accord_chunk`
    const sql = <A>(text: string, values: ReadonlyArray<unknown> = []) =>
      Effect.map(engine.sql(text, values), (rows) => rows as unknown as Array<A>)
    yield* sql(chunkTableSql(schema))
    yield* sql(`DELETE FROM ${table} WHERE created_at < now() - make_interval(hours => $1)`, [
      keepChunksHours,
    ])
    const simulator = yield* Simulator
    let running = 0
    let wake = () => {}
    const take = (job: PgBoss.JobWithMetadata<ChunkData>) => {
      running++
      return Runtime.runPromise(engine.runtime)(computeChunk(engine, table, job)).finally(() => {
        running--
        // The next chunk at once: pg-boss would wait for its next poll (0.5 s), longer than a chunk of sample
        // tasks takes (0.1–0.3 s), and the chunk workers would idle half the time.
        wake()
      })
    }
    const workers = yield* Effect.forEach(
      Array.from({ length: simulator.options.workers ?? availableParallelism() }),
      () =>
        Effect.tryPromise({
          try: () =>
            engine.boss.work<ChunkData>(
              chunkQueue,
              { includeMetadata: true, batchSize: 1, pollingIntervalSeconds: 0.5 },
              ([job]) => (job === undefined ? Promise.resolve() : take(job)),
            ),
          catch: (error) => new JobStoreFailure({ message: `starting a chunk worker: ${String(error)}` }),
        }),
    )
    wake = () => {
      for (const worker of workers) engine.boss.notifyWorker(worker)
    }
    const ctx: FanOutContext = { engine, table, sql, wake, staleSeconds: settings.staleSeconds }
    const service: ChunkedRunsShape = {
      simulate: (jobId, pack, spec, observations, progress) =>
        workOf(pack, spec) <= settings.fanOutWork
          ? simulator.simulate(pack, spec, progress, observations)
          : fanOutRuns(ctx, simulator, jobId, {
              spec,
              observations,
              ranges: splitRuns(spec.runs, Math.ceil(workOf(pack, spec) / settings.chunkWork)),
              progress,
            }),
      sampler: (jobId, pack, progress) => {
        let calls = 0
        return (tasks) =>
          calls++ > 0 || !namedOnly(tasks) || sampleWork(pack, tasks) <= settings.fanOutWork
            ? simulator.sampler(pack, progress)(tasks)
            : fanOutSamples(ctx, jobId, pack, tasks, {
                chunks: sampleChunks(pack, tasks, settings.chunkWork),
                progress,
              })
      },
      forget: (jobId) =>
        sql(`DELETE FROM ${table} WHERE job_id = $1`, [jobId]).pipe(
          Effect.asVoid,
          Effect.catchAll((failure) =>
            Effect.logWarning("chunks not dropped", { jobId, error: failure.message }),
          ),
        ),
    }
    return {
      service,
      running: () => running,
      stopTaking: () => engine.boss.offWork(chunkQueue),
    }
  })

/** What a chunk job computes, as the bytes the chunk table stores. */
const chunkBytes = (data: ChunkData) =>
  Effect.gen(function* () {
    const simulator = yield* Simulator
    if (data.kind === "samples") {
      return encodeSamples(yield* simulator.sampler(packById(data.pack))(data.tasks))
    }
    const chunk = yield* simulator.chunk(data.spec, data.fromRun, data.toRun, data.observations)
    return yield* Effect.promise(() => encodeChunk(chunk))
  })

/** One attempt at one chunk: skipped when its job has ended or the chunk is already stored. */
const computeChunk = (engine: JobEngine, table: string, job: PgBoss.JobWithMetadata<ChunkData>) =>
  Effect.gen(function* () {
    const { jobId, fromRun, toRun } = job.data
    const parent = yield* engine.sql(`SELECT status FROM ${engine.table} WHERE id = $1`, [jobId])
    if (parent[0]?.status !== "queued" && parent[0]?.status !== "running") return
    const stored = yield* engine.sql(
      `SELECT 1 FROM ${table} WHERE job_id = $1 AND from_run = $2 AND to_run = $3 AND result IS NOT NULL`,
      [jobId, fromRun, toRun],
    )
    if (stored.length > 0) return
    yield* Effect.logInfo("chunk started", { job: jobId, fromRun, toRun, attempt: job.retryCount + 1 })
    const started = Date.now()
    const bytes = yield* chunkBytes(job.data)
    // Stored once PostgreSQL answers: a chunk returned to pg-boss while it is away would end the process.
    yield* untilWritten(
      engine.sql(
        `INSERT INTO ${table} (job_id, from_run, to_run, result, worker) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (job_id, from_run) DO UPDATE SET to_run = EXCLUDED.to_run, result = EXCLUDED.result,
         error = NULL, worker = EXCLUDED.worker
       WHERE ${table}.result IS NULL`,
        [jobId, fromRun, toRun, bytes, workerName],
      ),
    )
    yield* Effect.logInfo("chunk computed", { job: jobId, fromRun, toRun, ms: Date.now() - started })
  }).pipe(
    Effect.catchAllCause((cause) =>
      Effect.gen(function* () {
        const last = job.retryCount >= job.retryLimit
        yield* Effect.logError("chunk failed", {
          job: job.data.jobId,
          fromRun: job.data.fromRun,
          last,
          cause,
        })
        // Thrown, pg-boss tries the chunk again (once PostgreSQL answers, as above); on the last attempt the
        // waiting job hears of it.
        if (!last)
          return yield* Effect.zipRight(untilWritten(engine.sql("SELECT 1")), Effect.failCause(cause))
        yield* untilWritten(
          engine.sql(
            `INSERT INTO ${table} (job_id, from_run, to_run, error, worker) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (job_id, from_run) DO NOTHING`,
            [
              job.data.jobId,
              job.data.fromRun,
              job.data.toRun,
              JSON.stringify({
                error: "ChunkFailed",
                message: `runs ${job.data.fromRun}..${job.data.toRun} failed`,
              }),
              workerName,
            ],
          ),
        )
      }),
    ),
  )

interface FanOutContext {
  readonly engine: JobEngine
  readonly table: string
  readonly sql: <A>(text: string, values?: ReadonlyArray<unknown>) => Effect.Effect<Array<A>, JobStoreFailure>
  readonly wake: () => void
  readonly staleSeconds: number
}

interface FanOutRequest<A, E> {
  readonly ranges: ReadonlyArray<readonly [number, number]>
  /** What the chunk job of `ranges[index]` carries. */
  readonly dataOf: (index: number) => ChunkData
  /** Runs (evaluations) in all: the chunks' ranges cover [0, total). */
  readonly total: number
  readonly progress: ProgressListener
  /** The result of the stored chunks' bytes, in the order of `ranges`. */
  readonly assemble: (stored: ReadonlyArray<Buffer>) => Effect.Effect<A, E>
}

const rangeKey = (fromRun: number, toRun: number) => `${fromRun}-${toRun}`

/** A scenario run's chunks: runs [from, to) of the spec each, assembled into its report. */
const fanOutRuns = (
  ctx: FanOutContext,
  simulator: SimulatorShape,
  jobId: string,
  request: {
    readonly spec: ScenarioSpec
    readonly observations: ReadonlyArray<Observation>
    readonly ranges: ReadonlyArray<readonly [number, number]>
    readonly progress: ProgressListener
  },
) => {
  const { spec, observations, ranges } = request
  return fanOut<Report, unknown>(ctx, jobId, {
    ranges,
    dataOf: (index) => {
      const [fromRun, toRun] = ranges[index] as readonly [number, number]
      return { jobId, spec, fromRun, toRun, observations }
    },
    total: spec.runs,
    progress: request.progress,
    assemble: (stored) =>
      Effect.forEach(stored, (bytes) => Effect.promise(() => decodeChunk(bytes)), { concurrency: 4 }).pipe(
        Effect.flatMap((chunks) => simulator.assemble(spec, chunks, observations)),
      ),
  })
}

/** A sampler call's chunks: consecutive tasks each, their values merged in task order. */
const fanOutSamples = (
  ctx: FanOutContext,
  jobId: string,
  pack: Pack,
  tasks: ReadonlyArray<SampleTask>,
  request: { readonly chunks: ReadonlyArray<SampleChunk>; readonly progress: ProgressListener },
) => {
  const { chunks } = request
  const tasksOf = (chunk: SampleChunk) => tasks.slice(chunk.fromTask, chunk.toTask)
  return fanOut<ReadonlyArray<Float64Array>, never>(ctx, jobId, {
    ranges: chunks.map((c) => [c.fromRun, c.toRun] as const),
    dataOf: (index) => {
      const chunk = chunks[index] as SampleChunk
      const { fromRun, toRun } = chunk
      return { kind: "samples", jobId, pack: pack.id, fromRun, toRun, tasks: tasksOf(chunk) }
    },
    total: chunks.at(-1)?.toRun ?? 0,
    progress: request.progress,
    assemble: (stored) =>
      Effect.map(
        Effect.forEach(chunks, (chunk, i) => decodeSamples(tasksOf(chunk), stored[i] as Buffer)),
        (values) => values.flat(),
      ),
  })
}

/**
 * Sends the chunks not yet stored, waits for all of them (progress: runs of the chunks done; the missing ones
 * sent again when none finished for `staleSeconds`), then assembles the result from the stored chunks.
 */
const fanOut = <A, E>(ctx: FanOutContext, jobId: string, request: FanOutRequest<A, E>) =>
  Effect.gen(function* () {
    const { table, sql } = ctx
    const { ranges, progress, total } = request
    const wanted = new Set(ranges.map(([from, to]) => rangeKey(from, to)))
    // Chunks that failed on an earlier attempt of the job are tried again.
    yield* sql(`DELETE FROM ${table} WHERE job_id = $1 AND result IS NULL`, [jobId])
    // Read until PostgreSQL answers: while it is away the job waits, as its chunk workers do.
    const stored = () =>
      untilWritten(
        sql<ChunkRow>(
          `SELECT from_run, to_run, result IS NULL AS failed, error FROM ${table} WHERE job_id = $1`,
          [jobId],
        ),
      ).pipe(Effect.map((rows) => rows.filter((row) => wanted.has(rangeKey(row.from_run, row.to_run)))))
    const send = (rows: ReadonlyArray<ChunkRow>) => {
      const have = new Set(rows.map((row) => rangeKey(row.from_run, row.to_run)))
      const missing = ranges.flatMap(([from, to], index) => (have.has(rangeKey(from, to)) ? [] : [index]))
      return Effect.tryPromise({
        try: () =>
          ctx.engine.boss.insert(
            missing.map((index) => ({
              name: chunkQueue,
              data: request.dataOf(index),
              retryLimit: chunkQueueOptions.retryLimit,
              retryDelay: chunkQueueOptions.retryDelay,
              expireInSeconds: chunkQueueOptions.expireInSeconds,
            })),
          ),
        catch: (error) => new JobStoreFailure({ message: `queueing chunks: ${String(error)}` }),
      }).pipe(Effect.tap(() => Effect.sync(ctx.wake)))
    }
    let rows = yield* stored()
    yield* send(rows)
    yield* Effect.logInfo("job split into chunks", { id: jobId, chunks: ranges.length, stored: rows.length })
    let doneRuns = -1
    let changedAt = Date.now()
    for (;;) {
      const failed = rows.find((row) => row.failed)
      if (failed !== undefined) {
        return yield* new ChunkFailed({ message: failed.error?.message ?? "a chunk failed" })
      }
      const runs = rows.reduce((sum, row) => sum + row.to_run - row.from_run, 0)
      if (runs !== doneRuns) {
        doneRuns = runs
        changedAt = Date.now()
        progress(runs, total)
      } else if (Date.now() - changedAt > ctx.staleSeconds * 1000) {
        yield* Effect.logWarning("no chunk finished lately; the missing ones are sent again", { id: jobId })
        yield* send(rows)
        changedAt = Date.now()
      }
      if (rows.length === ranges.length) break
      yield* Effect.sleep(`${pollMs} millis`)
      rows = yield* stored()
    }
    return yield* Effect.flatMap(readStored(ctx, jobId, ranges), request.assemble)
  })

/** The stored bytes of the chunks, in the order of `ranges`. */
const readStored = (ctx: FanOutContext, jobId: string, ranges: ReadonlyArray<readonly [number, number]>) =>
  Effect.forEach(
    ranges,
    ([fromRun, toRun]) =>
      ctx
        .sql<{ result: Buffer }>(
          `SELECT result FROM ${ctx.table} WHERE job_id = $1 AND from_run = $2 AND to_run = $3`,
          [jobId, fromRun, toRun],
        )
        .pipe(Effect.map(([row]) => row?.result as Buffer)),
    { concurrency: 4 },
  )
