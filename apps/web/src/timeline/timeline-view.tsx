import type { LifecycleStateId as LifecycleState } from "@accord/domain/facts"
import { useEffect, useId, useMemo, useState } from "react"
import {
  branchScenario,
  fetchScenario,
  fetchScenarioEvents,
  fetchTrajectory,
  type PackDetail,
  type Report,
  type ReportTrajectory,
  type SpecInput,
  type StoredEvent,
  simulate,
} from "../api.js"
import { routeHref } from "../hash-route.js"
import { calendarMonth, formatNumber } from "../number-format.js"
import { CommitmentBoard, type CommitmentInput } from "../pack/commitment-board.js"
import { usePack } from "../pack-store.js"
import { ModelDisclaimer } from "../results/model-disclaimer.js"
import { rememberSavedScenario } from "../saved-scenarios.js"
import { useScenarioChoices } from "../scenario-choices.js"
import { decodeSpec } from "../spec-codec.js"
import { describeTrajectoryEvent, statesAsOf, type TrajectoryEvent } from "./board-replay.js"
import { describeScenarioEvent } from "./scenario-event-text.js"

type Commitment = CommitmentInput

/** Commitments an intervention adds (sanctions and aid packages) join the board with the kind and track the API gives. */
const boardCommitments = (pack: PackDetail, run: ReportTrajectory | undefined): ReadonlyArray<Commitment> => {
  const added = (run?.commitments ?? []).map(
    (c): Commitment => ({
      id: c.id,
      title: c.title,
      track: c.track,
      kind: c.kind as Commitment["kind"],
      from: "japan",
      to: "ukraine",
      initialState: "proposed",
    }),
  )
  return [...pack.commitments, ...added]
}

/**
 * Replay: the stored scenario's event log with a version slider (and branching
 * from any version), and the representative run's event log with a month
 * slider that sets the board and the indicators as of that month.
 */
