import { formatDelta, formatNumber } from "../render/number-format.js"
import { escapeMarkdown } from "../render/text-escape.js"
import type { Debrief } from "./debrief.js"

const ROLE_NAMES: Readonly<Record<string, string>> = {
  japan: "Japan",
  ukraine: "Ukraine",
  russia: "Russia",
  facilitator: "Facilitator",
}

/** Display name of a role. */
export const roleName = (role: string): string => ROLE_NAMES[role] ?? role

/** The debrief as a Markdown handout. */
export const debriefToMarkdown = (d: Debrief): string => {
  const e = d.exercise
  const lines: Array<string> = [
    `# Debrief: ${escapeMarkdown(e.name)}`,
    "",
    `> ${escapeMarkdown(d.model.disclaimer)} Model card: ${d.model.modelCard}.`,
    "",
    `Pack \`${e.pack}\` · ${e.roundsClosed} of ${e.rounds} rounds closed (${e.roundMonths} months each) · as of round ${e.asOfRound} (month ${e.month}) · horizon ${e.horizonMonths} months · ${e.runs} runs, seed ${e.seed}.`,
    "",
    "## Timeline of moves",
    "",
  ]
  for (const team of d.timeline) {
    lines.push(`### ${roleName(team.role)}: ${escapeMarkdown(team.team)}`, "")
    lines.push("| round | month | move | status |", "|---:|---:|---|---|")
    for (const m of team.moves) {
      const status = m.reason === null ? m.status : `${m.status}: ${escapeMarkdown(m.reason)}`
      lines.push(`| ${m.round} | ${m.month ?? "–"} | ${escapeMarkdown(m.description)} | ${status} |`)
    }
    lines.push("")
  }
  lines.push(
    "## Outcomes at the horizon",
    "",
    "Medians (p50) across runs; differences are paired run by run under common random numbers (p10 to p90 in brackets).",
    "",
    "| indicator | unit | as played | baseline | no moves | played − baseline | played − no moves |",
    "|---|---|---:|---:|---:|---:|---:|",
  )
  for (const o of d.outcomes) {
    lines.push(
      `| ${escapeMarkdown(o.label)} | ${escapeMarkdown(o.unit)} | ${formatNumber(o.playedP50)} | ${formatNumber(o.baselineP50)} | ${formatNumber(o.noMovesP50)} | ${formatDelta(o.vsBaseline.p50)} (${formatDelta(o.vsBaseline.p10)} to ${formatDelta(o.vsBaseline.p90)}) | ${formatDelta(o.vsNoMoves.p50)} (${formatDelta(o.vsNoMoves.p10)} to ${formatDelta(o.vsNoMoves.p90)}) |`,
    )
  }
  lines.push(
    "",
    "## Which moves moved which indicators",
    "",
    "Each move's effect is the mean difference at the horizon between the game as played and the game without that move (same random numbers).",
    "",
  )
  const moved = d.topMovers.filter((t) => t.moves.length > 0)
  if (moved.length === 0) lines.push("No move changed any indicator.", "")
  for (const t of moved) {
    lines.push(
      `- **${escapeMarkdown(t.label)}** (${escapeMarkdown(t.unit)}): ${t.moves
        .map((m) => `${roleName(m.role)}, ${escapeMarkdown(m.description)} (${formatDelta(m.deltaMean)})`)
        .join("; ")}`,
    )
  }
  lines.push(
    "",
    "## Round by round",
    "",
    "What the model projected for the horizon when each round closed (p50).",
    "",
  )
  const ids = d.outcomes.map((o) => o.id)
  lines.push(
    `| round | month | moves applied | void | ${d.outcomes.map((o) => escapeMarkdown(o.label)).join(" | ")} |`,
    `|---:|---:|---:|---:|${ids.map(() => "---:").join("|")}|`,
  )
  for (const r of d.rounds) {
    const p50 = (id: string) => r.outcomes.indicators.find((i) => i.id === id)?.p50
    lines.push(
      `| ${r.round} | ${r.month} | ${r.movesApplied} | ${r.movesVoid} | ${ids
        .map((id) => {
          const v = p50(id)
          return v === undefined ? "–" : formatNumber(v)
        })
        .join(" | ")} |`,
    )
  }
  lines.push("", `Debrief hash: \`${d.hash}\``, "")
  return lines.join("\n")
}
