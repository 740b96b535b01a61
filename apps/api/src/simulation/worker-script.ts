/**
 * The file a simulation worker thread loads. In a build (dist/) every bundle sits beside
 * `simulation-worker.js`, the worker's own bundle, which Node runs as it is. Running sources (development,
 * tests, benchmarks under tsx or Vitest) this file is TypeScript, and the worker loads
 * `simulation-worker.dev.mjs`, which registers tsx in the worker before it imports the TypeScript entry.
 */
export const workerScript: URL = import.meta.url.endsWith(".ts")
  ? new URL("./simulation-worker.dev.mjs", import.meta.url)
  : new URL("./simulation-worker.js", import.meta.url)