export const TimelineView = ({
  packId,
  params,
}: {
  readonly packId: string
  readonly params: URLSearchParams
}) => {
  const scenarioId = params.get("scenario") ?? undefined
  const encoded = params.get("s")
  const builderSpec = encoded ? decodeSpec(encoded) : undefined
  const [events, setEvents] = useState<ReadonlyArray<StoredEvent> | undefined>()
  const [latest, setLatest] = useState(0)
  const [version, setVersion] = useState(0)
  const [spec, setSpec] = useState<SpecInput | undefined>(builderSpec)
  const [report, setReport] = useState<Report | undefined>()
  const [run, setRun] = useState<ReportTrajectory | undefined>()
  const trajectory = run?.events
  const [month, setMonth] = useState(0)
  // Play walks the months, one every 0.6 s, and stops at the horizon.
  const [playing, setPlaying] = useState(false)
  const [error, setError] = useState<string | undefined>()
  const { pack } = usePack(spec?.pack ?? packId)
  const pickerId = useId()
  const versionId = useId()
  const monthId = useId()

  // The stored scenario's log; the slider starts at its latest version.
  useEffect(() => {
    if (!scenarioId) return
    let live = true
    setError(undefined)
    Promise.all([fetchScenarioEvents(scenarioId), fetchScenario(scenarioId)]).then(
      ([log, current]) => {
        if (!live) return
        setEvents(log)
        setLatest(current.version)
        setVersion(current.version)
      },
      (e: Error) => live && setError(e.message),
    )
    return () => {
      live = false
    }
  }, [scenarioId])

  // The spec as of the chosen version (replayed by the API).
  useEffect(() => {
    if (!scenarioId || version === 0) return
    let live = true
    fetchScenario(scenarioId, version).then(
      (s) => live && setSpec(s.spec),
      (e: Error) => live && setError(e.message),
    )
    return () => {
      live = false
    }
  }, [scenarioId, version])

  // Its report, and the representative run's events.
  useEffect(() => {
    if (!spec) return
    let live = true
    simulate(spec, undefined, true).then(
      (r) => {
        if (!live) return
        setReport(r)
        setMonth((m) => Math.min(m, r.horizonMonths))
        fetchTrajectory(r.hash, r.representativeRun.index).then(
          (t) => live && setRun(t),
          (e: Error) => {
            if (!live) return
            setRun(undefined)
            setError(`Could not replay the representative run: ${e.message}`)
          },
        )
      },
      (e: Error) => live && setError(e.message),
    )
    return () => {
      live = false
    }
  }, [spec])

  const commitments = useMemo(() => (pack ? boardCommitments(pack, run) : []), [pack, run])
  const states = useMemo(() => {
    const initial = new Map<string, LifecycleState>(
      (pack?.commitments ?? []).map((c) => [c.id as string, c.initialState as LifecycleState]),
    )
    return statesAsOf(initial, trajectory ?? [], month)
  }, [pack, trajectory, month])
  const title = (id: string) => commitments.find((c) => c.id === id)?.title ?? id
  const horizon = report?.horizonMonths ?? spec?.horizonMonths ?? 24
  useEffect(() => {
    if (!playing) return
    if (month >= horizon) {
      setPlaying(false)
      return
    }
    const timer = setTimeout(() => setMonth((m) => Math.min(m + 1, horizon)), 600)
    return () => clearTimeout(timer)
  }, [playing, month, horizon])
  const saved = useScenarioChoices()

  return (
    <div className="timeline-view">
      <section className="panel" aria-labelledby="timeline-h">
        <h1 id="timeline-h">Timeline and replay</h1>
        <div className="lever">
          <label htmlFor={pickerId}>Stored scenario</label>
          <select
            id={pickerId}
            value={scenarioId ?? ""}
            onChange={(e) => {
              window.location.hash = routeHref("timeline", { scenario: e.currentTarget.value || undefined })
            }}
          >
            <option value="">
              {builderSpec ? "The builder's scenario (not stored)" : "Choose a saved scenario…"}
            </option>
            {saved.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
            {scenarioId && !saved.some((s) => s.value === scenarioId) && (
              <option value={scenarioId}>{spec?.name ?? scenarioId}</option>
            )}
          </select>
        </div>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
      </section>

      {scenarioId && events && (
        <section className="panel" aria-labelledby="log-h">
          <h2 id="log-h">Scenario history (stored events)</h2>
          <div className="lever">
            <label htmlFor={versionId}>Show the scenario as of version</label>
            <input
              id={versionId}
              type="range"
              min={1}
              max={Math.max(1, latest)}
              value={version}
              aria-valuetext={`version ${version} of ${latest}`}
              onChange={(e) => setVersion(Number(e.currentTarget.value))}
            />
            <output htmlFor={versionId}>
              v{version} of {latest}
            </output>
          </div>
          <ol className="event-log" data-testid="scenario-log" aria-label="Stored events of the scenario">
            {events.map((e, i) => {
              const v = e.version ?? i + 1
              return (
                <li
                  key={v}
                  className={v <= version ? "applied" : "future"}
                  aria-current={v === version ? "step" : undefined}
                >
                  <span className="event-version">v{v}</span> {describeScenarioEvent(e, title)}
                </li>
              )
            })}
          </ol>
          <BranchForm scenarioId={scenarioId} version={version} baseName={spec?.name ?? "Scenario"} />
        </section>
      )}

      {report && pack && (
        <>
          <ModelDisclaimer model={report.model} />
          <section className="panel" aria-labelledby="replay-h">
            <h2 id="replay-h">Replay the representative run</h2>
            <p className="hint">
              Run {report.representativeRun.index + 1} of {report.runs}: a typical run: its{" "}
              {(
                report.indicators.find((i) => i.id === report.representativeRun.indicator)?.label ??
                "headline indicator"
              ).toLowerCase()}{" "}
              at the end is the closest to the middle of all the runs.
            </p>
            <div className="lever month-lever">
              <label htmlFor={monthId}>Month</label>
              <input
                id={monthId}
                type="range"
                min={0}
                max={horizon}
                value={month}
                aria-valuetext={`month ${month}, ${calendarMonth(pack.startMonth, month)}`}
                onChange={(e) => setMonth(Number(e.currentTarget.value))}
              />
              <output htmlFor={monthId} data-testid="timeline-month">
                Month {month} · {calendarMonth(pack.startMonth, month)}
              </output>
              <button
                type="button"
                className="secondary"
                aria-pressed={playing}
                onClick={() => {
                  if (!playing && month >= horizon) setMonth(0)
                  setPlaying(!playing)
                }}
              >
                {playing ? "Pause" : "Play"}
              </button>
            </div>
            {!trajectory && (
              <p className="hint">The API did not return this run's events, so the board shows month 0.</p>
            )}
          </section>
          <CommitmentBoard
            title={`Board as of month ${month}`}
            commitments={commitments.filter((c) => states.has(c.id))}
            states={states}
            detailed={false}
          />
          <section className="panel" aria-labelledby="asof-h">
            <h2 id="asof-h">Indicators as of month {month}</h2>
            <IndicatorsAsOf report={report} month={month} />
          </section>
          {trajectory && <RunLog events={trajectory} month={month} title={title} />}
        </>
      )}
      {!scenarioId && !builderSpec && (
        <p className="hint">
          Save a scenario from the <a href={routeHref("build")}>builder</a> to replay it here.
        </p>
      )}
    </div>
  )
}

/** The representative run's events up to the chosen month, tranche deliveries on request. */
const RunLog = ({
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

const IndicatorsAsOf = ({ report, month }: { readonly report: Report; readonly month: number }) => (
  <table className="numbers as-of" data-testid="indicators-as-of">
    <caption className="visually-hidden">Indicators as of month {month}, across all runs</caption>
    <thead>
      <tr>
        <th scope="col">Indicator</th>
        <th scope="col">Median</th>
        <th scope="col">p10 – p90</th>
      </tr>
    </thead>
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

const BranchForm = ({
  scenarioId,
  version,
  baseName,
}: {
  readonly scenarioId: string
  readonly version: number
  readonly baseName: string
}) => {
  const [name, setName] = useState("")
  const [status, setStatus] = useState("")
  const id = useId()
  const suggested = `${baseName} (branch at v${version})`
  return (
    <form
      className="branch-form inline"
      onSubmit={async (e) => {
        e.preventDefault()
        setStatus("Branching…")
        try {
          const branch = await branchScenario(scenarioId, version, name || suggested)
          rememberSavedScenario({ id: branch.id, name: name || suggested, savedAt: new Date().toISOString() })
          setStatus("")
          window.location.hash = routeHref("timeline", { scenario: branch.id })
        } catch (err) {
          setStatus(`Could not branch: ${(err as Error).message}`)
        }
      }}
    >
      <div className="lever">
        <label htmlFor={id}>Branch name</label>
        <input
          id={id}
          type="text"
          value={name}
          placeholder={suggested}
          maxLength={200}
          onChange={(e) => setName(e.currentTarget.value)}
        />
      </div>
      <button type="submit">Branch from version {version}</button>
      <span aria-live="polite">{status}</span>
    </form>
  )
}
