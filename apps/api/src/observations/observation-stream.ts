import {
  decideObservation,
  evolveObservations,
  initialObservationState,
  type Observation,
  type ObservationEvent,
  type ObservationState,
  observationCatalogOf,
  observationSeedOf,
  observationStreamId,
  type Pack,
  type ScenarioSpec,
} from "@accord/domain"
import { EventStore, newDomainEvent } from "@accord/event-store"
import { Clock, Effect } from "effect"
import { decided, executeCommand, readFolded, type StreamKind } from "../streams/stream-command.js"

/** Observation streams: one per pack, folded to its observations. */
const observationKind: StreamKind<ObservationState, ObservationEvent> = {
  name: "an observation event",
  types: ["ObservationRecorded"],
  initialState: initialObservationState,
  evolve: evolveObservations,
}

// Seed events have fixed ids, so two instances seeding at once append the same batch: one wins, the other re-reads.
const seedEventId = (packId: string, observationId: string) => `seed-${packId}-${observationId}`

const readState = (packId: string) =>
  Effect.map(readFolded(observationKind, observationStreamId(packId)), ({ state }) => state)

/**
 * A pack's observations: the seed it ships (appended to its stream on first use, once) and those recorded since.
 */
export const loadObservations = (pack: Pack) =>
  Effect.gen(function* () {
    const state = yield* readState(pack.id)
    const seed = observationSeedOf(pack.id)?.observations ?? []
    if (state.version > 0 || seed.length === 0) return state
    const store = yield* EventStore
    const events = seed.map((observation) =>
      newDomainEvent(
        { _tag: "ObservationRecorded", v: 1, observation },
        seedEventId(pack.id, observation.id),
      ),
    )
    yield* store
      .append(observationStreamId(pack.id), "noStream", events)
      .pipe(Effect.catchTag("ExpectedVersionMismatch", () => Effect.void))
    return yield* readState(pack.id)
  })

/** Today's date (UTC) from the Effect clock, the "today" observations are checked against. */
export const today = Effect.map(Clock.currentTimeMillis, (ms) => new Date(ms).toISOString().slice(0, 10))

/** Records one observation if the client has seen the current version; returns the version after it. */
export const recordObservation = (pack: Pack, expectedVersion: number, observation: Observation) =>
  Effect.gen(function* () {
    // The seed goes in first: the client's version counts it.
    yield* loadObservations(pack)
    const command = { _tag: "RecordObservation", observation, today: yield* today } as const
    const { version } = yield* executeCommand(observationKind, observationStreamId(pack.id), {
      decide: (state) => decided(decideObservation(command, state, observationCatalogOf(pack))),
      expected: expectedVersion,
    })
    return { version }
  })

/** The observations a spec is conditioned on: the pack's, for a spec with `asOf`; none without. */
export const observationsFor = (pack: Pack, spec: ScenarioSpec) =>
  spec.asOf === undefined
    ? Effect.succeed([] as ReadonlyArray<Observation>)
    : Effect.map(loadObservations(pack), (state) => state.observations)
