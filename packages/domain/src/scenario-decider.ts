import { Either, Schema } from "effect"
import type { Decider } from "./decider.js"
import type { ScenarioId } from "./ids.js"
import type {
  AddIntervention,
  BranchScenario,
  ChangeAssumptions,
  ChangeSettings,
  CreateScenario,
  RecordRun,
  RemoveIntervention,
  ScenarioCommand,
} from "./scenario-commands.js"
import {
  InterventionNotFound,
  RunConflict,
  ScenarioAlreadyExists,
  ScenarioNotFound,
} from "./scenario-errors.js"
import type { ScenarioEvent, SettingsChanged } from "./scenario-events.js"
import { crossCheckSpec, type PackCatalog, ScenarioSpec, strictParseOptions } from "./scenario-spec.js"
import type { ActiveScenario, ScenarioState } from "./scenario-state.js"
import {
  type InvalidInput,
  invalidAt,
  invalidInput,
  issuesFromParseError,
  type ValidationIssue,
} from "./validation-issue.js"

/** Every way a scenario command can be refused. */
export type ScenarioError =
  | ScenarioNotFound
  | ScenarioAlreadyExists
  | InterventionNotFound
  | RunConflict
  | InvalidInput

export type ScenarioDecider = Decider<ScenarioState, ScenarioCommand, ScenarioEvent, ScenarioError>

const UNTITLED = "Untitled scenario"

/** The state of a stream with no events. */
export const initialScenarioState: ScenarioState = { _tag: "EmptyScenario", version: 0 }

/** Applies one event to a scenario's state. */
export const evolveScenario = (state: ScenarioState, event: ScenarioEvent): ScenarioState => {
  if (event._tag === "ScenarioCreated") {
    return {
      _tag: "ActiveScenario",
      version: state.version + 1,
      scenarioId: event.scenarioId,
      name: event.name,
      spec: { ...event.spec, name: event.name },
      ...(event.parent === undefined ? {} : { parent: event.parent }),
      branches: [],
      runs: [],
    }
  }
  // Events other than creation on an empty stream cannot come from this decider; ignore them.
  if (state._tag === "EmptyScenario") return state
  const version = state.version + 1
  switch (event._tag) {
    case "InterventionAdded":
      return {
        ...state,
        version,
        spec: { ...state.spec, interventions: [...state.spec.interventions, event.intervention] },
      }
    case "InterventionRemoved":
      return {
        ...state,
        version,
        spec: { ...state.spec, interventions: state.spec.interventions.filter((_, i) => i !== event.index) },
      }
    case "AssumptionsChanged":
      return { ...state, version, spec: withAssumptions(state.spec, event.assumptions) }
    case "SettingsChanged": {
      const name = event.name ?? state.name
      return {
        ...state,
        version,
        name,
        spec: {
          ...state.spec,
          name,
          horizonMonths: event.horizonMonths ?? state.spec.horizonMonths,
          runs: event.runs ?? state.spec.runs,
          seed: event.seed ?? state.spec.seed,
        },
      }
    }
    case "ScenarioBranched":
      return {
        ...state,
        version,
        branches: [...state.branches, { childId: event.childId, atVersion: event.atVersion }],
      }
    case "RunCompleted":
      // atVersion is the version of this RunCompleted event (the API shows it as the run's version).
      return {
        ...state,
        version,
        runs: [
          ...state.runs,
          {
            runId: event.runId,
            reportHash: event.reportHash,
            runs: event.runs,
            seed: event.seed,
            atVersion: version,
          },
        ],
      }
  }
}

/** Decides what a command does to a scenario; pack ids, commitment ids and ranges are checked against `catalog`. */
export const decideScenario = (
  command: ScenarioCommand,
  state: ScenarioState,
  catalog: PackCatalog,
): Either.Either<ReadonlyArray<ScenarioEvent>, ScenarioError> => {
  if (command._tag === "CreateScenario") return create(command, state, catalog)
  if (state._tag === "EmptyScenario") return Either.left(notFound(command.scenarioId))
  switch (command._tag) {
    case "AddIntervention":
      return addIntervention(command, state, catalog)
    case "RemoveIntervention":
      return removeIntervention(command, state)
    case "ChangeAssumptions":
      return changeAssumptions(command, state, catalog)
    case "ChangeSettings":
      return changeSettings(command, state, catalog)
    case "BranchScenario":
      return branch(command, state)
    case "RecordRun":
      return recordRun(command, state)
  }
}

