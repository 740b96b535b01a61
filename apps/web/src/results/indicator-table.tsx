import type { Schemas } from "../api-client.js"
import { formatNumber } from "../number-format.js"

type IndicatorSeries = Schemas["IndicatorSeries"]

/** The numbers behind one fan chart, month by month. */
export const IndicatorTable = ({
  scenario,
  baseline,
}: {
  readonly scenario: IndicatorSeries
  readonly baseline?: IndicatorSeries | undefined
}) => (
  <div className="table-scroll">
    <table className="numbers">
      <colgroup>
        <col />
        <col span={3} />
        <col span={3} className="baseline-cols" />
      </colgroup>
      <caption>
        {scenario.label} ({scenario.unit}) by month: scenario and baseline quantiles
      </caption>
      <thead>
        <tr>
          <th scope="col" rowSpan={2}>
            Month
          </th>
          <th scope="colgroup" colSpan={3}>
            Scenario
          </th>
          <th scope="colgroup" colSpan={3}>
            Baseline
          </th>
        </tr>
        <tr>
          <th scope="col">p10</th>
          <th scope="col">p50</th>
          <th scope="col">p90</th>
          <th scope="col">p10</th>
          <th scope="col">p50</th>
          <th scope="col">p90</th>
        </tr>
      </thead>
      <tbody>
        {scenario.series.map((row, i) => {
          const b = baseline?.series[i]
          return (
            <tr key={row.month}>
              <th scope="row">{row.month}</th>
              <td>{formatNumber(row.p10, scenario.unit)}</td>
              <td>{formatNumber(row.p50, scenario.unit)}</td>
              <td>{formatNumber(row.p90, scenario.unit)}</td>
              <td>{b ? formatNumber(b.p10, scenario.unit) : "–"}</td>
              <td>{b ? formatNumber(b.p50, scenario.unit) : "–"}</td>
              <td>{b ? formatNumber(b.p90, scenario.unit) : "–"}</td>
            </tr>
          )
        })}
      </tbody>
    </table>
  </div>
)
