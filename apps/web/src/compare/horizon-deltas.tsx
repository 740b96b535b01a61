import { formatDelta, formatNumber, formatShare } from "@accord/domain/facts"
import type { Schemas } from "../api-client.js"
import { sortBySize } from "./delta-order.js"

type IndicatorComparison = Schemas["IndicatorComparison"]

/**
 * The change at the horizon per indicator: A's and B's typical values, the
 * difference of those medians, and the typical paired change (run i of B
 * against run i of A, same random numbers) with the band 8 in 10 of those
 * differences fall in. The two differences can disagree, and the page says why.
 */
export const HorizonDeltas = ({
  indicators,
  horizon,
  labelA = "A",
  labelB = "B",
}: {
  readonly indicators: ReadonlyArray<IndicatorComparison>
  readonly horizon: number
  readonly labelA?: string
  readonly labelB?: string
}) => (
  <section className="panel" aria-labelledby="horizon-h">
    <h2 id="horizon-h">Change at month {horizon}, largest first</h2>
    <p className="hint">
      “Typical change” compares each run of B with the same run of A (same random numbers) and takes the
      middle of those differences; 8 in 10 of them fall in the bar. It need not equal the difference of the
      two medians, which is shown beside it. Each row has its own scale.
    </p>
    <div className="table-scroll">
      <table className="deltas" data-testid="horizon-deltas">
        <thead>
          <tr>
            <th scope="col">Indicator</th>
            <th scope="col">A: {labelA} (median)</th>
            <th scope="col">B: {labelB} (median)</th>
            <th scope="col">Difference of medians</th>
            <th scope="col">Typical change</th>
            <th scope="col">
              <span aria-hidden="true">Band around zero</span>
              <span className="visually-hidden">Band p10 to p90</span>
            </th>
            <th scope="col">Runs higher</th>
          </tr>
        </thead>
        <tbody>
          {sortBySize(indicators).map((c) => {
            const h = c.atHorizon
            const m = Math.max(Math.abs(h.deltaP10), Math.abs(h.deltaP90), Math.abs(h.deltaP50), 1e-9)
            const x = (v: number) => 100 + (v / m) * 92
            return (
              <tr key={c.id} data-indicator={c.id} data-delta-p50={h.deltaP50}>
                <th scope="row">
                  {c.label} <span className="unit">({c.unit})</span>
                </th>
                <td>{formatNumber(h.baselineP50, c.unit)}</td>
                <td>{formatNumber(h.variantP50, c.unit)}</td>
                <td>{formatDelta(h.variantP50 - h.baselineP50, c.unit)}</td>
                <td className={h.deltaP50 > 0 ? "up" : h.deltaP50 < 0 ? "down" : ""}>
                  {formatDelta(h.deltaP50, c.unit)}
                </td>
                <td className="band-cell">
                  <svg
                    viewBox="0 0 200 20"
                    role="img"
                    aria-label={`p10 ${formatDelta(h.deltaP10, c.unit)}, p90 ${formatDelta(h.deltaP90, c.unit)}`}
                  >
                    <line x1="100" y1="0" x2="100" y2="20" className="zero" />
                    <rect
                      x={x(h.deltaP10)}
                      y="6"
                      width={Math.max(1.5, x(h.deltaP90) - x(h.deltaP10))}
                      height="8"
                      className="band"
                    />
                    <circle cx={x(h.deltaP50)} cy="10" r="5" className="dot" />
                  </svg>
                </td>
                <td>{formatShare(h.shareVariantHigher)}</td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  </section>
)
