import {
  decideObservation,
  evolveObservations,
  issuesFromParseError,
  Observation,
  type ObservationState,
  observationCatalogOf,
  strictParseOptions,
} from "@accord/domain"
import { canonicalJson } from "@accord/engine"
import { Args, Command, Options } from "@effect/cli"
import { Clock, Effect, Either, Schema } from "effect"
import { type LocatedIssue, ObservationsFailed } from "../cli-errors.js"
import { dataOption, packNamed, packOption, withObservationStore } from "../observation-store.js"
import { writeStdout } from "../report-output.js"
import { readScenarioSource, type ScenarioSource } from "../scenario-file.js"

const jsonOption = Options.boolean("json").pipe(Options.withDescription("print JSON instead of text"))

/** `accord observations list`: the pack's observations (its seed, then what was recorded since). */
const listCommand = Command.make(
  "list",
  { pack: packOption, data: dataOption, json: jsonOption },
  ({ pack: packId, data, json }) =>
    Effect.gen(function* () {
      const pack = yield* packNamed(packId)
      const state = yield* withObservationStore(data, (api) => api.loadObservations(pack))
      yield* writeStdout(
        json
          ? `${canonicalJson({ version: state.version, observations: state.observations })}\n`
          : observationsText(state),
      )
    }),
).pipe(
  Command.withDescription("List a pack's observations: what happened after the visit, dated and sourced."),
)

/** `accord observations add FILE`: records the observation(s) of a YAML or JSON file. */
const addCommand = Command.make(
  "add",
  {
    file: Args.text({ name: "file" }).pipe(
      Args.withDescription("a YAML or JSON file: one observation, a list, or { observations: [...] }"),
    ),
    pack: packOption,
    data: dataOption,
  },
  ({ file, pack: packId, data }) =>
    Effect.gen(function* () {
      const pack = yield* packNamed(packId)
      const source = yield* readScenarioSource(file).pipe(
        Effect.mapError(
          (e) =>
            new ObservationsFailed({
              message: e.message,
              file: e.file,
              issues: "issues" in e ? e.issues : [],
            }),
        ),
      )
      const { observations, pathOf } = yield* decodeObservations(source)
      const today = new Date(yield* Clock.currentTimeMillis).toISOString().slice(0, 10)
      const version = yield* withObservationStore(data, (api) =>
        Effect.gen(function* () {
          const state = yield* api.loadObservations(pack)
          // Every observation is checked (against the pack and each other) before any is recorded.
          yield* checkAll(source, pathOf, observations, state, observationCatalogOf(pack), today)
          let version = state.version
          for (const o of observations) version = (yield* api.recordObservation(pack, version, o)).version
          return version
        }),
      )
      yield* writeStdout(
        `recorded ${observations.length} observation(s) in ${pack.id}; the stream is at version ${version}\n`,
      )
    }),
).pipe(
  Command.withDescription("Record observations from a YAML or JSON file (checked against the pack first)."),
)

/** `accord observations`: list and add. */
export const observationsCommand = Command.make("observations", {}, () =>
  Effect.fail(
    new ObservationsFailed({
      message: "expected 'list' or 'add'; see 'accord observations --help'",
      issues: [],
    }),
  ),
).pipe(
  Command.withDescription("What happened after the visit, as events in the service's event log."),
  Command.withSubcommands([listCommand, addCommand]),
)

const located = (source: ScenarioSource, path: string, message: string): LocatedIssue => {
  const position = source.locate(path, false)
  return {
    path,
    message,
    ...(position === undefined ? {} : { line: position.line, column: position.column }),
  }
}

/** The observations of a file: one object, a list, or { observations: [...] }; issues point into the file. */
const decodeObservations = (source: ScenarioSource) => {
  const value = source.value as { observations?: unknown }
  const wrapped = typeof value === "object" && value !== null && Array.isArray(value.observations)
  const single = !Array.isArray(value) && !wrapped
  const items = single
    ? [value]
    : wrapped
      ? (value.observations as Array<unknown>)
      : (value as Array<unknown>)
  // Where item i's field `rest` is in the file.
  const pathOf = (i: number, rest: string) =>
    [single ? "" : wrapped ? `observations.${i}` : String(i), rest].filter((p) => p !== "").join(".")
  const decoded = Schema.decodeUnknownEither(Schema.Array(Observation))(items, strictParseOptions)
  if (Either.isRight(decoded)) return Effect.succeed({ observations: decoded.right, pathOf })
  const issues = issuesFromParseError(decoded.left).map((issue) => {
    const [index, ...rest] = issue.path.split(".")
    return located(source, pathOf(Number(index), rest.join(".")), issue.message)
  })
  return Effect.fail(
    new ObservationsFailed({
      message: `${source.display} holds an invalid observation`,
      file: source.display,
      issues,
    }),
  )
}

const checkAll = (
  source: ScenarioSource,
  pathOf: (i: number, rest: string) => string,
  observations: ReadonlyArray<Observation>,
  initial: ObservationState,
  catalog: ReturnType<typeof observationCatalogOf>,
  today: string,
) => {
  let state = initial
  const issues: Array<LocatedIssue> = []
  observations.forEach((observation, i) => {
    const decided = decideObservation({ _tag: "RecordObservation", observation, today }, state, catalog)
    if (Either.isLeft(decided)) {
      for (const issue of decided.left.issues) {
        // The decider's paths start with "observation"; in a file they start at the item.
        issues.push(located(source, pathOf(i, issue.path.replace(/^observation\.?/, "")), issue.message))
      }
    } else state = decided.right.reduce(evolveObservations, state)
  })
  return issues.length === 0
    ? Effect.void
    : Effect.fail(
        new ObservationsFailed({
          message: `${source.display}: the observations do not fit pack '${catalog.pack}'`,
          file: source.display,
          issues,
        }),
      )
}

const observationsText = (state: ObservationState): string =>
  `${state.observations
    .map((o) => {
      const about =
        "commitment" in o.about ? `commitment ${o.about.commitment}` : `indicator ${o.about.indicator}`
      const what = [
        o.state === undefined ? "" : `state ${o.state}`,
        o.value === undefined ? "" : `value ${o.value}`,
      ]
        .filter((s) => s !== "")
        .join(", ")
      return `${o.date}  ${o.id}  ${about}: ${what}  [${o.confidence}]${o.source === undefined ? "" : `  ${o.source}`}`
    })
    .join("\n")}\n(${state.observations.length} observations, stream version ${state.version})\n`
