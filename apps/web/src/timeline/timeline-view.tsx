import type { LifecycleStateId as LifecycleState } from "@accord/domain/facts"
import { useMemo, useState } from "react"
import type { PackDetail, ReportTrajectory } from "../api.js"
import { routeHref } from "../hash-route.js"
import { CommitmentBoard, type CommitmentInput } from "../pack/commitment-board.js"
import { usePack } from "../pack-store.js"
import { ModelDisclaimer } from "../results/model-disclaimer.js"
import { decodeSpec } from "../spec-codec.js"
import { statesAsOf } from "./board-replay.js"
import { IndicatorsAsOf } from "./indicators-as-of.js"
import { MonthPlayer } from "./month-player.js"
import { RunLog } from "./run-log.js"
import { ScenarioHistory } from "./scenario-history.js"
import { ScenarioPicker } from "./scenario-picker.js"
import { useMonthPlayer, useRepresentativeRun } from "./use-replay.js"
import { useScenarioHistory } from "./use-scenario-history.js"

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
  const [error, setError] = useState<string | undefined>()
  const history = useScenarioHistory(scenarioId, builderSpec, setError)
  const spec = history.spec
  const { report, run } = useRepresentativeRun(spec, setError)
  const trajectory = run?.events
  const { pack } = usePack(spec?.pack ?? packId)
  const horizon = report?.horizonMonths ?? spec?.horizonMonths ?? 24
  const player = useMonthPlayer(horizon)
  const month = player.month
  const commitments = useMemo(() => (pack ? boardCommitments(pack, run) : []), [pack, run])
  const states = useMemo(() => {
    const initial = new Map<string, LifecycleState>(
      (pack?.commitments ?? []).map((c) => [c.id as string, c.initialState as LifecycleState]),
    )
    return statesAsOf(initial, trajectory ?? [], month)
  }, [pack, trajectory, month])
  const title = (id: string) => commitments.find((c) => c.id === id)?.title ?? id

  return (
    <div className="timeline-view">
      <section className="panel" aria-labelledby="timeline-h">
        <h1 id="timeline-h">Timeline and replay</h1>
        <ScenarioPicker scenarioId={scenarioId} name={spec?.name} fromBuilder={builderSpec !== undefined} />
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
      </section>
      {scenarioId && history.events && (
        <ScenarioHistory
          {...history}
          events={history.events}
          scenarioId={scenarioId}
          baseName={spec?.name ?? "Scenario"}
          title={title}
        />
      )}
      {report && pack && (
        <>
          <ModelDisclaimer model={report.model} />
          <MonthPlayer
            report={report}
            startMonth={pack.startMonth}
            horizon={horizon}
            player={player}
            hasEvents={trajectory !== undefined}
          />
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
