import { formatNumber } from "@accord/domain/facts"
import type { ExerciseState } from "./exercise-api.js"

const W = 360
const H = 180
const PAD = { left: 48, right: 12, top: 12, bottom: 28 }

/**
 * One indicator at the horizon as projected after each round (median, and the
 * band 8 in 10 runs fall in), from the start (no moves) on: how the class's
 * moves changed the outlook round by round. An SVG a projector shows crisply,
 * with a spoken summary and the numbers in a table one click away.
 */
export const RoundChart = ({
  exercise,
  indicator,
}: {
  readonly exercise: ExerciseState
  readonly indicator: string
}) => {
  const rounds = exercise.closedRounds
  const first = rounds[0]?.outcomes.indicators.find((i) => i.id === indicator)
  if (first === undefined) return null
  const points = [
    { label: "No moves", p10: first.noMovesP50, p50: first.noMovesP50, p90: first.noMovesP50 },
    ...rounds.flatMap((r) => {
      const o = r.outcomes.indicators.find((i) => i.id === indicator)
      return o === undefined ? [] : [{ label: `Round ${r.round}`, p10: o.p10, p50: o.p50, p90: o.p90 }]
    }),
  ]
  const lo = Math.min(0, ...points.map((p) => p.p10))
  const hi = Math.max(...points.map((p) => p.p90), lo + 1)
  const x = (i: number) => PAD.left + (i * (W - PAD.left - PAD.right)) / Math.max(1, points.length - 1)
  const y = (v: number) => PAD.top + ((hi - v) * (H - PAD.top - PAD.bottom)) / (hi - lo)
  const line = points.map((p, i) => `${x(i)},${y(p.p50)}`).join(" ")
  const band = [
    ...points.map((p, i) => `${x(i)},${y(p.p90)}`),
    ...points.map((p, i) => `${x(i)},${y(p.p10)}`).reverse(),
  ].join(" ")
  const last = points.at(-1) ?? points[0]
  const summary = `${first.label}: ${formatNumber(first.noMovesP50)} ${first.unit} with no moves, ${formatNumber(last?.p50 ?? 0)} ${first.unit} after ${points.length - 1} rounds (month ${exercise.horizonMonths}).`
  return (
    <figure className="round-chart" data-chart={indicator}>
      <figcaption>
        <strong>{first.label}</strong> at month {exercise.horizonMonths}, after each round
      </figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={summary}>
        <polygon points={band} className="round-band" />
        <polyline points={line} className="round-line" />
        {points.map((p, i) => (
          <g key={p.label}>
            <circle cx={x(i)} cy={y(p.p50)} r={4} className="round-dot" />
            <text x={x(i)} y={H - 8} textAnchor="middle" className="round-tick">
              {i === 0 ? "start" : `R${i}`}
            </text>
          </g>
        ))}
        <text x={PAD.left - 6} y={y(hi) + 4} textAnchor="end" className="round-tick">
          {formatNumber(hi)}
        </text>
        <text x={PAD.left - 6} y={y(lo) + 4} textAnchor="end" className="round-tick">
          {formatNumber(lo)}
        </text>
      </svg>
      <details>
        <summary>The numbers</summary>
        <table className="moves-table">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Typical run ({first.unit})</th>
              <th scope="col">8 in 10 runs</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.label}>
                <th scope="row">{p.label}</th>
                <td>{formatNumber(p.p50)}</td>
                <td>{p.p10 === p.p90 ? "–" : `${formatNumber(p.p10)} to ${formatNumber(p.p90)}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  )
}
