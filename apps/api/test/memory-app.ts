import { EventStore } from "@accord/event-store"
import { ManagedRuntime } from "effect"
import { makeApp } from "../src/app.js"
import { silentLogger } from "../src/http/request-log.js"
import { apiLayer } from "../src/server.js"
import type { SimulatorOptions } from "../src/simulation/simulator.js"

/**
 * The app over a fresh in-memory store, as tests drive it through app.request. Simulations run on the
 * event loop unless the test asks for the worker pool (workers take seconds to start under tsx).
 */
export const memoryApp = (simulator: Partial<SimulatorOptions> = {}, webDist = "/nonexistent") => {
  const runtime = ManagedRuntime.make(
    apiLayer(EventStore.memory(), { workerThreshold: Number.MAX_SAFE_INTEGER, ...simulator }),
  )
  const app = makeApp(runtime, { logger: silentLogger, webDist })
  const json = async (path: string, body: unknown, init: RequestInit = {}): Promise<Response> =>
    app.request(path, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
      ...init,
    })
  return { app, runtime, json, dispose: () => runtime.dispose() }
}