/** The scenario decider, checking specs against the given packs. */
export const scenarioDecider = (catalog: PackCatalog): ScenarioDecider => ({
  initialState: initialScenarioState,
  evolve: evolveScenario,
  decide: (command, state) => decideScenario(command, state, catalog),
})

const create = (
  command: CreateScenario,
  state: ScenarioState,
  catalog: PackCatalog,
): Either.Either<ReadonlyArray<ScenarioEvent>, ScenarioError> => {
  if (state._tag === "ActiveScenario") {
    return Either.left(
      new ScenarioAlreadyExists({
        message: `scenario '${command.scenarioId}' exists already`,
        scenarioId: command.scenarioId,
      }),
    )
  }
  if (command.parent?.scenarioId === command.scenarioId) {
    return Either.left(
      invalidAt(
        "parent.scenarioId",
        "a scenario cannot branch from itself: the parent must be another scenario",
      ),
    )
  }
  // A spec may carry an empty name (it only labels a report); a stored scenario always has one.
  const name = command.name ?? (command.spec.name === "" ? undefined : command.spec.name) ?? UNTITLED
  const spec: ScenarioSpec = { ...command.spec, name }
  const issues = specIssues(spec, catalog)
  if (issues.length > 0) return Either.left(invalidInput("the scenario spec", issues.map(under("spec"))))
  return Either.right([
    {
      _tag: "ScenarioCreated",
      v: 1,
      scenarioId: command.scenarioId,
      name,
      spec,
      ...(command.parent === undefined ? {} : { parent: command.parent }),
    },
  ])
}

const addIntervention = (
  command: AddIntervention,
  state: ActiveScenario,
  catalog: PackCatalog,
): Either.Either<ReadonlyArray<ScenarioEvent>, ScenarioError> => {
  const index = state.spec.interventions.length
  const spec = { ...state.spec, interventions: [...state.spec.interventions, command.intervention] }
  const prefix = `interventions.${index}`
  // Problems of the new intervention are reported against the command's own field.
  const issues = specIssues(spec, catalog).map((issue) =>
    issue.path === prefix || issue.path.startsWith(`${prefix}.`)
      ? { ...issue, path: `intervention${issue.path.slice(prefix.length)}` }
      : issue,
  )
  if (issues.length > 0) return Either.left(invalidInput("the intervention", issues))
  return Either.right([{ _tag: "InterventionAdded", v: 2, intervention: command.intervention }])
}

const removeIntervention = (
  command: RemoveIntervention,
  state: ActiveScenario,
): Either.Either<ReadonlyArray<ScenarioEvent>, ScenarioError> => {
  const count = state.spec.interventions.length
  if (command.index >= count) {
    return Either.left(
      new InterventionNotFound({
        message: `scenario '${state.scenarioId}' has no intervention at index ${command.index} (it has ${count})`,
        scenarioId: state.scenarioId,
        index: command.index,
        count,
      }),
    )
  }
  return Either.right([{ _tag: "InterventionRemoved", v: 1, index: command.index }])
}

const changeAssumptions = (
  command: ChangeAssumptions,
  state: ActiveScenario,
  catalog: PackCatalog,
): Either.Either<ReadonlyArray<ScenarioEvent>, ScenarioError> => {
  const issues = specIssues(withAssumptions(state.spec, command.assumptions), catalog)
  if (issues.length > 0) return Either.left(invalidInput("the assumptions", issues))
  return Either.right([{ _tag: "AssumptionsChanged", v: 1, assumptions: command.assumptions }])
}

