import { useState } from "react"
import type { Schemas } from "../api-client.js"
import { formatNumber } from "../number-format.js"
import { explainError, fetchDebrief } from "./exercise-api.js"
import { roleName } from "./move-list.js"

type Debrief = Schemas["Debrief"]

const download = (name: string, text: string, type: string) => {
  const url = URL.createObjectURL(new Blob([text], { type }))
  const a = document.createElement("a")
  a.href = url
  a.download = name
  a.click()
  URL.revokeObjectURL(url)
}

const signed = (v: number) => `${v > 0 ? "+" : v < 0 ? "−" : "±"}${formatNumber(Math.abs(v))}`

/** Where the game ended up: no moves (and the baseline, when the game started from a saved scenario) against as played. */
const OutcomeTable = ({ debrief }: { readonly debrief: Debrief }) => {
  const base = debrief.exercise.hasBaseScenario
  const value = (count: boolean, v: number) => formatNumber(count ? Math.round(v) : v)
  return (
    <div className="table-scroll">
      <table className="moves-table">
        <caption>
          At month {debrief.exercise.horizonMonths}, typical run (median of {debrief.exercise.runs}). The
          change is the typical run-by-run difference the moves made; 8 in 10 runs fall in the range below it.
        </caption>
        <thead>
          <tr>
            <th scope="col">Indicator</th>
            {base && <th scope="col">Baseline</th>}
            <th scope="col">{base ? "Saved scenario, no moves" : "No moves"}</th>
            <th scope="col">As played</th>
            <th scope="col">Change from the moves</th>
          </tr>
        </thead>
        <tbody>
          {debrief.outcomes.map((o) => (
            <tr key={o.id}>
              <th scope="row">
                {o.label} <span className="unit">{o.unit}</span>
              </th>
              {base && <td>{value(o.count, o.baselineP50)}</td>}
              <td>{value(o.count, o.noMovesP50)}</td>
              <td>{value(o.count, o.playedP50)}</td>
              <td>
                {signed(o.vsNoMoves.p50)}{" "}
                <small className="band">
                  ({signed(o.vsNoMoves.p10)} to {signed(o.vsNoMoves.p90)})
                </small>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

/** The debrief: what each team's moves did, three questions, how the moves add up, and where the game ended up. */
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
      setError(explainError(e))
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
        <button type="button" className="secondary" onClick={() => save("html")}>
          Printable handout
        </button>{" "}
        <button type="button" className="secondary" onClick={() => save("markdown")}>
          Markdown
        </button>{" "}
        <button type="button" className="secondary" onClick={() => save("csv")}>
          CSV
        </button>
      </p>
      {error && <p role="alert">{error}</p>}
      {busy && <p aria-live="polite">Re-playing the game with and without each move…</p>}
      {debrief && (
        <>
          <h3>What each team's moves did</h3>
          <div className="team-stories">
            {debrief.teams.map((t) => (
              <article key={t.role} className="team-story" data-role={t.role}>
                <h4>
                  {roleName(t.role)}: {t.team}
                </h4>
                <ul>
                  {t.lines.map((l) => (
                    <li key={l.description}>
                      {l.description}:{" "}
                      {l.effects.length === 0 ? "no clear effect" : l.effects.map((e) => e.text).join("; ")}
                    </li>
                  ))}
                </ul>
              </article>
            ))}
          </div>
          <h3>Three questions</h3>
          <ol className="prompts">
            {debrief.prompts.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ol>
          <h3>Which moves moved which indicators</h3>
          <p className="hint">{debrief.attributionMethod.note} The parts add up to the total.</p>
          <ul className="top-movers">
            {debrief.topMovers
              .filter((t) => t.moves.length > 0)
              .map((t) => {
                const total =
                  debrief.attributionTotal.find((x) => x.indicator === t.indicator)?.deltaMean ?? 0
                // A count's total is a mean across runs: its parts say it in shares of runs instead.
                const count = debrief.outcomes.find((o) => o.id === t.indicator)?.count === true
                return (
                  <li key={t.indicator}>
                    <strong>{t.label}</strong>
                    {count ? "" : ` (${signed(total)} ${t.unit} in all)`}:{" "}
                    {t.moves
                      .map((m) => `${m.roles.map(roleName).join(" + ")}, ${m.description}: ${m.text}`)
                      .join("; ")}
                  </li>
                )
              })}
          </ul>
          <h3>Where the game ended up</h3>
          <OutcomeTable debrief={debrief} />
        </>
      )}
    </section>
  )
}
