import { useState } from "react"
import { downloadText } from "../results/download-text.js"
import { type Debrief, OutcomeTable, TeamStories, TopMovers } from "./debrief-sections.js"
import { explainError, fetchDebrief } from "./exercise-api.js"

type DebriefFormat = "markdown" | "html" | "csv"

/** The debrief as a file: a printable handout, Markdown or CSV. */
const DebriefDownloads = ({ id, token }: { readonly id: string; readonly token: string }) => {
  const save = async (format: DebriefFormat) => {
    const ext = { markdown: "md", html: "html", csv: "csv" }[format]
    const type = { markdown: "text/markdown", html: "text/html", csv: "text/csv" }[format]
    downloadText(`debrief-${id}.${ext}`, await fetchDebrief(id, token, format), type)
  }
  return (
    <>
      <button type="button" className="secondary" onClick={() => save("html")}>
        Printable handout
      </button>{" "}
      <button type="button" className="secondary" onClick={() => save("markdown")}>
        Markdown
      </button>{" "}
      <button type="button" className="secondary" onClick={() => save("csv")}>
        CSV
      </button>
    </>
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
  return (
    <section className="debrief" aria-labelledby="debrief-title">
      <h2 id="debrief-title">Debrief</h2>
      <p>
        <button type="button" onClick={load} disabled={busy}>
          {debrief ? "Refresh debrief" : "Show debrief"}
        </button>{" "}
        <DebriefDownloads id={id} token={token} />
      </p>
      {error && <p role="alert">{error}</p>}
      {busy && <p aria-live="polite">Re-playing the game with and without each move…</p>}
      {debrief && (
        <>
          <h3>What each team's moves did</h3>
          <TeamStories debrief={debrief} />
          <h3>Three questions</h3>
          <ol className="prompts">
            {debrief.prompts.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ol>
          <h3>Which moves moved which indicators</h3>
          <p className="hint">{debrief.attributionMethod.note} The parts add up to the total.</p>
          <TopMovers debrief={debrief} />
          <h3>Where the game ended up</h3>
          <OutcomeTable debrief={debrief} />
        </>
      )}
    </section>
  )
}