const changeSettings = (
  command: ChangeSettings,
  state: ActiveScenario,
  catalog: PackCatalog,
): Either.Either<ReadonlyArray<ScenarioEvent>, ScenarioError> => {
  // Only what differs from the current settings is recorded; asking for the current settings is a no-op.
  const changed: Omit<SettingsChanged, "_tag" | "v"> = {
    ...(command.name !== undefined && command.name !== state.name ? { name: command.name } : {}),
    ...(command.horizonMonths !== undefined && command.horizonMonths !== state.spec.horizonMonths
      ? { horizonMonths: command.horizonMonths }
      : {}),
    ...(command.runs !== undefined && command.runs !== state.spec.runs ? { runs: command.runs } : {}),
    ...(command.seed !== undefined && command.seed !== state.spec.seed ? { seed: command.seed } : {}),
  }
  if (Object.keys(changed).length === 0) return Either.right([])
  const spec: ScenarioSpec = {
    ...state.spec,
    name: changed.name ?? state.name,
    horizonMonths: changed.horizonMonths ?? state.spec.horizonMonths,
    runs: changed.runs ?? state.spec.runs,
    seed: changed.seed ?? state.spec.seed,
  }
  const issues = specIssues(spec, catalog)
  if (issues.length > 0) return Either.left(invalidInput("the scenario with the new settings", issues))
  return Either.right([{ _tag: "SettingsChanged", v: 1, ...changed }])
}

const branch = (
  command: BranchScenario,
  state: ActiveScenario,
): Either.Either<ReadonlyArray<ScenarioEvent>, ScenarioError> => {
  if (command.childId === state.scenarioId) {
    return Either.left(
      invalidAt("childId", "a scenario cannot branch into itself: the child must be another scenario"),
    )
  }
  if (state.branches.some((b) => b.childId === command.childId)) {
    return Either.left(
      new ScenarioAlreadyExists({
        message: `scenario '${state.scenarioId}' already has a branch '${command.childId}'`,
        scenarioId: command.childId,
      }),
    )
  }
  return Either.right([
    { _tag: "ScenarioBranched", v: 1, childId: command.childId, atVersion: state.version },
  ])
}

const recordRun = (
  command: RecordRun,
  state: ActiveScenario,
): Either.Either<ReadonlyArray<ScenarioEvent>, ScenarioError> => {
  const earlier = state.runs.find((run) => run.runId === command.runId)
  if (earlier !== undefined) {
    // A retried record of the same run is a no-op; the same id with another report is a conflict.
    if (
      earlier.reportHash === command.reportHash &&
      earlier.runs === command.runs &&
      earlier.seed === command.seed
    ) {
      return Either.right([])
    }
    return Either.left(
      new RunConflict({
        message: `run '${command.runId}' was recorded before with another report`,
        scenarioId: state.scenarioId,
        runId: command.runId,
      }),
    )
  }
  return Either.right([
    {
      _tag: "RunCompleted",
      v: 1,
      runId: command.runId,
      reportHash: command.reportHash,
      runs: command.runs,
      seed: command.seed,
    },
  ])
}

const withAssumptions = (spec: ScenarioSpec, assumptions: ScenarioSpec["assumptions"]): ScenarioSpec => {
  const { assumptions: _previous, ...rest } = spec
  return assumptions === undefined || Object.keys(assumptions).length === 0 ? rest : { ...rest, assumptions }
}

const validateSpec = Schema.validateEither(ScenarioSpec)

/** Structural problems (ranges, lengths) and then cross-checks against the pack. */
const specIssues = (spec: ScenarioSpec, catalog: PackCatalog): ReadonlyArray<ValidationIssue> => {
  const structural = validateSpec(spec, strictParseOptions)
  if (Either.isLeft(structural)) return issuesFromParseError(structural.left)
  return crossCheckSpec(spec, catalog)
}

const under =
  (prefix: string) =>
  (issue: ValidationIssue): ValidationIssue => ({
    ...issue,
    path: issue.path === "" ? prefix : `${prefix}.${issue.path}`,
  })

const notFound = (scenarioId: ScenarioId) =>
  new ScenarioNotFound({ message: `no scenario '${scenarioId}'`, scenarioId })
