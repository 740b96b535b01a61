import { formatDelta, formatNumber } from "@accord/domain/facts"
import type { Schemas } from "../api-client.js"
import { roleName } from "./move-list.js"

export type Debrief = Schemas["Debrief"]

/** Where the game ended up: no moves (and the baseline, when the game started from a saved scenario) against as played. */
export const OutcomeTable = ({ debrief }: { readonly debrief: Debrief }) => {
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
                {formatDelta(o.vsNoMoves.p50)}{" "}
                <small className="band">
                  ({formatDelta(o.vsNoMoves.p10)} to {formatDelta(o.vsNoMoves.p90)})
                </small>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

/** What each team's moves did, one card per team. */
export const TeamStories = ({ debrief }: { readonly debrief: Debrief }) => (
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
)

/** Which moves moved which indicators: each indicator's total and its parts. */
export const TopMovers = ({ debrief }: { readonly debrief: Debrief }) => (
  <ul className="top-movers">
    {debrief.topMovers
      .filter((t) => t.moves.length > 0)
      .map((t) => {
        const total = debrief.attributionTotal.find((x) => x.indicator === t.indicator)?.deltaMean ?? 0
        // A count's total is a mean across runs: its parts say it in shares of runs instead.
        const count = debrief.outcomes.find((o) => o.id === t.indicator)?.count === true
        return (
          <li key={t.indicator}>
            <strong>{t.label}</strong>
            {count ? "" : ` (${formatDelta(total)} ${t.unit} in all)`}:{" "}
            {t.moves
              .map((m) => `${m.roles.map(roleName).join(" + ")}, ${m.description}: ${m.text}`)
              .join("; ")}
          </li>
        )
      })}
  </ul>
)
