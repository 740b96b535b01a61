import { Context, Layer } from "effect"
import type { EventStoreService } from "./event-store-service.js"
import { type MemoryStoreOptions, makeMemoryStore } from "./memory-store.js"
import { openPostgresStore, type PostgresStoreOptions } from "./postgres-store.js"
import { openSqliteStore, type SqliteStoreOptions } from "./sqlite-store.js"
import type { StorageFailure } from "./store-errors.js"

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
    Layer.scoped(EventStore, openSqliteStore(options))

  /** A store in PostgreSQL (13+), shared by several instances; creates its schema and runs migrations on start. */
  static readonly postgres = (options: PostgresStoreOptions): Layer.Layer<EventStore, StorageFailure> =>
    Layer.scoped(EventStore, openPostgresStore(options))
}
