import { useId, useState } from "react"
import { describeTrajectoryEvent, type TrajectoryEvent } from "./board-replay.js"

/** The representative run's events up to the chosen month, tranche deliveries on request. */
export const RunLog = ({
  events,
  month,
  title,
}: {
  readonly events: ReadonlyArray<TrajectoryEvent>
  readonly month: number
  readonly title: (id: string) => string
}) => {
  const [tranches, setTranches] = useState(false)
  const toggleId = useId()
  const shown = events.filter(
    (e) =>
      e.month <= month && e._tag !== "RunParametersDrawn" && (tranches || e._tag !== "CommitmentProgressed"),
  )
  return (
    <section className="panel" aria-labelledby="runlog-h" data-testid="run-log">
      <div className="board-head">
        <h2 id="runlog-h">Events of the representative run, months 0–{month}</h2>
        <div className="checkbox">
          <input
            id={toggleId}
            type="checkbox"
            checked={tranches}
            onChange={(e) => setTranches(e.currentTarget.checked)}
          />
          <label htmlFor={toggleId}>Show tranche deliveries</label>
        </div>
      </div>
      {shown.length === 0 ? (
        <p className="hint">Nothing has happened yet in this run.</p>
      ) : (
        <ol className="event-log run-log" aria-label="Events of the representative run">
          {shown.map((e, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a trajectory's events have no id; order is theirs
            <li key={i} className={e.month === month ? "applied latest" : "applied"}>
              <span className="event-version">m{e.month}</span> {describeTrajectoryEvent(e, title)}
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}
