import { formatNumber } from "@accord/domain/facts"
import type { Report } from "../api.js"
import { HeadRow } from "../results/table-cells.js"

/** Each indicator's median and p10–p90 across all runs at one month. */
export const IndicatorsAsOf = ({ report, month }: { readonly report: Report; readonly month: number }) => (
  <table className="numbers as-of" data-testid="indicators-as-of">
    <caption className="visually-hidden">Indicators as of month {month}, across all runs</caption>
    <HeadRow names={["Indicator", "Median", "p10 – p90"]} />
    <tbody>
      {report.indicators.map((ind) => {
        const row = ind.series.find((r) => r.month === month)
        return (
          <tr key={ind.id}>
            <th scope="row">
              {ind.label} <span className="unit">({ind.unit})</span>
            </th>
            <td>{row ? formatNumber(row.p50, ind.unit) : "–"}</td>
            <td>{row ? `${formatNumber(row.p10, ind.unit)} – ${formatNumber(row.p90, ind.unit)}` : "–"}</td>
          </tr>
        )
      })}
    </tbody>
  </table>
)
