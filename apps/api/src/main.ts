// The service (`npm start` runs its build, dist/main.js, with plain node): on PORT (8787) with its event log
// under DATA_DIR (./data) or in DATABASE_URL (tables in DATABASE_SCHEMA, default public). CORS_ORIGINS:
// comma-separated origins allowed to call the API. SIGTERM/SIGINT drain requests in flight, then exit 0.
import { resolve } from "node:path"
import { jsonLogger } from "./http/request-log.js"
import { startServer } from "./server.js"

// npm and pnpm run scripts in a package folder; INIT_CWD is where the user typed the command.
const startedIn = process.env.INIT_CWD ?? process.cwd()
const port = Number(process.env.PORT ?? 8787)
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  jsonLogger.error({ msg: `PORT must be an integer 0..65535, got '${process.env.PORT}'` })
  process.exit(2)
}

const handle = await startServer({
  port,
  dataDir: resolve(startedIn, process.env.DATA_DIR ?? "data"),
  // Worker threads start with the first simulation large enough for them: built, they are up in a fraction of a
  // second (pnpm bench), and an idle service does not hold their memory (~15 MB each; docs/benchmarks.md).
  simulator: { warmWorkers: false },
  ...(process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL } : {}),
  ...(process.env.DATABASE_SCHEMA ? { databaseSchema: process.env.DATABASE_SCHEMA } : {}),
  ...(process.env.CORS_ORIGINS
    ? {
        corsOrigins: process.env.CORS_ORIGINS.split(",")
          .map((origin) => origin.trim())
          .filter(Boolean),
      }
    : {}),
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
