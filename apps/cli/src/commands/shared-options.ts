import { MAX_HORIZON_MONTHS, MAX_RUNS, MAX_SEED } from "@accord/domain"
import type { RenderFormat } from "@accord/engine"
import { Options } from "@effect/cli"
import { Option, Schema } from "effect"

/** `--format`: what users type (md is short for markdown). */
export const formatOption = Options.choice("format", ["json", "md", "markdown", "csv", "html"]).pipe(
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

const bounded = (name: string, min: number, max: number, description: string) =>
  Options.integer(name).pipe(
    Options.withSchema(
      Schema.Number.pipe(
        Schema.filter((n) => Number.isInteger(n) && n >= min && n <= max, {
          message: (issue) =>
            `--${name} must be an integer from ${min} to ${max}, got ${String(issue.actual)}`,
        }),
      ),
    ),
    Options.withDescription(`${description} (${min}..${max}); overrides the file`),
    Options.optional,
  )

export const runsOption = bounded("runs", 1, MAX_RUNS, "number of Monte Carlo runs")
export const seedOption = bounded("seed", 0, MAX_SEED, "random seed")
export const horizonOption = bounded("horizon", 1, MAX_HORIZON_MONTHS, "horizon in months")

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
