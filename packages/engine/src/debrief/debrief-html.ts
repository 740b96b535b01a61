import { roleName } from "@accord/domain"
import { formatDelta, formatNumber } from "@accord/domain/facts"
import { htmlDocument } from "../render/html-page.js"
import { escapeHtml } from "../render/text-escape.js"
import type { Debrief, OutcomeRow } from "./debrief.js"

/**
 * The first page is the handout: it fits one A4 or Letter page (the printer's
 * paper decides the size; the margins leave room on both). The rest follows
 * on later pages for the facilitator.
 */
const HANDOUT_STYLE = `
@page { margin: 12mm; }
main { font-size: 0.95rem; }
table { width: 100%; }
td, th { overflow-wrap: anywhere; }
.meta { color: #444; }
.band { color: #555; font-size: 0.85em; }
ol.prompts li, ul.story li { margin-bottom: 0.3rem; }
.appendix { break-before: page; page-break-before: always; }
@media print {
  main { font-size: 9pt; }
  h1 { font-size: 14pt; margin: 0 0 2mm; }
  h2 { font-size: 11pt; margin: 3mm 0 1mm; }
  h3 { font-size: 10pt; margin: 2mm 0 0; }
  p, ul, ol { margin: 1mm 0; }
  th, td { padding: 0.5mm 1.5mm; }
}
`

const cell = (v: string) => `<td class="num">${escapeHtml(v)}</td>`

/** The value as a class reads it: counts as whole numbers (medians of whole numbers), with the unit. */
const valueText = (o: OutcomeRow, v: number) => `${formatNumber(o.count ? Math.round(v) : v)}`

const outcomeTable = (d: Debrief): ReadonlyArray<string> => {
  const base = d.exercise.hasBaseScenario
  return [
    `<table><caption>At month ${d.exercise.horizonMonths}: medians across ${d.exercise.runs} runs. The change is the typical run-by-run difference the moves made; 8 in 10 runs fall in the band below it.</caption>`,
    `<thead><tr><th scope="col">Indicator</th>${base ? '<th scope="col" class="num">Baseline</th><th scope="col" class="num">Saved scenario, no moves</th>' : '<th scope="col" class="num">No moves</th>'}<th scope="col" class="num">As played</th><th scope="col" class="num">Change from the moves</th></tr></thead><tbody>`,
    ...d.outcomes.map(
      (o) =>
        `<tr><th scope="row">${escapeHtml(o.label)} <span class="band">(${escapeHtml(o.unit)})</span></th>${base ? cell(valueText(o, o.baselineP50)) : ""}${cell(valueText(o, o.noMovesP50))}${cell(valueText(o, o.playedP50))}<td class="num">${escapeHtml(formatDelta(o.vsNoMoves.p50))}<br><span class="band">${escapeHtml(formatDelta(o.vsNoMoves.p10))} to ${escapeHtml(formatDelta(o.vsNoMoves.p90))}</span></td></tr>`,
    ),
    "</tbody></table>",
  ]
}

const stories = (d: Debrief): ReadonlyArray<string> =>
  d.teams.flatMap((t) => [
    `<h3>${escapeHtml(roleName(t.role))}: ${escapeHtml(t.team)}</h3>`,
    '<ul class="story">',
    ...t.lines.map(
      (l) =>
        `<li>${escapeHtml(l.description)}${l.effects.length === 0 ? ": no clear effect" : `: ${escapeHtml(l.effects.map((e) => e.text).join("; "))}`}</li>`,
    ),
    "</ul>",
  ])

