// Node 20 does not apply `--import tsx` from a worker's execArgv, so the worker registers tsx itself.
import { register } from "tsx/esm/api"

register()
await import("./simulation-worker.ts")
