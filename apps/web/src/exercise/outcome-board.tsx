import { formatDelta, formatNumber } from "@accord/domain/facts"
import { ModelDisclaimer } from "../results/model-disclaimer.js"
import type { ExerciseState } from "./exercise-api.js"

/** The indicators a class looks at first, in this order. */
export const HEADLINE_INDICATORS = [
  "sanctions.pressure_index",
  "sanctions.packages_adopted",
  "funds.pledged_usd_m",
  "funds.disbursed_usd_m",
  "energy.capacity_restored_mw",
  "commitments.implemented",
] as const

const change = (played: number, reference: number, unit: string) => {
  const text = formatDelta(played - reference, unit)
  if (text === "±0") return { text, className: "" }
  return { text, className: played > reference ? "up" : "down" }
}

/**
 * The projector view: each headline indicator at the horizon as played (median,
 * with its p10–p90 band: 80 % of runs), next to the baseline and to the game without moves.
 */
export const OutcomeBoard = ({
  closed,
  all = false,
}: {
  /** The round whose outcomes are shown (the last closed one). */
  readonly closed: ExerciseState["closedRounds"][number]
  readonly all?: boolean
}) => {
  const { indicators } = closed.outcomes
  const shown = all ? indicators : HEADLINE_INDICATORS.flatMap((id) => indicators.filter((i) => i.id === id))
  return (
    <section className="outcome-board" aria-labelledby="outcome-board-title">
      <h3 id="outcome-board-title">
        Projected at month {closed.outcomes.horizonMonth}, after round {closed.round}
      </h3>
      <ModelDisclaimer />
      <div className="outcome-tiles">
        {shown.map((i) => {
          const vsBaseline = change(i.p50, i.baselineP50, i.unit)
          const vsNoMoves = change(i.p50, i.noMovesP50, i.unit)
          return (
            <article key={i.id} className="outcome-tile" data-indicator={i.id}>
              <h4>{i.label}</h4>
              <p className="outcome-value">
                {formatNumber(i.p50, i.unit)}&nbsp;<span className="unit">{i.unit}</span>
              </p>
              <p className="outcome-band">
                8 in 10 runs: {formatNumber(i.p10, i.unit)} to {formatNumber(i.p90, i.unit)}
              </p>
              <dl className="outcome-deltas">
                <dt>vs baseline</dt>
                <dd className={vsBaseline.className}>{vsBaseline.text}</dd>
                <dt>vs no moves</dt>
                <dd className={vsNoMoves.className}>{vsNoMoves.text}</dd>
              </dl>
            </article>
          )
        })}
      </div>
    </section>
  )
}
