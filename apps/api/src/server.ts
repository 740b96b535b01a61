import type { Server } from "node:http"
import type { AddressInfo } from "node:net"
import { join } from "node:path"
import { EventStore, type StorageFailure } from "@accord/event-store"
import { serve } from "@hono/node-server"
import { Effect, Layer, Logger, ManagedRuntime } from "effect"
import type { ApiServices } from "./api-services.js"
import { makeApp } from "./app.js"
import { jsonLogger, type RequestLogger } from "./http/request-log.js"
import { RunRegistry, RunRegistryLive } from "./runs/run-registry.js"
import { ScenarioIndexLive } from "./scenarios/scenario-index.js"
import { SimulatorLive, type SimulatorOptions } from "./simulation/simulator.js"

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
  return EventStore.sqlite({ filename: join(options.dataDir ?? "data", "accord.sqlite") })
}

/** Every service the handlers use, over the given store. */
export const apiLayer = <E>(
  store: Layer.Layer<EventStore, E>,
  simulator: Partial<SimulatorOptions> = {},
): Layer.Layer<ApiServices, E> =>
  Layer.mergeAll(SimulatorLive(simulator), RunRegistryLive, ScenarioIndexLive).pipe(Layer.provideMerge(store))

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Starts the service: store (migrations run), worker pool (its threads start in the background), HTTP on the port. */
export const startServer = async (options: ServerOptions = {}): Promise<ServerHandle> => {
  const logger = options.logger ?? jsonLogger
  // Effect's own log lines (background runs) come out as JSON too.
  const runtime = ManagedRuntime.make(
    Layer.merge(apiLayer(storeLayer(options), { warmWorkers: true, ...options.simulator }), Logger.json),
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
    s.once("error", reject)
  })
  const port = (server.address() as AddressInfo).port
  const registry = await runtime.runPromise(RunRegistry)
  let closing: Promise<void> | undefined

  const close = async () => {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()))
    server.closeIdleConnections()
    const deadline = Date.now() + (options.drainTimeoutMs ?? 60_000)
    while ((active > 0 || registry.inFlight() > 0) && Date.now() < deadline) await wait(50)
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
