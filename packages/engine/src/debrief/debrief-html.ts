import { htmlDocument } from "../render/html-page.js"
import { formatDelta, formatNumber } from "../render/number-format.js"
import { escapeHtml } from "../render/text-escape.js"
import type { Debrief } from "./debrief.js"
import { roleName } from "./debrief-markdown.js"

const num = (v: number) => `<td class="num">${escapeHtml(formatNumber(v))}</td>`
const delta = (d: { p10: number; p50: number; p90: number }) =>
  `<td class="num">${escapeHtml(formatDelta(d.p50))} <small>(${escapeHtml(formatDelta(d.p10))} to ${escapeHtml(formatDelta(d.p90))})</small></td>`

/** The debrief as a printable, self-contained HTML page. */
export const debriefToHtml = (d: Debrief): string => {
  const e = d.exercise
  const body: Array<string> = [
    `<h1>Debrief: ${escapeHtml(e.name)}</h1>`,
    `<p class="disclaimer">${escapeHtml(d.model.disclaimer)} <a href="${escapeHtml(d.model.modelCard)}">Model card</a>.</p>`,
    `<p>Pack <code>${escapeHtml(e.pack)}</code> · ${e.roundsClosed} of ${e.rounds} rounds closed (${e.roundMonths} months each) · as of round ${e.asOfRound} (month ${e.month}) · horizon ${e.horizonMonths} months · ${e.runs} runs, seed ${e.seed}.</p>`,
    "<h2>Timeline of moves</h2>",
  ]
  for (const team of d.timeline) {
    body.push(
      `<table><caption>${escapeHtml(roleName(team.role))}: ${escapeHtml(team.team)}</caption>`,
      '<thead><tr><th scope="col" class="num">Round</th><th scope="col" class="num">Month</th><th scope="col">Move</th><th scope="col">Status</th></tr></thead><tbody>',
      ...team.moves.map(
        (m) =>
          `<tr><td class="num">${m.round}</td><td class="num">${m.month ?? "–"}</td><td>${escapeHtml(m.description)}</td><td>${escapeHtml(m.reason === null ? m.status : `${m.status}: ${m.reason}`)}</td></tr>`,
      ),
      "</tbody></table>",
    )
  }
  body.push(
    "<h2>Outcomes at the horizon</h2>",
    "<table><caption>Medians across runs; differences paired run by run (p10 to p90 in brackets)</caption>",
    '<thead><tr><th scope="col">Indicator</th><th scope="col">Unit</th><th scope="col" class="num">As played</th><th scope="col" class="num">Baseline</th><th scope="col" class="num">No moves</th><th scope="col" class="num">Played − baseline</th><th scope="col" class="num">Played − no moves</th></tr></thead><tbody>',
    ...d.outcomes.map(
      (o) =>
        `<tr><th scope="row">${escapeHtml(o.label)}</th><td>${escapeHtml(o.unit)}</td>${num(o.playedP50)}${num(o.baselineP50)}${num(o.noMovesP50)}${delta(o.vsBaseline)}${delta(o.vsNoMoves)}</tr>`,
    ),
    "</tbody></table>",
    "<h2>Which moves moved which indicators</h2>",
    "<p>Each move's effect is the mean difference at the horizon between the game as played and the game without that move (same random numbers).</p>",
  )
  const moved = d.topMovers.filter((t) => t.moves.length > 0)
  body.push(
    moved.length === 0
      ? "<p>No move changed any indicator.</p>"
      : `<ul>${moved
          .map(
            (t) =>
              `<li><strong>${escapeHtml(t.label)}</strong> (${escapeHtml(t.unit)}): ${t.moves
                .map(
                  (m) =>
                    `${escapeHtml(roleName(m.role))}, ${escapeHtml(m.description)} (${escapeHtml(formatDelta(m.deltaMean))})`,
                )
                .join("; ")}</li>`,
          )
          .join("")}</ul>`,
  )
  body.push(
    "<h2>Round by round</h2>",
    "<table><caption>What the model projected for the horizon when each round closed (p50)</caption>",
    `<thead><tr><th scope="col" class="num">Round</th><th scope="col" class="num">Month</th>${d.outcomes.map((o) => `<th scope="col" class="num">${escapeHtml(o.label)}</th>`).join("")}</tr></thead><tbody>`,
    ...d.rounds.map(
      (r) =>
        `<tr><td class="num">${r.round}</td><td class="num">${r.month}</td>${d.outcomes
          .map((o) => {
            const v = r.outcomes.indicators.find((i) => i.id === o.id)?.p50
            return v === undefined ? "<td>–</td>" : num(v)
          })
          .join("")}</tr>`,
    ),
    "</tbody></table>",
    `<footer>Debrief hash: <span class="hash">${escapeHtml(d.hash)}</span></footer>`,
  )
  return htmlDocument(`Debrief: ${e.name}`, body)
}
