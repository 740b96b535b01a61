// The worker's entry when the service runs from sources (development, tests, benchmarks): registers tsx in
// this thread, then loads the TypeScript worker. A build never uses it (dist/simulation-worker.js is plain
// JavaScript). `execArgv: ["--import", "tsx"]` does not do this on Node 20: a worker loads its entry before
// `--import` hooks are in place ("Unknown file extension .ts").
import { register } from "tsx/esm/api"

register()
await import("./simulation-worker.ts")
