import type { ActiveExercise } from "@accord/domain"
import { escapeMarkdown as md } from "@accord/engine"
import type { LogEntry } from "./exercise-log-entry.js"

const num = (n: number) => (Math.abs(n) >= 100 ? n.toFixed(0) : n.toFixed(2))

/** The log as Markdown: a section per round, with the outcomes table at each close. */
export const toMarkdown = (state: ActiveExercise, entries: ReadonlyArray<LogEntry>): string => {
  const lines = [
    `# ${md(state.name)}: exercise log`,
    "",
    `Pack ${state.pack}, ${state.rounds} rounds of ${state.roundMonths} months, ${state.runs} runs, seed ${state.seed}.`,
    "",
  ]
  for (const e of entries) {
    if (e.kind === "round-start") {
      lines.push(`## Round ${e.round}`, "", `- ${e.recordedAt} · ${md(e.text)}`)
      continue
    }
    lines.push(`- ${e.recordedAt} · ${e.team === null ? "" : `**${md(e.team)}** · `}${md(e.text)}`)
    if (e.kind === "round-close" && e.outcomes !== undefined && e.outcomes.length > 0) {
      lines.push(
        "",
        `Outcomes at the horizon as projected when round ${e.round} closed (median, 8 in 10 runs between p10 and p90):`,
        "",
      )
      lines.push(
        "| Indicator | p10 | median | p90 | baseline median | no-moves median |",
        "|---|---:|---:|---:|---:|---:|",
      )
      for (const o of e.outcomes)
        lines.push(
          `| ${md(o.label)} (${md(o.unit)}) | ${num(o.p10)} | ${num(o.p50)} | ${num(o.p90)} | ${num(o.baselineP50)} | ${num(o.noMovesP50)} |`,
        )
      lines.push("")
    }
  }
  return `${lines.join("\n")}\n`
}
