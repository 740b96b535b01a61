import { roleName } from "@accord/domain"
import { formatDelta, formatNumber } from "@accord/domain/facts"
import { escapeMarkdown } from "../render/text-escape.js"
import type { Debrief } from "./debrief.js"

/** The debrief as a Markdown handout: where the game ended up, each team's story, three questions, then the detail. */
export const debriefToMarkdown = (d: Debrief): string => {
  const e = d.exercise
  const base = e.hasBaseScenario
  const whole = (count: boolean, v: number) => formatNumber(count ? Math.round(v) : v)
  const lines: Array<string> = [
    `# Debrief: ${escapeMarkdown(e.name)}`,
    "",
    `> ${escapeMarkdown(d.model.disclaimer)} Model card: ${d.model.modelCard}.`,
    "",
    `${e.roundsClosed} of ${e.rounds} rounds played (${e.roundMonths} months each), as of round ${e.asOfRound} (month ${e.month}); projected to month ${e.horizonMonths} in ${e.runs} runs.`,
    "",
    "## Where the game ended up",
    "",
    `Medians at month ${e.horizonMonths}. The change is the typical run-by-run difference the moves made; 8 in 10 runs fall in the range in brackets.`,
    "",
    `| indicator | unit |${base ? " baseline | saved scenario, no moves |" : " no moves |"} as played | change from the moves |`,
    `|---|---|${base ? "---:|---:|" : "---:|"}---:|---:|`,
  ]
  for (const o of d.outcomes) {
    lines.push(
      `| ${escapeMarkdown(o.label)} | ${escapeMarkdown(o.unit)} |${base ? ` ${whole(o.count, o.baselineP50)} |` : ""} ${whole(o.count, o.noMovesP50)} | ${whole(o.count, o.playedP50)} | ${formatDelta(o.vsNoMoves.p50)} (${formatDelta(o.vsNoMoves.p10)} to ${formatDelta(o.vsNoMoves.p90)}) |`,
    )
  }
  lines.push("", "## What each team's moves did", "")
  if (d.teams.length === 0) lines.push("No team moved.", "")
  for (const t of d.teams) {
    lines.push(`### ${roleName(t.role)}: ${escapeMarkdown(t.team)}`, "")
    for (const l of t.lines)
      lines.push(
        `- ${escapeMarkdown(l.description)}: ${l.effects.length === 0 ? "no clear effect" : escapeMarkdown(l.effects.map((x) => x.text).join("; "))}`,
      )
    lines.push("")
  }
  lines.push("## Three questions", "", ...d.prompts.map((p, i) => `${i + 1}. ${escapeMarkdown(p)}`), "")
  lines.push(
    "## How the moves add up",
    "",
    `${d.attributionMethod.note} Each part is a move's or deal's share of the change (mean across runs); the parts add up to the total.`,
    "",
    "| indicator | total | parts |",
    "|---|---:|---|",
  )
  for (const o of d.outcomes) {
    const total = d.attributionTotal.find((t) => t.indicator === o.id)?.deltaMean ?? 0
    const parts = d.attribution.flatMap((a) => {
      const v = a.effects.find((x) => x.indicator === o.id)?.deltaMean ?? 0
      return v === 0 ? [] : [`${a.roles.map(roleName).join(" + ")}, ${a.description}: ${formatDelta(v)}`]
    })
    lines.push(
      `| ${escapeMarkdown(o.label)} (${escapeMarkdown(o.unit)}) | ${formatDelta(total)} | ${parts.length === 0 ? "none" : escapeMarkdown(parts.join("; "))} |`,
    )
  }
  lines.push("", "## Timeline of moves", "")
  for (const team of d.timeline) {
    lines.push(`### ${roleName(team.role)}: ${escapeMarkdown(team.team)}`, "")
    lines.push("| round | month | move | what became of it |", "|---:|---:|---|---|")
    for (const m of team.moves) {
      const status = m.reason === null ? m.status : `${m.status}: ${escapeMarkdown(m.reason)}`
      lines.push(`| ${m.round} | ${m.month ?? "–"} | ${escapeMarkdown(m.description)} | ${status} |`)
    }
    lines.push("")
  }
  lines.push(
    "## Round by round",
    "",
    `What the model projected for month ${e.horizonMonths} when each round closed (medians).`,
    "",
    `| indicator | ${d.rounds.map((r) => `round ${r.round}`).join(" | ")} |`,
    `|---|${d.rounds.map(() => "---:").join("|")}|`,
  )
  for (const o of d.outcomes) {
    const cells = d.rounds.map((r) => {
      const v = r.outcomes.indicators.find((i) => i.id === o.id)?.p50
      return v === undefined ? "–" : whole(o.count, v)
    })
    lines.push(`| ${escapeMarkdown(o.label)} | ${cells.join(" | ")} |`)
  }
  lines.push("", `Debrief hash: \`${d.hash}\``, "")
  return lines.join("\n")
}
