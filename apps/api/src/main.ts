// The service (`npm start` runs its build, dist/main.js, with plain node): on PORT (8787) with its event log
// under DATA_DIR (./data) or in DATABASE_URL (tables in DATABASE_SCHEMA, default public). CORS_ORIGINS:
// comma-separated origins allowed to call the API. SIGTERM/SIGINT drain requests in flight, then exit 0.
// With DATABASE_URL, large runs are jobs any instance takes (docs/reliability.md): JOB_WORKERS jobs at once per
// instance (1), JOB_STALE_SECONDS without a heartbeat before another instance takes a job over (30),
// JOB_EXPIRE_SECONDS pg-boss's backstop timeout (14400); JOB_LOG_SECONDS between job-count log lines (60);
// JOB_SPLIT_WORK commitment-months above which a job's runs or Sobol samples split into chunks (8000000).
// ACCORD_TEST_JOB_FAULT (tests only, refused when NODE_ENV=production): comma-separated job kinds whose work
// fails on every attempt, to see retries and the final failure.
import { describeError } from "./describe-error.js"
import { jsonLogger } from "./http/request-log.js"
import { injectJobFaults } from "./jobs/job-fault.js"
import { startServer } from "./server.js"
import { serviceEnv } from "./service-env.js"

const env = serviceEnv(process.env, "start")
if ("problem" in env) {
  jsonLogger.error({ msg: env.problem })
  process.exit(2)
}

/** A positive number from the environment, or undefined when unset. */
const positive = (name: string): number | undefined => {
  const raw = process.env[name]
  if (raw === undefined || raw === "") return undefined
  const value = Number(raw)
  if (!Number.isFinite(value) || value <= 0) {
    jsonLogger.error({ msg: `${name} must be a positive number, got '${raw}'` })
    process.exit(2)
  }
  return value
}
const jobs = {
  workers: positive("JOB_WORKERS"),
  staleSeconds: positive("JOB_STALE_SECONDS"),
  expireSeconds: positive("JOB_EXPIRE_SECONDS"),
}
const splitWork = positive("JOB_SPLIT_WORK")
const jobLogSeconds = positive("JOB_LOG_SECONDS")
const faults = (process.env.ACCORD_TEST_JOB_FAULT ?? "").split(",").filter(Boolean)
if (faults.length > 0) {
  if (process.env.NODE_ENV === "production") {
    jsonLogger.error({ msg: "ACCORD_TEST_JOB_FAULT is for tests: refused with NODE_ENV=production" })
    process.exit(2)
  }
  injectJobFaults(faults)
  jsonLogger.info({ msg: "test fault injection on: these job kinds fail on every attempt", kinds: faults })
}

const handle = await startServer({
  ...env,
  // Worker threads start with the first simulation large enough for them: built, they are up in a fraction of a
  // second (pnpm bench), and an idle service does not hold their memory (~15 MB each; docs/benchmarks.md).
  simulator: { warmWorkers: false },
  jobs: {
    ...Object.fromEntries(Object.entries(jobs).filter(([, value]) => value !== undefined)),
    ...(splitWork === undefined ? {} : { chunks: { fanOutWork: splitWork } }),
  },
  ...(jobLogSeconds === undefined ? {} : { jobLogEveryMs: jobLogSeconds * 1000 }),
}).catch((error: unknown) => {
  jsonLogger.error({ msg: "could not start", error: describeError(error) })
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
