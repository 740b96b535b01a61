import { Schema } from "effect"
import { Confidence, LifecycleState } from "./commitment.js"
import { CommitmentId } from "./ids.js"

const isCalendarDate = (s: string): boolean => {
  const d = new Date(`${s}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s
}

/** A calendar date, "YYYY-MM-DD". */
export const CalendarDate = Schema.String.pipe(
  Schema.pattern(/^\d{4}-\d{2}-\d{2}$/, { message: () => "expected a date like 2025-09-12 (YYYY-MM-DD)" }),
  Schema.filter((s) => isCalendarDate(s) || `'${s}' is not a calendar date`),
).annotations({ identifier: "CalendarDate" })
export type CalendarDate = typeof CalendarDate.Type

/** An observation's id: unique within its pack. */
export const ObservationId = Schema.String.pipe(
  Schema.pattern(/^[a-z0-9]+(?:[-.][a-z0-9]+)*$/, {
    message: () =>
      "expected a lowercase id like 'sanctions-package-2025-09-12' (letters, digits, '-' and '.')",
  }),
  Schema.maxLength(100),
).annotations({ identifier: "ObservationId" })

/** An indicator id as packs name them ("funds.disbursed_usd_m"). */
export const IndicatorRef = Schema.String.pipe(
  Schema.pattern(/^[a-z]+(\.[a-z0-9_]+)+$/, {
    message: () => "expected an indicator id like 'funds.disbursed_usd_m'",
  }),
  Schema.maxLength(100),
)

/** What an observation is about: one commitment of the pack, or one indicator. */
export const ObservationAbout = Schema.Union(
  Schema.Struct({ commitment: CommitmentId }),
  Schema.Struct({ indicator: IndicatorRef }),
).annotations({ identifier: "ObservationAbout" })
export type ObservationAbout = typeof ObservationAbout.Type

/**
 * A dated, sourced fact of what happened after the visit (issue 12 §3): a
 * commitment's lifecycle state reached by `date` and/or its delivered USD m, or
 * an indicator's cumulative value as of `date`. Never a starting point of the
 * model: projections are conditioned on it, and backtests compare with it.
 */
export const Observation = Schema.Struct({
  id: ObservationId,
  date: CalendarDate,
  about: ObservationAbout,
  /** Lifecycle state reached by `date` (commitments only). */
  state: Schema.optional(LifecycleState),
  /** An indicator's cumulative value, or a commitment's delivered USD m, as of `date`. */
  value: Schema.optional(Schema.Number.pipe(Schema.finite())),
  source: Schema.optional(
    Schema.String.pipe(
      Schema.pattern(/^https?:\/\/\S+$/, { message: () => "expected an http(s) URL" }),
      Schema.maxLength(2000),
    ),
  ),
  confidence: Confidence,
  note: Schema.optional(Schema.String.pipe(Schema.maxLength(4000))),
})
  .pipe(
    Schema.filter((o) =>
      o.state === undefined && o.value === undefined
        ? { path: ["value"], message: "an observation needs a state or a value (or both)" }
        : undefined,
    ),
    Schema.filter((o) =>
      o.source === undefined && o.confidence !== "L"
        ? { path: ["source"], message: `a source URL is required for confidence ${o.confidence}` }
        : undefined,
    ),
    Schema.filter((o) =>
      o.state !== undefined && !("commitment" in o.about)
        ? { path: ["state"], message: "only an observation about a commitment has a lifecycle state" }
        : undefined,
    ),
  )
  .annotations({ identifier: "Observation" })
export type Observation = typeof Observation.Type
export type ObservationInput = typeof Observation.Encoded

/**
 * A lifecycle state's position on the road to delivery, for comparing states
 * as numbers (backtests) and for "reached by" (conditioning): withdrawn 0,
 * discussed 1, proposed 2, agreed 3 (stalled too: agreed, then stopped),
 * implemented 4. Keyed by name so that it covers states other branches add;
 * a test checks every state of the machine has a position.
 */
export const lifecyclePosition: Readonly<Record<string, number>> = {
  withdrawn: 0,
  discussed: 1,
  proposed: 2,
  agreed: 3,
  stalled: 3,
  implemented: 4,
}

export { monthOfDate } from "./facts/dates.js"
