import { randomUUID } from "node:crypto"
import {
  decideObservation,
  evolveObservations,
  initialObservationState,
  type Observation,
  ObservationEvent,
  type ObservationState,
  observationCatalogOf,
  observationSeedOf,
  observationStreamId,
  type Pack,
  type ScenarioSpec,
} from "@accord/domain"
import { EventStore, ExpectedVersionMismatch, type RecordedEvent, schemaCodec } from "@accord/event-store"
import { Clock, Effect, Either, Schema } from "effect"

/** Reads and validates observation events on the way out of the store. */
export const observationCodec = schemaCodec(ObservationEvent)
const encode = Schema.encodeSync(ObservationEvent)

const fold = (events: ReadonlyArray<RecordedEvent<ObservationEvent>>): ObservationState =>
  events.reduce((state, event) => evolveObservations(state, event.data), initialObservationState)

const toNewEvent = (event: ObservationEvent, eventId: string = randomUUID()) => ({
  eventId,
  type: event._tag,
  v: event.v,
  data: encode(event),
})

// Seed events have fixed ids, so two instances seeding at once append the same batch: one wins, the other re-reads.
const seedEventId = (packId: string, observationId: string) => `seed-${packId}-${observationId}`

const readState = (packId: string) =>
  Effect.gen(function* () {
    const store = yield* EventStore
    return fold(yield* store.readStream(observationStreamId(packId), { codec: observationCodec }))
  })

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
      toNewEvent({ _tag: "ObservationRecorded", v: 1, observation }, seedEventId(pack.id, observation.id)),
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
    const state = yield* loadObservations(pack)
    const stream = observationStreamId(pack.id)
    if (expectedVersion !== state.version) {
      return yield* new ExpectedVersionMismatch({ stream, expected: expectedVersion, actual: state.version })
    }
    const command = { _tag: "RecordObservation", observation, today: yield* today } as const
    const decided = decideObservation(command, state, observationCatalogOf(pack))
    if (Either.isLeft(decided)) return yield* Effect.fail(decided.left)
    const store = yield* EventStore
    const result = yield* store.append(
      stream,
      state.version === 0 ? "noStream" : state.version,
      decided.right.map((event) => toNewEvent(event)),
    )
    return { version: result.nextExpectedVersion }
  })

/** The observations a spec is conditioned on: the pack's, for a spec with `asOf`; none without. */
export const observationsFor = (pack: Pack, spec: ScenarioSpec) =>
  spec.asOf === undefined
    ? Effect.succeed([] as ReadonlyArray<Observation>)
    : Effect.map(loadObservations(pack), (state) => state.observations)