/** Per indicator: the total the moves made and the parts it is made of (they add up). */
const addingUp = (d: Debrief): ReadonlyArray<string> => [
  "<h2>How the moves add up</h2>",
  `<p>${escapeHtml(d.attributionMethod.note)} Each part is a move's or deal's share of the change (mean across runs); the parts add up to the total.</p>`,
  '<table><thead><tr><th scope="col">Indicator</th><th scope="col" class="num">Total</th><th scope="col">Parts</th></tr></thead><tbody>',
  ...d.outcomes.map((o) => {
    const total = d.attributionTotal.find((t) => t.indicator === o.id)?.deltaMean ?? 0
    const parts = d.attribution
      .map((a) => ({ a, e: a.effects.find((e) => e.indicator === o.id) }))
      .filter(({ e }) => e !== undefined && e.deltaMean !== 0)
      .map(
        ({ a, e }) =>
          `${a.roles.map(roleName).join(" + ")}, ${a.description}: ${formatDelta(e?.deltaMean ?? 0)}`,
      )
    return `<tr><th scope="row">${escapeHtml(o.label)} <span class="band">(${escapeHtml(o.unit)})</span></th>${cell(formatDelta(total))}<td>${parts.length === 0 ? "none" : escapeHtml(parts.join("; "))}</td></tr>`
  }),
  "</tbody></table>",
]

const appendix = (d: Debrief): ReadonlyArray<string> => [
  '<section class="appendix">',
  ...addingUp(d),
  "<h2>Timeline of moves</h2>",
  ...d.timeline.flatMap((team) => [
    `<table><caption>${escapeHtml(roleName(team.role))}: ${escapeHtml(team.team)}</caption>`,
    '<thead><tr><th scope="col" class="num">Round</th><th scope="col" class="num">Month</th><th scope="col">Move</th><th scope="col">What became of it</th></tr></thead><tbody>',
    ...team.moves.map(
      (m) =>
        `<tr><td class="num">${m.round}</td><td class="num">${m.month ?? "–"}</td><td>${escapeHtml(m.description)}</td><td>${escapeHtml(m.reason === null ? m.status : `${m.status}: ${m.reason}`)}</td></tr>`,
    ),
    "</tbody></table>",
  ]),
  "<h2>Round by round</h2>",
  `<table><caption>What the model projected for month ${d.exercise.horizonMonths} when each round closed (medians)</caption>`,
  `<thead><tr><th scope="col">Indicator</th>${d.rounds.map((r) => `<th scope="col" class="num">Round ${r.round}</th>`).join("")}</tr></thead><tbody>`,
  ...d.outcomes.map(
    (o) =>
      `<tr><th scope="row">${escapeHtml(o.label)}</th>${d.rounds
        .map((r) => {
          const v = r.outcomes.indicators.find((i) => i.id === o.id)?.p50
          return v === undefined ? "<td>–</td>" : cell(valueText(o, v))
        })
        .join("")}</tr>`,
  ),
  "</tbody></table>",
  `<footer>Debrief hash: <span class="hash">${escapeHtml(d.hash)}</span></footer>`,
  "</section>",
]

/** The debrief as a printable page: a one-page handout, then the detail for the facilitator. */
export const debriefToHtml = (d: Debrief): string => {
  const e = d.exercise
  const body: Array<string> = [
    `<h1>Debrief: ${escapeHtml(e.name)}</h1>`,
    `<p class="disclaimer">${escapeHtml(d.model.disclaimer)} <a href="${escapeHtml(d.model.modelCard)}">Model card</a>.</p>`,
    `<p class="meta">${e.roundsClosed} of ${e.rounds} rounds played (${e.roundMonths} months each), as of round ${e.asOfRound} (month ${e.month}); projected to month ${e.horizonMonths} in ${e.runs} runs.</p>`,
    "<h2>Where the game ended up</h2>",
    ...outcomeTable(d),
    "<h2>What each team's moves did</h2>",
    ...(d.teams.length === 0 ? ["<p>No team moved.</p>"] : stories(d)),
    "<h2>Three questions</h2>",
    `<ol class="prompts">${d.prompts.map((p) => `<li>${escapeHtml(p)}</li>`).join("")}</ol>`,
    ...appendix(d),
  ]
  return htmlDocument(`Debrief: ${e.name}`, body, HANDOUT_STYLE)
}
