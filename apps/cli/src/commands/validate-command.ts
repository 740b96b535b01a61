import { Args, Command } from "@effect/cli"
import { Effect } from "effect"
import { writeStdout } from "../report-output.js"
import { loadScenario } from "../scenario-file.js"

/** `accord validate <file>`: check a scenario file; every problem with its path, line and column. */
export const validateCommand = Command.make(
  "validate",
  {
    file: Args.text({ name: "scenario.yaml|json" }).pipe(Args.withDescription("the scenario file to check")),
  },
  ({ file }) =>
    Effect.gen(function* () {
      const { spec, source } = yield* loadScenario(file)
      const interventions = spec.interventions.length
      yield* writeStdout(
        `${source.display}: valid (pack ${spec.pack}, ${spec.horizonMonths} months, ${spec.runs} runs, seed ${spec.seed}, ${interventions} intervention${interventions === 1 ? "" : "s"})\n`,
      )
    }),
).pipe(
  Command.withDescription(
    "Check a scenario file without running it: lists every problem with its path (and line:column), exit 1 if any.",
  ),
)
