import { formatNumber } from "@accord/domain/facts"
import { useEffect, useState } from "react"
import { type Backtest, fetchBacktest } from "../api.js"
import { HeadRow, QuantileCells } from "./table-cells.js"

/** "How well did it project?": the projection as of a day against every observation after it. */
export const BacktestTable = ({
  packId,
  asOf,
}: {
  readonly packId: string
  readonly asOf?: string | undefined
}) => {
  const [open, setOpen] = useState(false)
  const [result, setResult] = useState<Backtest | undefined>()
  const [error, setError] = useState<string | undefined>()
  useEffect(() => {
    if (!open) return
    let live = true
    setResult(undefined)
    fetchBacktest(packId, asOf).then(
      (b) => live && setResult(b),
      (e: Error) => live && setError(e.message),
    )
    return () => {
      live = false
    }
  }, [open, packId, asOf])
  return (
    <details className="backtest" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>How well did it project? (backtest as of {asOf ?? "the visit"})</summary>
      {error && <p role="alert">Could not load the backtest: {error}</p>}
      {!result && !error && open && <p aria-live="polite">Computing the backtest…</p>}
      {result && (
        <>
          <p>
            {result.runs.toLocaleString("en-US")} runs weighted by {result.conditionedOn} observation(s) up to{" "}
            {result.asOf} (effective runs {result.effectiveRuns}). Inside the 80 % band:{" "}
            {result.coverage === null ? "–" : `${(result.coverage * 100).toFixed(0)} %`} of{" "}
            {result.observations.length} later observations. States compare as lifecycle positions (withdrawn
            0 … implemented 4).
          </p>
          <table data-testid="backtest-table">
            <HeadRow
              names={[
                "Observation",
                "Date",
                "About",
                "Observed",
                "p10",
                "p50",
                "p90",
                "Percentile",
                "Inside",
              ]}
            />
            <tbody>
              {result.observations.map((r) => (
                <tr key={r.id}>
                  <th scope="row">{r.id}</th>
                  <td>{r.date}</td>
                  <td>{"commitment" in r.about ? r.about.commitment : r.about.indicator}</td>
                  <td>
                    {formatNumber(r.observed)}
                    {r.compares === "state" ? " (state)" : ""}
                  </td>
                  <QuantileCells q={r} />
                  <td>{(r.percentile * 100).toFixed(0)} %</td>
                  <td>{r.inside ? "yes" : "no"}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {result.ignored.length > 0 && (
            <p className="hint">
              Not compared (no such quantity in this model yet): {result.ignored.map((i) => i.id).join(", ")}.
            </p>
          )}
        </>
      )}
    </details>
  )
}
