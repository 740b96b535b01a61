import {
  HorizonMonths,
  MAX_HORIZON_MONTHS,
  MAX_RUNS,
  MAX_SEED,
  notOneOf,
  problemWith,
  Runs,
  Seed,
} from "@accord/domain"
import type { RenderFormat } from "@accord/engine"
import { Options } from "@effect/cli"
import { Option, Schema } from "effect"

const formats = ["json", "md", "markdown", "csv", "html"]

/** `--format`: what users type (md is short for markdown); a near miss gets "did you mean …?". */
export const formatOption = Options.text("format").pipe(
  Options.withSchema(
    Schema.String.pipe(
      Schema.filter((f) => formats.includes(f), {
        message: (issue) => `--format: ${notOneOf(issue.actual, formats)}`,
      }),
    ),
  ),
  Options.withAlias("f"),
  Options.withDescription(
    "output format: json (canonical), md (Markdown handout), csv or html; default from --out's extension, else json",
  ),
  Options.optional,
)

export const outOption = Options.text("out").pipe(
  Options.withAlias("o"),
  Options.withDescription("write to this file instead of stdout (folders are created)"),
  Options.optional,
)

/** An integer option worded by the spec field's own schema ("--runs: between 1 and 100,000 Monte Carlo runs; got 0"). */
const bounded = (
  name: string,
  field: Schema.Schema<number, number, never>,
  min: number,
  max: number,
  description: string,
) =>
  Options.integer(name).pipe(
    Options.withSchema(
      Schema.Number.pipe(
        Schema.filter((n) => problemWith(field, n) === undefined, {
          message: (issue) => `--${name}: ${problemWith(field, issue.actual)}`,
        }),
      ),
    ),
    Options.withDescription(`${description} (${min}..${max}); overrides the file`),
    Options.optional,
  )

export const runsOption = bounded("runs", Runs, 1, MAX_RUNS, "number of Monte Carlo runs")
export const seedOption = bounded("seed", Seed, 0, MAX_SEED, "random seed")
export const horizonOption = bounded("horizon", HorizonMonths, 1, MAX_HORIZON_MONTHS, "horizon in months")

/** The renderer format for the user's choice, or the one --out's extension names, or JSON. */
export const chosenFormat = (format: Option.Option<string>, out: Option.Option<string>): RenderFormat => {
  const named = Option.getOrUndefined(format)
  if (named !== undefined) return named === "md" ? "markdown" : (named as RenderFormat)
  const extension = Option.getOrUndefined(out)?.split(".").pop()?.toLowerCase()
  switch (extension) {
    case "md":
    case "markdown":
      return "markdown"
    case "csv":
      return "csv"
    case "html":
    case "htm":
      return "html"
    default:
      return "json"
  }
}
