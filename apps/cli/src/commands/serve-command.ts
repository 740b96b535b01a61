import { Command, Options } from "@effect/cli"
import { Effect, Option, Schema } from "effect"
import { ServeFailed } from "../cli-errors.js"
import { resolveUserPath } from "../user-path.js"

const portOption = Options.integer("port").pipe(
  Options.withAlias("p"),
  Options.withSchema(
    Schema.Number.pipe(
      Schema.filter((n) => Number.isInteger(n) && n >= 0 && n <= 65535, {
        message: (issue) => `--port must be an integer from 0 to 65535, got ${String(issue.actual)}`,
      }),
    ),
  ),
  Options.withDescription("port to listen on (default: env PORT, else 8787)"),
  Options.optional,
)

const dataOption = Options.text("data").pipe(
  Options.withDescription("folder for the SQLite event log (default: env DATA_DIR, else ./data)"),
  Options.optional,
)

/** `accord serve`: start the HTTP service and web app; DATABASE_URL switches the store to PostgreSQL. */
export const serveCommand = Command.make("serve", { port: portOption, data: dataOption }, ({ port, data }) =>
  Effect.scoped(
    Effect.gen(function* () {
      const { startServer, serviceEnv } = yield* loadApi
      // The same environment as `npm start` (PORT, DATA_DIR, DATABASE_URL, DATABASE_SCHEMA, CORS_ORIGINS);
      // the flags, when given, win over it.
      const env = serviceEnv(process.env, "accord")
      if ("problem" in env) return yield* new ServeFailed({ message: env.problem })
      const chosenPort = Option.getOrElse(port, () => env.port)
      const dataDir = Option.match(data, { onNone: () => env.dataDir, onSome: resolveUserPath })
      const server = yield* Effect.acquireRelease(
        Effect.tryPromise({
          try: () => startServer({ ...env, port: chosenPort, dataDir }),
          catch: (error) => new ServeFailed({ message: `the service did not start: ${messageOf(error)}` }),
        }),
        (running) => Effect.promise(() => running.close()),
      )
      const where = server.store === "sqlite" ? ` in ${dataDir}` : ""
      yield* Effect.sync(() =>
        process.stderr.write(
          `accord: serving http://localhost:${server.port} (event log: ${server.store}${where}); Ctrl-C stops it\n`,
        ),
      )
      return yield* Effect.never
    }),
  ),
).pipe(
  Command.withDescription(
    "Start the Accord service (API and web app). Env: PORT, DATA_DIR, DATABASE_URL=postgres://… for PostgreSQL, DATABASE_SCHEMA, CORS_ORIGINS (comma-separated).",
  ),
)

// The API is imported only when serving, so that `accord run` does not load the HTTP stack.
const loadApi = Effect.tryPromise({
  try: () => import("@accord/api"),
  catch: (error) => new ServeFailed({ message: `the API package cannot be loaded: ${messageOf(error)}` }),
})

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error))
