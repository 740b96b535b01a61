import { useEffect, useId, useState } from "react"
import { type Comparison, compare, fetchScenario, type SpecInput } from "../api.js"
import type { Schemas } from "../api-client.js"
import { DeltaChart } from "../chart/delta-chart.js"
import { replaceRoute, routeHref } from "../hash-route.js"
import { formatNumber } from "../number-format.js"
import { ModelDisclaimer } from "../results/model-disclaimer.js"
import { TableToggle } from "../results/table-toggle.js"
import { type Choice, useScenarioChoices } from "../scenario-choices.js"
import { baselineOf, decodeSpec } from "../spec-codec.js"
import { sortBySize } from "./delta-order.js"
import { HorizonDeltas } from "./horizon-deltas.js"

type IndicatorComparison = Schemas["IndicatorComparison"]

const BASELINE = "baseline"
const BUILDER = "builder"

const moves = (ind: IndicatorComparison) =>
  ind.series.some((r) => r.deltaP10 !== 0 || r.deltaP50 !== 0 || r.deltaP90 !== 0)

/** Indicators whose paired difference is not zero in some month, largest change first. */
const changed = (indicators: ReadonlyArray<IndicatorComparison>) => sortBySize(indicators).filter(moves)
/** Indicators the two scenarios leave exactly equal in every month and run quantile. */
const unchanged = (indicators: ReadonlyArray<IndicatorComparison>) => indicators.filter((i) => !moves(i))

const specOf = async (choice: string, builderSpec: SpecInput | undefined): Promise<SpecInput | undefined> => {
  if (choice === BUILDER) return builderSpec
  if (choice === BASELINE) return undefined
  return (await fetchScenario(choice)).spec
}

/** Compares two saved scenarios, or a scenario with its baseline: deltas at the horizon and month by month. */
export const CompareView = ({ params }: { readonly packId: string; readonly params: URLSearchParams }) => {
  const builderSpec = params.get("s") ? decodeSpec(params.get("s") ?? "") : undefined
  const [a, setA] = useState(params.get("a") ?? BASELINE)
  const [b, setB] = useState(params.get("b") ?? (builderSpec ? BUILDER : ""))
  const [result, setResult] = useState<{ comparison?: Comparison; error?: string; loading: boolean }>({
    loading: false,
  })
  const saved = useScenarioChoices()
  const idA = useId()
  const idB = useId()
  const s = params.get("s") ?? undefined

  // biome-ignore lint/correctness/useExhaustiveDependencies: builderSpec is derived from `s`
  useEffect(() => {
    replaceRoute(routeHref("compare", { a, b: b || undefined, s }))
    if (!b) return
    let live = true
    setResult((r) => ({ ...r, loading: true }))
    ;(async () => {
      const variant = await specOf(b, builderSpec)
      if (!variant) throw new Error("choose a scenario to compare")
      const baseline = (await specOf(a, builderSpec)) ?? baselineOf(variant)
      return compare(baseline, variant)
    })().then(
      (comparison) => live && setResult({ comparison, loading: false }),
      (e: Error) => live && setResult({ error: e.message, loading: false }),
    )
    return () => {
      live = false
    }
  }, [a, b, s])

  const options = (withBaseline: boolean): ReadonlyArray<Choice> => [
    ...(withBaseline ? [{ value: BASELINE, label: "Baseline (no interventions)" }] : []),
    ...(builderSpec
      ? [
          {
            value: BUILDER,
            label: `The builder's scenario${builderSpec.name ? `: ${builderSpec.name}` : ""}`,
          },
        ]
      : []),
    ...saved,
  ]
  const c = result.comparison
  return (
    <div className="compare-view">
      <section className="panel" aria-labelledby="compare-h">
        <h1 id="compare-h">Compare scenarios</h1>
        <p className="hint">
          Both sides run with the same random numbers, so the differences come from the interventions, not
          from chance.
        </p>
        <div className="compare-pickers">
          <div className="lever">
            <label htmlFor={idA}>Compare from (A)</label>
            <select id={idA} value={a} onChange={(e) => setA(e.currentTarget.value)}>
              {options(true).map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </div>
          <span aria-hidden="true" className="arrow">
            →
          </span>
          <div className="lever">
            <label htmlFor={idB}>To (B)</label>
            <select id={idB} value={b} onChange={(e) => setB(e.currentTarget.value)}>
              <option value="">Choose a scenario…</option>
              {options(false).map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </div>
        </div>
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
        <>
          <ModelDisclaimer model={c.model} />
          <p className="report-meta">
            {c.runs.toLocaleString("en-US")} paired runs · seed {c.seed} · comparison{" "}
            <code data-testid="comparison-hash" title={c.hash}>
              {c.hash.slice(0, 12)}
            </code>
          </p>
          <HorizonDeltas
            indicators={c.indicators}
            horizon={c.horizonMonths}
            labelA={options(true).find((o) => o.value === a)?.label ?? "A"}
            labelB={options(false).find((o) => o.value === b)?.label ?? "B"}
          />
          <section className="panel" aria-labelledby="monthly-h">
            <h2 id="monthly-h">Difference month by month (B − A)</h2>
            <div className="indicator-grid">
              {changed(c.indicators).map((ind) => {
                const h = ind.atHorizon
                return (
                  <figure key={ind.id} className="indicator" data-indicator={ind.id}>
                    <figcaption>
                      <h3>{ind.label}</h3>
                    </figcaption>
                    <div
                      className="chart"
                      role="img"
                      aria-label={`${ind.label}: difference at month ${h.month} median ${formatNumber(h.deltaP50, ind.unit)} ${ind.unit}, 80% of paired runs between ${formatNumber(h.deltaP10, ind.unit)} and ${formatNumber(h.deltaP90, ind.unit)}.`}
                    >
                      <DeltaChart comparison={ind} />
                    </div>
                    <TableToggle label="Table of this chart">
                      {() => (
                        <div className="table-scroll">
                          <table className="numbers">
                            <caption>
                              {ind.label} ({ind.unit}): difference B − A by month
                            </caption>
                            <thead>
                              <tr>
                                <th scope="col">Month</th>
                                <th scope="col">A median</th>
                                <th scope="col">B median</th>
                                <th scope="col">Δ p10</th>
                                <th scope="col">Δ p50</th>
                                <th scope="col">Δ p90</th>
                              </tr>
                            </thead>
                            <tbody>
                              {ind.series.map((r) => (
                                <tr key={r.month}>
                                  <th scope="row">{r.month}</th>
                                  <td>{formatNumber(r.baselineP50, ind.unit)}</td>
                                  <td>{formatNumber(r.variantP50, ind.unit)}</td>
                                  <td>{formatNumber(r.deltaP10, ind.unit)}</td>
                                  <td>{formatNumber(r.deltaP50, ind.unit)}</td>
                                  <td>{formatNumber(r.deltaP90, ind.unit)}</td>
                                </tr>
                              ))}
                            </tbody>
                          </table>
                        </div>
                      )}
                    </TableToggle>
                  </figure>
                )
              })}
            </div>
            {unchanged(c.indicators).length > 0 && (
              <p className="hint" data-testid="unchanged">
                No difference in any month:{" "}
                {unchanged(c.indicators)
                  .map((i) => i.label)
                  .join(", ")}
                .
              </p>
            )}
          </section>
        </>
      )}
    </div>
  )
}
