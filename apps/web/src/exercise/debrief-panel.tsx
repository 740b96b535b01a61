import type { Debrief } from "@accord/engine"
import { useState } from "react"
import { formatNumber } from "../number-format.js"
import { fetchDebrief } from "./exercise-api.js"
import { roleName } from "./move-list.js"

const download = (name: string, text: string, type: string) => {
  const url = URL.createObjectURL(new Blob([text], { type }))
  const a = document.createElement("a")
  a.href = url
  a.download = name
  a.click()
  URL.revokeObjectURL(url)
}

/** The facilitator's debrief: what moved which indicator most, outcomes against baseline and no moves, downloads. */
export const DebriefPanel = ({ id, token }: { readonly id: string; readonly token: string }) => {
  const [debrief, setDebrief] = useState<Debrief | undefined>()
  const [error, setError] = useState<string | undefined>()
  const [busy, setBusy] = useState(false)
  const load = async () => {
    setBusy(true)
    try {
      setDebrief(JSON.parse(await fetchDebrief(id, token, "json")) as Debrief)
      setError(undefined)
    } catch (e) {
      setError(String(e))
    } finally {
      setBusy(false)
    }
  }
  const save = async (format: "markdown" | "html" | "csv") => {
    const ext = { markdown: "md", html: "html", csv: "csv" }[format]
    const type = { markdown: "text/markdown", html: "text/html", csv: "text/csv" }[format]
    download(`debrief-${id}.${ext}`, await fetchDebrief(id, token, format), type)
  }
  return (
    <section className="debrief" aria-labelledby="debrief-title">
      <h2 id="debrief-title">Debrief</h2>
      <p>
        <button type="button" onClick={load} disabled={busy}>
          {debrief ? "Refresh debrief" : "Show debrief"}
        </button>{" "}
        <button type="button" className="secondary" onClick={() => save("markdown")}>
          Markdown
        </button>{" "}
        <button type="button" className="secondary" onClick={() => save("html")}>
          Printable HTML
        </button>{" "}
        <button type="button" className="secondary" onClick={() => save("csv")}>
          CSV
        </button>
      </p>
      {error && <p role="alert">{error}</p>}
      {busy && <p aria-live="polite">Re-simulating the game without each move…</p>}
      {debrief && (
        <>
          <h3>Which moves moved which indicators</h3>
          <p className="hint">
            Each move's effect: the game as played minus the game without that move, same random numbers (
            {debrief.exercise.runs} runs).
          </p>
          <ul className="top-movers">
            {debrief.topMovers
              .filter((t) => t.moves.length > 0)
              .map((t) => (
                <li key={t.indicator}>
                  <strong>{t.label}</strong>:{" "}
                  {t.moves
                    .map(
                      (m) =>
                        `${roleName(m.role)}, ${m.description} (${m.deltaMean > 0 ? "+" : ""}${formatNumber(m.deltaMean)} ${t.unit})`,
                    )
                    .join("; ")}
                </li>
              ))}
          </ul>
          <table className="moves-table">
            <caption>
              At month {debrief.exercise.horizonMonths}: as played, against the baseline and against no moves
              (medians)
            </caption>
            <thead>
              <tr>
                <th scope="col">Indicator</th>
                <th scope="col">As played</th>
                <th scope="col">Baseline</th>
                <th scope="col">No moves</th>
              </tr>
            </thead>
            <tbody>
              {debrief.outcomes.map((o) => (
                <tr key={o.id}>
                  <th scope="row">
                    {o.label} <span className="unit">{o.unit}</span>
                  </th>
                  <td>{formatNumber(o.playedP50)}</td>
                  <td>{formatNumber(o.baselineP50)}</td>
                  <td>{formatNumber(o.noMovesP50)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  )
}
