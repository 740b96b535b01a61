import { calendarMonth } from "@accord/domain/facts"
import { useId } from "react"
import type { Report } from "../api.js"

/** Which run is replayed, a month slider with its calendar month, and Play/Pause. */
export const MonthPlayer = ({
  report,
  startMonth,
  horizon,
  player,
  hasEvents,
}: {
  readonly report: Report
  readonly startMonth: string
  readonly horizon: number
  readonly player: { month: number; setMonth: (m: number) => void; playing: boolean; togglePlay: () => void }
  readonly hasEvents: boolean
}) => {
  const monthId = useId()
  const { month, playing } = player
  const when = calendarMonth(startMonth, month) ?? ""
  const indicator = report.indicators.find((i) => i.id === report.representativeRun.indicator)?.label
  return (
    <section className="panel" aria-labelledby="replay-h">
      <h2 id="replay-h">Replay the representative run</h2>
      <p className="hint">
        Run {report.representativeRun.index + 1} of {report.runs}: a typical run: its{" "}
        {(indicator ?? "headline indicator").toLowerCase()} at the end is the closest to the middle of all the
        runs.
      </p>
      <div className="lever month-lever">
        <label htmlFor={monthId}>Month</label>
        <input
          id={monthId}
          type="range"
          min={0}
          max={horizon}
          value={month}
          aria-valuetext={`month ${month}, ${when}`}
          onChange={(e) => player.setMonth(Number(e.currentTarget.value))}
        />
        <output htmlFor={monthId} data-testid="timeline-month">
          Month {month} · {when}
        </output>
        <button type="button" className="secondary" aria-pressed={playing} onClick={player.togglePlay}>
          {playing ? "Pause" : "Play"}
        </button>
      </div>
      {!hasEvents && (
        <p className="hint">The API did not return this run's events, so the board shows month 0.</p>
      )}
    </section>
  )
}
