import { getPack } from "@accord/domain"
import { renderReport, reportDrivers } from "@accord/engine"
import { Args, Command } from "@effect/cli"
import { Effect, Option } from "effect"
import { UnknownPack } from "../cli-errors.js"
import { progressFor } from "../progress-bar.js"
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

/** `accord run <file>`: simulate a scenario file and print or save its report. */
export const runCommand = Command.make(
  "run",
  {
    file: Args.text({ name: "scenario.yaml|json" }).pipe(Args.withDescription("the scenario file")),
    runs: runsOption,
    seed: seedOption,
    horizon: horizonOption,
    format: formatOption,
    out: outOption,
  },
  ({ file, runs, seed, horizon, format, out }) =>
    Effect.gen(function* () {
      const { spec } = yield* loadScenario(file, {
        runs: Option.getOrUndefined(runs),
        seed: Option.getOrUndefined(seed),
        horizonMonths: Option.getOrUndefined(horizon),
      })
      const pack = getPack(spec.pack)
      if (pack === undefined) {
        return yield* new UnknownPack({ pack: spec.pack, message: `no built-in pack '${spec.pack}'` })
      }
      const report = yield* simulateScenario(pack, spec, progressFor(`simulating ${spec.runs} runs`))
      const chosen = chosenFormat(format, out)
      // Handouts list the headline indicators' largest drivers (a small tornado; not in the JSON).
      const handout = chosen === "markdown" || chosen === "html"
      yield* writeOutput(
        renderReport(report, chosen, { pack, ...(handout ? { drivers: reportDrivers(pack, spec) } : {}) }),
        Option.getOrUndefined(out),
      )
    }),
).pipe(
  Command.withDescription("Simulate a scenario file and print its report (JSON, Markdown, CSV or HTML)."),
)
