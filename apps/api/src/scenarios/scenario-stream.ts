import { randomUUID } from "node:crypto"
import {
  type ActiveScenario,
  decodeStoredEvent,
  packCatalog,
  type ScenarioCommand,
  type ScenarioError,
  type ScenarioEvent,
  ScenarioNotFound,
  type ScenarioState,
  scenarioDecider,
  scenarioEventTypes,
  toStoredEvent,
} from "@accord/domain"
import {
  type EventCodec,
  EventStore,
  type ExpectedVersion,
  ExpectedVersionMismatch,
  type RecordedEvent,
} from "@accord/event-store"
import { Effect, Either } from "effect"
import { NotFound } from "../http/api-error.js"

const decider = scenarioDecider(packCatalog)

const isScenarioEvent = (event: { readonly _tag: string }): event is ScenarioEvent =>
  (scenarioEventTypes as ReadonlyArray<string>).includes(event._tag)

/** Scenario events as stored by the domain (`toStoredEvent`), upcast to their current version on read. */
export const scenarioCodec: EventCodec<ScenarioEvent> = {
  decode: (raw) =>
    Either.flatMap(decodeStoredEvent(raw), (event) =>
      isScenarioEvent(event) ? Either.right(event) : Either.left(`${event._tag} is not a scenario event`),
    ),
}

/** Scenario streams are prefixed so that the global log tells them from report streams. */
export const scenarioStreamPrefix = "scenario-"
export const scenarioStream = (scenarioId: string) => `${scenarioStreamPrefix}${scenarioId}`

export interface LoadedScenario {
  readonly state: ActiveScenario
  readonly events: ReadonlyArray<RecordedEvent<ScenarioEvent>>
}

const fold = (
  events: ReadonlyArray<RecordedEvent<ScenarioEvent>>,
  from: ScenarioState = decider.initialState,
) => events.reduce((state, event) => decider.evolve(state, event.data), from)

const notFound = (scenarioId: string) =>
  new ScenarioNotFound({ message: `no scenario '${scenarioId}'`, scenarioId: scenarioId as never })

/** Reads a scenario's events (up to `asOf` when given) and folds them to its state. */
export const loadScenario = (scenarioId: string, asOf?: number) =>
  Effect.gen(function* () {
    const store = yield* EventStore
    const stream = scenarioStream(scenarioId)
    const events =
      asOf === undefined
        ? yield* store.readStream(stream, { codec: scenarioCodec })
        : yield* store.readStreamAsOf(stream, { version: asOf }, { codec: scenarioCodec })
    const state = fold(events)
    if (state._tag === "EmptyScenario") return yield* notFound(scenarioId)
    if (asOf !== undefined && state.version < asOf) {
      return yield* new NotFound({
        message: `scenario '${scenarioId}' has no version ${asOf} (its latest is ${state.version})`,
        resource: "scenario version",
        id: `${scenarioId}@${asOf}`,
      })
    }
    return { state, events } satisfies LoadedScenario
  })

const toNewEvent = (event: ScenarioEvent) => ({ eventId: randomUUID(), ...toStoredEvent(event) })

/**
 * Decides a command on the scenario's current state and appends the outcome, expecting
 * `expected` (a client's version, or the version just read). Returns the version after it.
 */
export const executeScenarioCommand = (command: ScenarioCommand, expected?: ExpectedVersion) =>
  Effect.gen(function* () {
    const store = yield* EventStore
    const stream = scenarioStream(command.scenarioId)
    const events = yield* store.readStream(stream, { codec: scenarioCodec })
    const state = fold(events)
    // A scenario that does not exist is a 404 whatever version the client names; only creation starts one.
    if (state._tag === "EmptyScenario" && command._tag !== "CreateScenario") {
      return yield* notFound(command.scenarioId)
    }
    // A client that has not seen the current version gets a conflict, whatever the command would decide.
    if (typeof expected === "number" && expected !== state.version) {
      return yield* new ExpectedVersionMismatch({ stream, expected, actual: state.version })
    }
    const decided = decider.decide(command, state)
    if (Either.isLeft(decided)) return yield* Effect.fail<ScenarioError>(decided.left)
    if (decided.right.length === 0) return { version: state.version, state }
    const mustMatch = expected ?? (state.version === 0 ? "noStream" : state.version)
    const result = yield* store.append(stream, mustMatch, decided.right.map(toNewEvent))
    return {
      version: result.nextExpectedVersion,
      state: decided.right.reduce(decider.evolve, state as ScenarioState),
    }
  })
