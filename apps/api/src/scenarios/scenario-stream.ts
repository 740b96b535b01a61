import {
  type ActiveScenario,
  packCatalog,
  type ScenarioCommand,
  type ScenarioEvent,
  ScenarioNotFound,
  scenarioDecider,
  scenarioEventTypes,
} from "@accord/domain"
import { EventStore, type ExpectedVersion, type RecordedEvent } from "@accord/event-store"
import { Effect } from "effect"
import { NotFound } from "../http/api-error.js"
import { codecOf, decided, executeCommand, foldRecorded, type StreamKind } from "../streams/stream-command.js"

const decider = scenarioDecider(packCatalog)

/** Scenario streams: scenario events, folded by the scenario decider. */
export const scenarioKind: StreamKind<ReturnType<typeof decider.evolve>, ScenarioEvent> = {
  name: "a scenario event",
  types: scenarioEventTypes,
  initialState: decider.initialState,
  evolve: decider.evolve,
}

/** Scenario streams are prefixed so that the global log tells them from report streams. */
export const scenarioStreamPrefix = "scenario-"
export const scenarioStream = (scenarioId: string) => `${scenarioStreamPrefix}${scenarioId}`

export interface LoadedScenario {
  readonly state: ActiveScenario
  readonly events: ReadonlyArray<RecordedEvent<ScenarioEvent>>
}

const notFound = (scenarioId: string) =>
  new ScenarioNotFound({ message: `no scenario '${scenarioId}'`, scenarioId: scenarioId as never })

/** Reads a scenario's events (up to `asOf` when given) and folds them to its state. */
export const loadScenario = (scenarioId: string, asOf?: number) =>
  Effect.gen(function* () {
    const store = yield* EventStore
    const stream = scenarioStream(scenarioId)
    const codec = codecOf(scenarioKind)
    const events =
      asOf === undefined
        ? yield* store.readStream(stream, { codec })
        : yield* store.readStreamAsOf(stream, { version: asOf }, { codec })
    const state = foldRecorded(scenarioKind, events)
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

/**
 * Decides a command on the scenario (see executeCommand): `expected` is the version a client has seen,
 * or "any" to decide on whatever is current. Returns the version after it and the state.
 */
export const executeScenarioCommand = (command: ScenarioCommand, expected?: ExpectedVersion) =>
  Effect.map(
    executeCommand(scenarioKind, scenarioStream(command.scenarioId), {
      // Only creation starts a scenario.
      missing: (state) =>
        state._tag === "EmptyScenario" && command._tag !== "CreateScenario"
          ? notFound(command.scenarioId)
          : undefined,
      decide: (state) => decided(decider.decide(command, state)),
      expected: typeof expected === "number" ? expected : undefined,
    }),
    (outcome) => ({ version: outcome.version, state: outcome.after }),
  )
