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
      const { startServer } = yield* loadApi
      const chosenPort = Option.getOrElse(port, () => Number(process.env.PORT ?? 8787))
      const dataDir = resolveUserPath(Option.getOrElse(data, () => process.env.DATA_DIR ?? "data"))
      const databaseUrl = process.env.DATABASE_URL
      const server = yield* Effect.acquireRelease(
        Effect.tryPromise({
          try: () =>
            startServer({
              port: chosenPort,
              dataDir,
              ...(databaseUrl === undefined || databaseUrl === "" ? {} : { databaseUrl }),
            }),
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
    "Start the Accord service (API and web app). Env: PORT, DATA_DIR, DATABASE_URL=postgres://… for PostgreSQL.",
  ),
)

// The API is imported only when serving, so that `accord run` does not load the HTTP stack.
const loadApi = Effect.tryPromise({
  try: () => import("@accord/api"),
  catch: (error) => new ServeFailed({ message: `the API package cannot be loaded: ${messageOf(error)}` }),
})

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error))
