import type { Schemas } from "../api-client.js"
import { ColumnHeads, QuantileCells } from "./table-cells.js"

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
          <ColumnHeads names={["p10", "p50", "p90", "p10", "p50", "p90"]} />
        </tr>
      </thead>
      <tbody>
        {scenario.series.map((row, i) => {
          const b = baseline?.series[i]
          return (
            <tr key={row.month}>
              <th scope="row">{row.month}</th>
              <QuantileCells q={row} unit={scenario.unit} />
              <QuantileCells q={b} unit={scenario.unit} />
            </tr>
          )
        })}
      </tbody>
    </table>
  </div>
)
