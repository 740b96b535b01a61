import type { ActiveExercise } from "@accord/domain"
import { describe, expect, it } from "vitest"
import type { LogEntry } from "./exercise-log-entry.js"
import { toMarkdown } from "./exercise-log-markdown.js"

const entry = (team: string, text: string): LogEntry => ({
  version: 3,
  recordedAt: "2026-12-02T10:00:00.000Z",
  round: 1,
  kind: "event",
  type: "MoveSubmitted",
  actor: "team",
  team,
  moveId: null,
  text,
})
// Only the fields the header reads.
const state = {
  name: "Class *7B*",
  pack: "sybiha-visit-2025",
  rounds: 3,
  roundMonths: 6,
  runs: 500,
  seed: 1,
} as unknown as ActiveExercise

describe("the exercise log as Markdown", () => {
  it("escapes what students type with the reports' one Markdown escape: no link, HTML or table break gets through", () => {
    const markdown = toMarkdown(state, [
      entry("[Team](http://evil.example)", "<img src=x onerror=alert(1)> | pipe\nsecond line"),
    ])
    expect(markdown).toContain("# Class \\*7B\\*: exercise log")
    expect(markdown).toContain(
      "- 2026-12-02T10:00:00.000Z · **\\[Team\\](http://evil.example)** · &lt;img src=x onerror=alert(1)&gt; \\| pipe second line",
    )
    // An unescaped "](" would make a link.
    expect(markdown).not.toMatch(/<img|[^\\]\]\(http/)
  })
})
