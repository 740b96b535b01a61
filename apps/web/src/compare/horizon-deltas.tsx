import type { IndicatorComparison } from "@accord/engine"
import { formatDelta, formatNumber, formatShare } from "../number-format.js"
import { sortBySize } from "./delta-order.js"

/** The change at the horizon per indicator, as a band (p10–p90) and a dot (p50) around zero. */
export const HorizonDeltas = ({
  indicators,
  horizon,
}: {
  readonly indicators: ReadonlyArray<IndicatorComparison>
  readonly horizon: number
}) => (
  <section className="panel" aria-labelledby="horizon-h">
    <h2 id="horizon-h">Change at month {horizon}, largest first</h2>
    <p className="hint">
      Dot: median difference between the paired runs; bar: 80% of runs (p10–p90). Each row has its own scale.
    </p>
    <table className="deltas" data-testid="horizon-deltas">
      <thead>
        <tr>
          <th scope="col">Indicator</th>
          <th scope="col">Baseline median</th>
          <th scope="col">Variant median</th>
          <th scope="col">Change (p50)</th>
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
              <td>{formatNumber(h.baselineP50)}</td>
              <td>{formatNumber(h.variantP50)}</td>
              <td className={h.deltaP50 > 0 ? "up" : h.deltaP50 < 0 ? "down" : ""}>
                {formatDelta(h.deltaP50)}
              </td>
              <td className="band-cell">
                <svg
                  viewBox="0 0 200 20"
                  role="img"
                  aria-label={`p10 ${formatDelta(h.deltaP10)}, p90 ${formatDelta(h.deltaP90)}`}
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
  </section>
)
