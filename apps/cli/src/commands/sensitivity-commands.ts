import { getPack, type Pack, type ScenarioSpec, type ValidationIssue } from "@accord/domain"
import {
  canonicalJson,
  goalIssues,
  goalSeek,
  goalToMarkdown,
  indicatorIssues,
  localSampler,
  renderReport,
  renderSensitivity,
  sobol,
  tornado,
} from "@accord/engine"
import { Args, Command, Options } from "@effect/cli"
import { Effect, Option, Schema } from "effect"
import { AnalysisRefused, UnknownPack } from "../cli-errors.js"
import { writeOutput } from "../report-output.js"
import { loadScenario } from "../scenario-file.js"
import { simulateScenario } from "../scenario-simulation.js"
import {
  chosenFormat,
  formatOption,
  horizonOption,
  outOption,
  runsOption,
  seedOption,
} from "./shared-options.js"

const fileArg = Args.text({ name: "scenario.yaml|json" }).pipe(Args.withDescription("the scenario file"))
const indicatorOption = Options.text("indicator").pipe(
  Options.withDescription("the indicator id, e.g. funds.disbursed_usd_m (see `accord pack <id>`)"),
)
const positiveInteger = (name: string, description: string) =>
  Options.integer(name).pipe(
    Options.withSchema(
      Schema.Number.pipe(
        Schema.filter((n) => Number.isInteger(n) && n >= 0, {
          message: (issue) => `--${name} must be a whole number, got ${String(issue.actual)}`,
        }),
      ),
    ),
    Options.withDescription(description),
    Options.optional,
  )

/** Loads the file with --runs/--seed/--horizon applied, and its built-in pack. */
const scenarioAndPack = (
  file: string,
  overrides: { runs: Option.Option<number>; seed: Option.Option<number>; horizon: Option.Option<number> },
) =>
  Effect.gen(function* () {
    const { spec } = yield* loadScenario(file, {
      runs: Option.getOrUndefined(overrides.runs),
      seed: Option.getOrUndefined(overrides.seed),
      horizonMonths: Option.getOrUndefined(overrides.horizon),
    })
    const pack = getPack(spec.pack)
    if (pack === undefined) {
      return yield* new UnknownPack({ pack: spec.pack, message: `no built-in pack '${spec.pack}'` })
    }
    return { spec, pack } as { spec: ScenarioSpec; pack: Pack }
  })

const refuseIf = (issues: ReadonlyArray<ValidationIssue>, what: string) =>
  issues.length === 0
    ? Effect.void
    : Effect.fail(new AnalysisRefused({ message: `${what} cannot be answered`, issues: [...issues] }))

/** `accord sensitivity <file> --indicator ID [--method sobol]`: which assumptions drive an indicator. */
export const sensitivityCommand = Command.make(
  "sensitivity",
  {
    file: fileArg,
    indicator: indicatorOption,
    method: Options.choice("method", ["tornado", "sobol"]).pipe(
      Options.withDescription("tornado (one at a time, the default) or sobol (variance-based indices)"),
      Options.withDefault("tornado" as const),
    ),
    month: positiveInteger("month", "month of the indicator (the horizon by default)"),
    samples: positiveInteger(
      "samples",
      "tornado: runs per setting (the file's runs); sobol: N per matrix (2048)",
    ),
    runs: runsOption,
    seed: seedOption,
    horizon: horizonOption,
    format: formatOption,
    out: outOption,
  },
  ({ file, indicator, method, month, samples, format, out, ...overrides }) =>
    Effect.gen(function* () {
      const { spec, pack } = yield* scenarioAndPack(file, overrides)
      const at = Option.getOrUndefined(month)
      yield* refuseIf(indicatorIssues(pack, spec, indicator, at), "the sensitivity analysis")
      const n = Option.getOrUndefined(samples)
      if (n !== undefined && n < 16) {
        yield* refuseIf([{ path: "samples", message: "expected at least 16" }], "the sensitivity analysis")
      }
      const options = { indicator, ...(at === undefined ? {} : { month: at }) }
      const sampler = localSampler(pack)
      const result =
        method === "tornado"
          ? yield* tornado(pack, spec, { ...options, ...(n === undefined ? {} : { runs: n }) }, sampler)
          : yield* sobol(pack, spec, { ...options, ...(n === undefined ? {} : { samples: n }) }, sampler)
      yield* writeOutput(renderSensitivity(result, chosenFormat(format, out)), Option.getOrUndefined(out))
    }),
).pipe(
  Command.withDescription(
    "Which assumptions drive an indicator: a tornado (each parameter at its low and high, each lever ±25 %) or Sobol indices with 90 % intervals.",
  ),
)

/** `0.amountUsdM` → intervention 0, field amountUsdM. */
const parseLever = (text: string) => {
  const match = /^(\d+)\.([A-Za-z]+)$/.exec(text)
  return match === null ? undefined : { intervention: Number(match[1]), field: match[2] as string }
}

/** `accord goal <file> --lever 0.amountUsdM --indicator ID --month M --target T --probability P`. */
export const goalCommand = Command.make(
  "goal",
  {
    file: fileArg,
    lever: Options.text("lever").pipe(
      Options.withDescription("the intervention's index and numeric field, e.g. 0.amountUsdM or 1.month"),
    ),
    indicator: indicatorOption,
    month: Options.integer("month").pipe(Options.withDescription("month of the indicator")),
    target: Options.float("target").pipe(Options.withDescription("the value the indicator must reach (≥)")),
    probability: Options.float("probability").pipe(
      Options.withDescription("share of runs that must reach it, more than 0 and at most 1"),
      Options.withDefault(0.5),
    ),
    runs: runsOption,
    seed: seedOption,
    horizon: horizonOption,
    format: formatOption,
    out: outOption,
  },
  ({ file, lever, indicator, month, target, probability, format, out, ...overrides }) =>
    Effect.gen(function* () {
      const { spec, pack } = yield* scenarioAndPack(file, overrides)
      const ref = parseLever(lever)
      if (ref === undefined) {
        return yield* refuseIf(
          [{ path: "lever", message: `expected INDEX.FIELD (e.g. 0.amountUsdM), got '${lever}'` }],
          "the goal",
        )
      }
      const goal = { lever: ref, indicator, month, target, probability }
      yield* refuseIf(
        [...indicatorIssues(pack, spec, indicator, month), ...goalIssues(pack, spec, goal)],
        "the goal",
      )
      const result = yield* goalSeek(pack, spec, goal, localSampler(pack))
      const chosen = chosenFormat(format, out)
      const text =
        chosen === "json"
          ? `${canonicalJson(result)}\n`
          : chosen === "markdown"
            ? goalToMarkdown(result)
            : renderReport(yield* simulateScenario(pack, result.spec), chosen, { pack })
      yield* writeOutput(text, Option.getOrUndefined(out))
    }),
).pipe(
  Command.withDescription(
    "What would it take: the smallest value of a lever (the latest, for a month) at which enough runs reach a target, by bisection under common random numbers.",
  ),
)
