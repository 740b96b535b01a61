import { Schema } from "effect"

/** Version of the outcome model; a change to any report's numbers bumps it and adds a changelog line in docs/model.md. */
export const MODEL_VERSION = "2.6.0"

/** The one line every report, page and handout carries. */
export const TEACHING_MODEL_DISCLAIMER =
  "Accord is a teaching model, not a forecast: its numbers are projections of stated assumptions, not predictions."

/** Where the model card lives in the repository (formulas, parameters, sources, what is left out). */
export const MODEL_CARD_PATH = "docs/model.md"

/** The model block every report, comparison, backtest, debrief and analysis carries (its schema). */
export const ModelInfo = Schema.Struct({
  version: Schema.String,
  disclaimer: Schema.String,
  modelCard: Schema.String,
})

/** The model block of reports and comparisons. */
export const modelInfo = {
  version: MODEL_VERSION,
  disclaimer: TEACHING_MODEL_DISCLAIMER,
  modelCard: MODEL_CARD_PATH,
} as const satisfies typeof ModelInfo.Type
