import type { Server } from "node:http"
import type { AddressInfo } from "node:net"
import { join } from "node:path"
import { EventStore, type StorageFailure } from "@accord/event-store"
import { serve } from "@hono/node-server"
import { Effect, Layer, Logger, ManagedRuntime } from "effect"
import type { ApiServices } from "./api-services.js"
import { makeApp } from "./app.js"
import { answerParserRefusals } from "./http/client-error.js"
import { jsonLogger, type RequestLogger } from "./http/request-log.js"
import type { ChunkOptions } from "./jobs/chunked-job.js"
import { InProcessJobsLive, SqliteJobsLive } from "./jobs/in-process-jobs.js"
import { JobQueue } from "./jobs/job-queue.js"
import { PostgresJobsLive } from "./jobs/postgres-jobs.js"
import { ScenarioIndexLive } from "./scenarios/scenario-index.js"
import { type Simulator, SimulatorLive, type SimulatorOptions } from "./simulation/simulator.js"

export interface ServerOptions {
  /** TCP port; 0 picks a free one (default 8787). */
  readonly port?: number
  readonly hostname?: string
  /** Folder of the SQLite event log (default ./data); ignored when `databaseUrl` is set. */
  readonly dataDir?: string
  /** postgres://… switches the event store to PostgreSQL. */
  readonly databaseUrl?: string
  /** PostgreSQL schema for the store's tables (default public). */
  readonly databaseSchema?: string
  /** "memory" keeps events in this process only (demos, tests). */
  readonly store?: "memory"
  readonly logger?: RequestLogger
  readonly corsOrigins?: ReadonlyArray<string>
  readonly webDist?: string
  readonly simulator?: Partial<SimulatorOptions>
  /** How long close() waits for runs in flight before it stops them (default 60 s). */
  readonly drainTimeoutMs?: number
  /** Job engine on PostgreSQL: its visibility timeout and workers per instance (docs/reliability.md). */
  readonly jobs?: {
    readonly expireSeconds?: number
    readonly workers?: number
    readonly staleSeconds?: number
    readonly chunks?: ChunkOptions
  }
  /** How often the job counts and ages are logged (default 60 s; 0: never). */
  readonly jobLogEveryMs?: number
}

/** A running service. */
export interface ServerHandle {
  readonly port: number
  readonly url: string
  readonly store: "memory" | "sqlite" | "postgres"
  /** Stops accepting connections, lets requests and runs in flight finish, then closes the store. */
  readonly close: () => Promise<void>
}

/** The event store layer the options ask for. */
export const storeLayer = (options: ServerOptions): Layer.Layer<EventStore, StorageFailure> => {
  if (options.store === "memory") return EventStore.memory()
  if (options.databaseUrl !== undefined && options.databaseUrl !== "") {
    return EventStore.postgres({
      url: options.databaseUrl,
      ...(options.databaseSchema === undefined ? {} : { schema: options.databaseSchema }),
    })
  }
  return EventStore.sqlite({ filename: sqliteFile(options) })
}

/** The SQLite file of the embedded store: its events, and its jobs beside them. */
const sqliteFile = (options: ServerOptions) => join(options.dataDir ?? "data", "accord.sqlite")

/**
 * The job engine the options ask for: pg-boss beside a PostgreSQL store (ADR 0015), in process otherwise,
 * its jobs recorded in the SQLite file (or, for the memory store, in memory).
 */
export const jobsLayer = (options: ServerOptions) => {
  if (options.store === "memory") return InProcessJobsLive
  if (options.databaseUrl !== undefined && options.databaseUrl !== "") {
    return PostgresJobsLive({
      url: options.databaseUrl,
      schema: `${options.databaseSchema ?? "accord"}_jobs`,
      ...options.jobs,
    })
  }
  return SqliteJobsLive(sqliteFile(options))
}

/** Every service the handlers use, over the given store. */
export const apiLayer = <E, J = never>(
  store: Layer.Layer<EventStore, E>,
  simulator: Partial<SimulatorOptions> = {},
  jobs: Layer.Layer<JobQueue, J, EventStore | Simulator> = InProcessJobsLive,
): Layer.Layer<ApiServices, E | J> =>
  jobs.pipe(
    Layer.provideMerge(Layer.mergeAll(SimulatorLive(simulator), ScenarioIndexLive)),
    Layer.provideMerge(store),
  )

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Starts the service: store (migrations run), worker pool (its threads start in the background), HTTP on the port. */
export const startServer = async (options: ServerOptions = {}): Promise<ServerHandle> => {
  const logger = options.logger ?? jsonLogger
  // Effect's own log lines (background runs) come out as JSON too.
  const runtime = ManagedRuntime.make(
    Layer.merge(
      // Jobs keep the runtime their layer was built in: it logs JSON too.
      apiLayer(storeLayer(options), { warmWorkers: true, ...options.simulator }, jobsLayer(options)).pipe(
        Layer.provide(Logger.json),
      ),
      Logger.json,
    ),
  )
  // Build the layers now, so that a store that cannot start fails here and not on the first request.
  const store = await runtime
    .runPromise(Effect.map(EventStore, (s) => s.backend))
    .catch(async (error: unknown) => {
      await runtime.dispose()
      throw error
    })
  const app = makeApp(runtime, {
    logger,
    ...(options.corsOrigins === undefined ? {} : { corsOrigins: options.corsOrigins }),
    ...(options.webDist === undefined ? {} : { webDist: options.webDist }),
  })
  // Requests whose handler has not answered yet; shutdown waits for them (a live feed counts until it has its headers).
  let active = 0
  const fetch = async (request: Request, env: unknown) => {
    active++
    try {
      return await app.fetch(request, env)
    } finally {
      active--
    }
  }
  const server = await new Promise<Server>((resolve, reject) => {
    const s = serve({ fetch, port: options.port ?? 8787, hostname: options.hostname ?? "0.0.0.0" }, () =>
      resolve(s as Server),
    ) as Server
    answerParserRefusals(s)
    s.once("error", reject)
  })
  const port = (server.address() as AddressInfo).port
  const jobs = await runtime.runPromise(JobQueue)
  // Job counts and ages for an operator's log search (GET /api/jobs has the details).
  const jobLog =
    (options.jobLogEveryMs ?? 60_000) > 0
      ? setInterval(() => {
          runtime.runPromise(jobs.overview()).then(
            ({ counts, oldestInFlightSeconds }) =>
              logger.info({ msg: "jobs", counts, oldestInFlightSeconds }),
            () => {},
          )
        }, options.jobLogEveryMs ?? 60_000).unref()
      : undefined
  let closing: Promise<void> | undefined

  const close = async () => {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()))
    server.closeIdleConnections()
    const deadline = Date.now() + (options.drainTimeoutMs ?? 60_000)
    clearInterval(jobLog)
    await jobs.stopTaking().catch(() => {})
    while ((active > 0 || jobs.runningHere() > 0) && Date.now() < deadline) await wait(50)
    // Answers are on their way out and live feeds of finished runs have ended; a moment later, whatever
    // still holds a connection (a keep-alive socket, a feed nobody closed) is cut.
    await Promise.race([closed, wait(1_000)])
    server.closeAllConnections()
    await closed
    await runtime.dispose()
    logger.info({ msg: "stopped", port })
  }

  logger.info({ msg: "listening", url: `http://localhost:${port}`, store })
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    store,
    close: () => {
      closing ??= close()
      return closing
    },
  }
}
