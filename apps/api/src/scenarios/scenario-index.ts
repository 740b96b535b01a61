import {
  type Checkpoint,
  checkpointStart,
  type EventDecodeError,
  EventStore,
  type RecordedEvent,
  type StorageFailure,
} from "@accord/event-store"
import { Context, Effect, Layer, Schema } from "effect"
import { scenarioStreamPrefix } from "./scenario-stream.js"

/** One line of the scenario list. */
export const ScenarioSummary = Schema.Struct({
  id: Schema.String,
  name: Schema.String,
  pack: Schema.String,
  version: Schema.Int,
  parent: Schema.optional(Schema.Struct({ scenarioId: Schema.String, version: Schema.Int })),
  createdAt: Schema.String,
  updatedAt: Schema.String,
}).annotations({ identifier: "ScenarioSummary" })
export type ScenarioSummary = typeof ScenarioSummary.Type

type Summaries = Map<string, ScenarioSummary>

/** Applies one event of the global log to the list (raw data: only stable fields are read, so no upcasting). */
const apply = (summaries: Summaries, event: RecordedEvent): void => {
  if (!event.streamId.startsWith(scenarioStreamPrefix)) return
  const id = event.streamId.slice(scenarioStreamPrefix.length)
  const at = event.recordedAt.toISOString()
  const data = event.data as { name?: string; spec?: { pack?: string }; parent?: ScenarioSummary["parent"] }
  if (event.type === "ScenarioCreated") {
    summaries.set(id, {
      id,
      name: data.name ?? "Untitled scenario",
      pack: data.spec?.pack ?? "",
      version: event.version,
      ...(data.parent === undefined ? {} : { parent: data.parent }),
      createdAt: at,
      updatedAt: at,
    })
    return
  }
  const current = summaries.get(id)
  if (current === undefined) return
  const renamed = event.type === "SettingsChanged" && typeof data.name === "string" ? { name: data.name } : {}
  summaries.set(id, { ...current, ...renamed, version: event.version, updatedAt: at })
}

/** The scenario list, a projection of the global log caught up on each read (so it sees other instances' writes). */
export interface ScenarioIndexShape {
  readonly list: Effect.Effect<ReadonlyArray<ScenarioSummary>, EventDecodeError | StorageFailure>
}

export class ScenarioIndex extends Context.Tag("@accord/api/ScenarioIndex")<
  ScenarioIndex,
  ScenarioIndexShape
>() {}

const pageSize = 1000

export const ScenarioIndexLive: Layer.Layer<ScenarioIndex, never, EventStore> = Layer.effect(
  ScenarioIndex,
  Effect.gen(function* () {
    const store = yield* EventStore
    const summaries: Summaries = new Map()
    let checkpoint: Checkpoint = checkpointStart
    // One catch-up at a time; concurrent readers wait and then see the same list.
    const lock = yield* Effect.makeSemaphore(1)
    const catchUp = Effect.gen(function* () {
      for (;;) {
        const page = yield* store.readAll(checkpoint, pageSize)
        for (const event of page.events) apply(summaries, event)
        checkpoint = page.checkpoint
        if (page.events.length < pageSize) return
      }
    })
    return {
      list: lock
        .withPermits(1)(catchUp)
        .pipe(
          Effect.map(() => [...summaries.values()].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))),
        ),
    }
  }),
)
