import { Args, Command } from "@effect/cli"
import { Effect, Either } from "effect"
import { type FileUnreadable, type LocatedIssue, ScenarioFileInvalid } from "../cli-errors.js"
import { writeStdout } from "../report-output.js"
import { loadScenario } from "../scenario-file.js"

/**
 * `accord validate <file>...`: check scenario files without running them.
 * Valid files get one line on stdout; every problem of every invalid file is
 * listed on stderr with its path (and line:column); exit 1 if any is invalid.
 */
export const validateCommand = Command.make(
  "validate",
  {
    files: Args.text({ name: "scenario.yaml|json" }).pipe(
      Args.withDescription("the scenario files to check"),
      Args.atLeast(1),
    ),
  },
  ({ files }) =>
    Effect.gen(function* () {
      const failures: Array<ScenarioFileInvalid | FileUnreadable> = []
      for (const file of files) {
        const result = yield* Effect.either(loadScenario(file))
        if (Either.isLeft(result)) {
          failures.push(result.left)
          continue
        }
        const { spec, source } = result.right
        const count = spec.interventions.length
        yield* writeStdout(
          `${source.display}: valid (pack ${spec.pack}, ${spec.horizonMonths} months, ${spec.runs} runs, seed ${spec.seed}, ${count} intervention${count === 1 ? "" : "s"})\n`,
        )
      }
      const [only] = failures
      if (only === undefined) return
      if (failures.length === 1) return yield* only
      const issues = failures.flatMap(
        (failure): ReadonlyArray<LocatedIssue> =>
          failure._tag === "FileUnreadable"
            ? [{ file: failure.file, path: "", message: `cannot read: ${failure.message}` }]
            : failure.issues.map((issue) => ({ file: failure.file, ...issue })),
      )
      return yield* new ScenarioFileInvalid({
        file: only.file,
        message: `${failures.length} of ${files.length} scenario files are invalid (${issues.length} problem${issues.length === 1 ? "" : "s"})`,
        issues,
      })
    }),
).pipe(
  Command.withDescription(
    "Check scenario files without running them: every problem with its path (and line:column); exit 1 if any.",
  ),
)
