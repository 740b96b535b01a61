export * from "./domain-event-codec.js"
export * from "./event-codec.js"
export * from "./event-store.js"
export type {
  AsOf,
  DecodeOptions,
  EventStoreService,
  ReadStreamOptions,
  SubscribeOptions,
} from "./event-store-service.js"
export type { MemoryStoreOptions } from "./memory-store.js"
export type { PostgresStoreOptions } from "./postgres-store.js"
export * from "./projection.js"
export * from "./recorded-event.js"
export type { SqliteStoreOptions } from "./sqlite-store.js"
export * from "./store-errors.js"
