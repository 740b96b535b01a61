import { getPack } from "@accord/domain"
import { renderComparison } from "@accord/engine"
import { Args, Command } from "@effect/cli"
import { Effect, Either, Option } from "effect"
import { ScenarioFileInvalid, UnknownPack } from "../cli-errors.js"
import { writeOutput } from "../report-output.js"
import { loadScenario, type SpecOverrides } from "../scenario-file.js"
import { compareScenarios } from "../scenario-simulation.js"
import {
  chosenFormat,
  formatOption,
  horizonOption,
  outOption,
  runsOption,
  seedOption,
} from "./shared-options.js"

/** `accord compare <baseline> <variant>`: paired differences of two scenarios at every month. */
export const compareCommand = Command.make(
  "compare",
  {
    baseline: Args.text({ name: "baseline" }).pipe(Args.withDescription("the baseline scenario file")),
    variant: Args.text({ name: "variant" }).pipe(Args.withDescription("the variant scenario file")),
    runs: runsOption,
    seed: seedOption,
    horizon: horizonOption,
    format: formatOption,
    out: outOption,
  },
  ({ baseline, variant, runs, seed, horizon, format, out }) =>
    Effect.gen(function* () {
      const overrides: SpecOverrides = {
        runs: Option.getOrUndefined(runs),
        seed: Option.getOrUndefined(seed),
        horizonMonths: Option.getOrUndefined(horizon),
      }
      const [a, b] = yield* loadBoth(loadScenario(baseline, overrides), loadScenario(variant, overrides))
      const pack = getPack(a.spec.pack)
      if (pack === undefined) {
        return yield* new UnknownPack({ pack: a.spec.pack, message: `no built-in pack '${a.spec.pack}'` })
      }
      const comparison = yield* compareScenarios(pack, a, b)
      yield* writeOutput(
        renderComparison(comparison, chosenFormat(format, out), { pack }),
        Option.getOrUndefined(out),
      )
    }),
).pipe(
  Command.withDescription(
    "Compare two scenario files run by run (common random numbers): baseline and variant medians and the paired change.",
  ),
)

/** Loads both files and reports the problems of both when both are invalid, each issue naming its file. */
const loadBoth = <A, E, R>(first: Effect.Effect<A, E, R>, second: Effect.Effect<A, E, R>) =>
  Effect.gen(function* () {
    const [a, b] = yield* Effect.all([Effect.either(first), Effect.either(second)])
    if (Either.isRight(a) && Either.isRight(b)) return [a.right, b.right] as const
    if (
      Either.isLeft(a) &&
      Either.isLeft(b) &&
      a.left instanceof ScenarioFileInvalid &&
      b.left instanceof ScenarioFileInvalid
    ) {
      const [x, y] = [a.left, b.left]
      return yield* new ScenarioFileInvalid({
        file: x.file,
        message: `${x.message}; ${y.message}`,
        issues: [
          ...x.issues.map((i) => ({ file: x.file, ...i })),
          ...y.issues.map((i) => ({ file: y.file, ...i })),
        ],
      })
    }
    return yield* Effect.fail(Either.isLeft(a) ? a.left : (b as Either.Left<E, A>).left)
  })
