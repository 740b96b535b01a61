import { builtInPacks, getPack, type Pack } from "@accord/domain"
import { Options } from "@effect/cli"
import { Effect, type Layer, Option } from "effect"
import { ObservationsFailed } from "./cli-errors.js"
import { resolveUserPath } from "./user-path.js"

/** `--data`: the service's event log folder, as `accord serve` uses it. */
export const dataOption = Options.text("data").pipe(
  Options.withDescription(
    "folder of the SQLite event log (default: env DATA_DIR, else ./data); DATABASE_URL=postgres://… uses PostgreSQL",
  ),
  Options.optional,
)

export const packOption = Options.text("pack").pipe(
  Options.withDescription("pack id (default sybiha-visit-2025)"),
  Options.withDefault("sybiha-visit-2025"),
)

/** A built-in pack by the id a user typed. */
export const packNamed = (id: string): Effect.Effect<Pack, ObservationsFailed> => {
  const pack = getPack(id)
  return pack !== undefined
    ? Effect.succeed(pack)
    : Effect.fail(
        new ObservationsFailed({
          message: `no built-in pack '${id}'; known: ${builtInPacks.map((p) => p.id).join(", ")}`,
          issues: [],
        }),
      )
}

/** The event store service the API's store layer provides. */
type EventStore = Layer.Layer.Success<ReturnType<typeof import("@accord/api").storeLayer>>

const messageOf = (error: unknown): string =>
  typeof error === "object" && error !== null && "message" in error ? String(error.message) : String(error)

/**
 * Runs `use` against the service's event store (the same SQLite folder or PostgreSQL database `accord serve`
 * uses), with the API's observation functions; the API package is loaded only for these commands.
 */
export const withObservationStore = <A>(
  data: Option.Option<string>,
  use: (api: typeof import("@accord/api")) => Effect.Effect<A, unknown, EventStore>,
): Effect.Effect<A, ObservationsFailed> =>
  Effect.gen(function* () {
    const api = yield* Effect.tryPromise({
      try: () => import("@accord/api"),
      catch: (error) =>
        new ObservationsFailed({
          message: `the API package cannot be loaded: ${messageOf(error)}`,
          issues: [],
        }),
    })
    const databaseUrl = process.env.DATABASE_URL
    const layer = api.storeLayer({
      dataDir: resolveUserPath(Option.getOrElse(data, () => process.env.DATA_DIR ?? "data")),
      ...(databaseUrl === undefined || databaseUrl === "" ? {} : { databaseUrl }),
    })
    return yield* Effect.scoped(Effect.provide(use(api), layer)).pipe(
      Effect.mapError((error) =>
        error instanceof ObservationsFailed
          ? error
          : new ObservationsFailed({
              message: messageOf(error),
              issues: Array.isArray((error as { issues?: unknown }).issues)
                ? (error as { issues: ObservationsFailed["issues"] }).issues
                : [],
            }),
      ),
    )
  })
