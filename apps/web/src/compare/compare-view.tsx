import { useState } from "react"
import type { Comparison, SpecInput } from "../api.js"
import { routeHref } from "../hash-route.js"
import { ModelDisclaimer } from "../results/model-disclaimer.js"
import { type Choice, useScenarioChoices } from "../scenario-choices.js"
import { decodeSpec } from "../spec-codec.js"
import { DeltaFigure, type IndicatorComparison } from "./delta-figure.js"
import { sortBySize } from "./delta-order.js"
import { HorizonDeltas } from "./horizon-deltas.js"
import { ScenarioPickers } from "./scenario-pickers.js"
import { BASELINE, BUILDER, useComparison } from "./use-comparison.js"

const moves = (ind: IndicatorComparison) =>
  ind.series.some((r) => r.deltaP10 !== 0 || r.deltaP50 !== 0 || r.deltaP90 !== 0)

/** Changed indicators' charts, largest change first; those the two scenarios leave equal in every month, named. */
const MonthlyDeltas = ({ indicators }: { readonly indicators: ReadonlyArray<IndicatorComparison> }) => {
  const unchanged = indicators.filter((i) => !moves(i))
  return (
    <section className="panel" aria-labelledby="monthly-h">
      <h2 id="monthly-h">Difference month by month (B − A)</h2>
      <div className="indicator-grid">
        {sortBySize(indicators)
          .filter(moves)
          .map((ind) => (
            <DeltaFigure key={ind.id} ind={ind} />
          ))}
      </div>
      {unchanged.length > 0 && (
        <p className="hint" data-testid="unchanged">
          No difference in any month: {unchanged.map((i) => i.label).join(", ")}.
        </p>
      )}
    </section>
  )
}

/** What the comparison says: its runs, seed and hash, the differences at the horizon and month by month. */
const ComparisonResult = ({
  c,
  labelA,
  labelB,
}: {
  readonly c: Comparison
  labelA: string
  labelB: string
}) => (
  <>
    <ModelDisclaimer model={c.model} />
    <p className="report-meta">
      {c.runs.toLocaleString("en-US")} paired runs · seed {c.seed} · comparison{" "}
      <code data-testid="comparison-hash" title={c.hash}>
        {c.hash.slice(0, 12)}
      </code>
    </p>
    <HorizonDeltas indicators={c.indicators} horizon={c.horizonMonths} labelA={labelA} labelB={labelB} />
    <MonthlyDeltas indicators={c.indicators} />
  </>
)

const choicesOf = (
  withBaseline: boolean,
  builderSpec: SpecInput | undefined,
  saved: ReadonlyArray<Choice>,
) => [
  ...(withBaseline ? [{ value: BASELINE, label: "Baseline (no interventions)" }] : []),
  ...(builderSpec
    ? [{ value: BUILDER, label: `The builder's scenario${builderSpec.name ? `: ${builderSpec.name}` : ""}` }]
    : []),
  ...saved,
]

/** Compares two saved scenarios, or a scenario with its baseline: deltas at the horizon and month by month. */
export const CompareView = ({ params }: { readonly packId: string; readonly params: URLSearchParams }) => {
  const s = params.get("s") ?? undefined
  const builderSpec = s ? decodeSpec(s) : undefined
  const [a, setA] = useState(params.get("a") ?? BASELINE)
  const [b, setB] = useState(params.get("b") ?? (builderSpec ? BUILDER : ""))
  const result = useComparison(a, b, s, builderSpec)
  const saved = useScenarioChoices()
  const optionsA = choicesOf(true, builderSpec, saved)
  const optionsB = choicesOf(false, builderSpec, saved)
  const c = result.comparison
  return (
    <div className="compare-view">
      <section className="panel" aria-labelledby="compare-h">
        <h1 id="compare-h">Compare scenarios</h1>
        <p className="hint">
          Both sides run with the same random numbers, so the differences come from the interventions, not
          from chance.
        </p>
        <ScenarioPickers {...{ a, b, setA, setB, optionsA, optionsB }} />
        {saved.length === 0 && !builderSpec && (
          <p className="hint">
            No saved scenarios yet. <a href={routeHref("build")}>Build one</a> and press “Save scenario”.
          </p>
        )}
      </section>
      <div aria-live="polite" aria-busy={result.loading}>
        {result.error && (
          <p role="alert" className="error">
            Could not compare: {result.error}
          </p>
        )}
        {result.loading && !c && <p>Comparing…</p>}
      </div>
      {c && (
        <ComparisonResult
          c={c}
          labelA={optionsA.find((o) => o.value === a)?.label ?? "A"}
          labelB={optionsB.find((o) => o.value === b)?.label ?? "B"}
        />
      )}
    </div>
  )
}
