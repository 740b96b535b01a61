// The service (`npm start` runs its build, dist/main.js, with plain node): on PORT (8787) with its event log
// under DATA_DIR (./data) or in DATABASE_URL (tables in DATABASE_SCHEMA, default public). CORS_ORIGINS:
// comma-separated origins allowed to call the API. SIGTERM/SIGINT drain requests in flight, then exit 0.
import { jsonLogger } from "./http/request-log.js"
import { startServer } from "./server.js"
import { serviceEnv } from "./service-env.js"

const env = serviceEnv(process.env, "start")
if ("problem" in env) {
  jsonLogger.error({ msg: env.problem })
  process.exit(2)
}

const handle = await startServer({
  ...env,
  // Worker threads start with the first simulation large enough for them: built, they are up in a fraction of a
  // second (pnpm bench), and an idle service does not hold their memory (~15 MB each; docs/benchmarks.md).
  simulator: { warmWorkers: false },
}).catch((error: unknown) => {
  jsonLogger.error({ msg: "could not start", error: error instanceof Error ? error.message : String(error) })
  process.exit(1)
})

let stopping = false
const stop = (signal: string) => {
  if (stopping) {
    jsonLogger.error({ msg: `second ${signal}: exiting now` })
    process.exit(1)
  }
  stopping = true
  jsonLogger.info({ msg: `${signal}: finishing requests in flight, then closing the store` })
  handle.close().then(
    () => process.exit(0),
    (error: unknown) => {
      jsonLogger.error({ msg: "shutdown failed", error: String(error) })
      process.exit(1)
    },
  )
}
process.on("SIGTERM", () => stop("SIGTERM"))
process.on("SIGINT", () => stop("SIGINT"))
