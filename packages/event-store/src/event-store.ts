import { mkdirSync } from "node:fs"
import { dirname } from "node:path"
import { PgClient } from "@effect/sql-pg"
import { SqliteClient } from "@effect/sql-sqlite-node"
import { Context, Effect, Layer, Redacted } from "effect"
import type { EventStoreService } from "./event-store-service.js"
import { type MemoryStoreOptions, makeMemoryStore } from "./memory-store.js"
import {
  isSchemaName,
  makePostgresStore,
  type PostgresStoreOptions,
  urlWithSchema,
} from "./postgres-store.js"
import { makeSqliteStore, type SqliteStoreOptions } from "./sqlite-store.js"
import { StorageFailure } from "./store-errors.js"

const startFailure = (error: { readonly message: string }) =>
  new StorageFailure({ operation: "start", message: error.message })

/** The event store service; provide it with `EventStore.memory()`, `EventStore.sqlite(…)` or `EventStore.postgres(…)`. */
export class EventStore extends Context.Tag("@accord/event-store/EventStore")<
  EventStore,
  EventStoreService
>() {
  /** An empty store in this process's memory (tests, demos). */
  static readonly memory = (options?: MemoryStoreOptions): Layer.Layer<EventStore> =>
    Layer.effect(EventStore, makeMemoryStore(options))

  /** A store in a SQLite file (the embedded default); creates the folder and runs migrations on start. */
  static readonly sqlite = (options: SqliteStoreOptions): Layer.Layer<EventStore, StorageFailure> =>
    Layer.effect(EventStore, Effect.mapError(makeSqliteStore(options), startFailure)).pipe(
      Layer.provide(
        Layer.unwrapEffect(
          Effect.try({
            try: () => {
              if (options.filename !== ":memory:") mkdirSync(dirname(options.filename), { recursive: true })
              return SqliteClient.layer({ filename: options.filename })
            },
            catch: (cause) => startFailure({ message: String(cause) }),
          }),
        ),
      ),
      Layer.mapError((error) => (error instanceof StorageFailure ? error : startFailure(error))),
    )

  /** A store in PostgreSQL (13+), shared by several instances; creates its schema and runs migrations on start. */
  static readonly postgres = (options: PostgresStoreOptions): Layer.Layer<EventStore, StorageFailure> => {
    const schema = options.schema ?? "public"
    if (!isSchemaName(schema)) return Layer.fail(startFailure({ message: `invalid schema name "${schema}"` }))
    return Layer.scoped(
      EventStore,
      Effect.mapError(makePostgresStore({ ...options, schema }), startFailure),
    ).pipe(
      Layer.provide(
        PgClient.layer({
          url: Redacted.make(urlWithSchema(options.url, schema)),
          maxConnections: options.maxConnections ?? 10,
          applicationName: "@accord/event-store",
        }),
      ),
      Layer.mapError((error) => (error instanceof StorageFailure ? error : startFailure(error))),
    )
  }
}
