import { visitOf } from "@accord/domain"
import { backtest, backtestToMarkdown, canonicalJson } from "@accord/engine"
import { Command, Options } from "@effect/cli"
import { Effect, Option, Schema } from "effect"
import { dataOption, packNamed, packOption, withObservationStore } from "../observation-store.js"
import { writeStdout } from "../report-output.js"

const asOfOption = Options.text("as-of").pipe(
  Options.withSchema(
    Schema.String.pipe(
      Schema.pattern(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, {
        message: (issue) => `--as-of must be a day like 2025-12-31, got ${String(issue.actual)}`,
      }),
    ),
  ),
  Options.withDescription("project as of this day (default: the last day of the visit, 2025-08-05)"),
  Options.optional,
)

const runsOption = Options.integer("runs").pipe(
  Options.withSchema(
    Schema.Number.pipe(
      Schema.filter((n) => Number.isInteger(n) && n >= 1 && n <= 100_000, {
        message: (issue) => `--runs must be an integer from 1 to 100000, got ${String(issue.actual)}`,
      }),
    ),
  ),
  Options.withDescription("Monte Carlo runs (default 1000)"),
  Options.withDefault(1000),
)

const formatOption = Options.choice("format", ["json", "md", "markdown"]).pipe(
  Options.withAlias("f"),
  Options.withDescription("json (canonical, default) or md (the model card's table)"),
  Options.withDefault("json"),
)

/** `accord backtest`: the projection as of a day against every observation dated after it. */
export const backtestCommand = Command.make(
  "backtest",
  { pack: packOption, asOf: asOfOption, runs: runsOption, format: formatOption, data: dataOption },
  ({ pack: packId, asOf, runs, format, data }) =>
    Effect.gen(function* () {
      const pack = yield* packNamed(packId)
      const { observations } = yield* withObservationStore(data, (api) => api.loadObservations(pack))
      const result = backtest(pack, observations, {
        asOf: Option.getOrElse(asOf, () => visitOf(pack).to),
        runs,
      })
      yield* writeStdout(format === "json" ? `${canonicalJson(result)}\n` : backtestToMarkdown(result))
    }),
).pipe(
  Command.withDescription(
    "Backtest: the pack's baseline projected as of a day (weighted by the observations up to it) against every observation after it.",
  ),
)
