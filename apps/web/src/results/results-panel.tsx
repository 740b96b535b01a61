import type { ReactNode } from "react"
import { fetchReportCsv, type ObservationInput, type Report } from "../api.js"
import { BacktestTable } from "./backtest-table.js"
import { downloadText } from "./download-text.js"
import { IndicatorCard } from "./indicator-card.js"
import { ModelDisclaimer } from "./model-disclaimer.js"
import { observationsOf } from "./observation-list.js"
import { OutcomeShares } from "./outcome-shares.js"
import { ChartLegend, ReportFacts } from "./report-facts.js"

export interface ResultsPanelProps {
  readonly report: Report
  readonly baseline?: Report | undefined
  readonly generation: number
  readonly busy: boolean
  /** What each indicator measures, from the pack. */
  readonly descriptions?: ReadonlyMap<string, string>
  /** The pack's observations (drawn as points) and its month 0. */
  readonly observations?: ReadonlyArray<ObservationInput>
  readonly startMonth?: string
  /** The drivers of an indicator (its tornado), when the view offers them. */
  readonly drivers?: ((indicator: string, unit: string) => ReactNode) | undefined
}

/** Tells listeners (the browser tests, the latency bench) that a report's charts are on screen. */
const announceDrawn = (generation: number, hash: string) =>
  window.dispatchEvent(new CustomEvent("accord:drawn", { detail: { generation, hash } }))

/** Results of one report against its baseline: fan charts, tables, CSV, commitment outcomes. */
export const ResultsPanel = ({
  report,
  baseline,
  generation,
  busy,
  descriptions,
  observations = [],
  startMonth,
  drivers,
}: ResultsPanelProps) => {
  const count = report.indicators.length
  let drawn = 0
  // The report counts as drawn when every chart has redrawn with its data.
  const onDraw = () => {
    drawn += 1
    if (drawn === count) announceDrawn(generation, report.hash)
  }
  return (
    <section className="results" aria-labelledby="results-h" aria-busy={busy}>
      <div className="results-head">
        <h2 id="results-h">Projected outcomes</h2>
        <button
          type="button"
          className="secondary"
          onClick={() =>
            // The service's CSV of this report (one CSV shape everywhere): its spec gives the same bytes.
            fetchReportCsv(report).then((csv) =>
              downloadText(`accord-${report.pack}-${report.hash.slice(0, 12)}.csv`, csv),
            )
          }
        >
          Download CSV
        </button>
      </div>
      <ModelDisclaimer model={report.model} />
      <ReportFacts report={report} />
      <ChartLegend />
      <div className="indicator-grid">
        {report.indicators.map((ind) => (
          <IndicatorCard
            key={ind.id}
            scenario={ind}
            baseline={baseline?.indicators.find((b) => b.id === ind.id)}
            onDraw={onDraw}
            description={descriptions?.get(ind.id)}
            observations={observationsOf(observations, ind.id)}
            startMonth={startMonth}
            drivers={drivers && (() => drivers(ind.id, ind.unit))}
          />
        ))}
      </div>
      <OutcomeShares commitments={report.commitments} />
      <BacktestTable packId={report.pack} asOf={report.spec.asOf} />
    </section>
  )
}
