import { Context, Layer } from "effect"
import type { EventStoreService } from "./event-store-service.js"
import { type MemoryStoreOptions, makeMemoryStore } from "./memory-store.js"

/** The event store service; provide it with `EventStore.memory()`, `EventStore.sqlite(…)` or `EventStore.postgres(…)`. */
export class EventStore extends Context.Tag("@accord/event-store/EventStore")<
  EventStore,
  EventStoreService
>() {
  /** An empty store in this process's memory (tests, demos). */
  static readonly memory = (options?: MemoryStoreOptions): Layer.Layer<EventStore> =>
    Layer.effect(EventStore, makeMemoryStore(options))
}
