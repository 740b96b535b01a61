import { formatNumber } from "@accord/domain/facts"
import type { Schemas } from "../api-client.js"
import { DeltaChart } from "../chart/delta-chart.js"
import { HeadRow } from "../results/table-cells.js"
import { TableToggle } from "../results/table-toggle.js"

export type IndicatorComparison = Schemas["IndicatorComparison"]

/** The chart's numbers: A's and B's medians and the paired difference's p10, p50, p90, month by month. */
const DeltaTable = ({ ind }: { readonly ind: IndicatorComparison }) => (
  <div className="table-scroll">
    <table className="numbers">
      <caption>
        {ind.label} ({ind.unit}): difference B − A by month
      </caption>
      <HeadRow names={["Month", "A median", "B median", "Δ p10", "Δ p50", "Δ p90"]} />
      <tbody>
        {ind.series.map((r) => (
          <tr key={r.month}>
            <th scope="row">{r.month}</th>
            {[r.baselineP50, r.variantP50, r.deltaP10, r.deltaP50, r.deltaP90].map((v, k) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the columns are fixed
              <td key={k}>{formatNumber(v, ind.unit)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  </div>
)

/** One indicator's paired difference month by month: a chart described in words, and its table on request. */
export const DeltaFigure = ({ ind }: { readonly ind: IndicatorComparison }) => {
  const h = ind.atHorizon
  const f = (v: number) => formatNumber(v, ind.unit)
  return (
    <figure className="indicator" data-indicator={ind.id}>
      <figcaption>
        <h3>{ind.label}</h3>
      </figcaption>
      <div
        className="chart"
        role="img"
        aria-label={`${ind.label}: difference at month ${h.month} median ${f(h.deltaP50)} ${ind.unit}, 80% of paired runs between ${f(h.deltaP10)} and ${f(h.deltaP90)}.`}
      >
        <DeltaChart comparison={ind} />
      </div>
      <TableToggle label="Table of this chart">{() => <DeltaTable ind={ind} />}</TableToggle>
    </figure>
  )
}
