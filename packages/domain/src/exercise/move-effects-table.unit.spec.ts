import { readFileSync } from "node:fs"
import { describe, expect, it } from "vitest"
import { ExerciseMove, movesByActor } from "./exercise-moves.js"
import { moveEffectsTable, withMoveEffectsTable } from "./move-effects-table.js"

const guide = readFileSync(new URL("../../../../docs/classroom-guide.md", import.meta.url), "utf8")

describe("the move-effects table", () => {
  it("is the one in docs/classroom-guide.md (if not: pnpm --filter @accord/domain docs:moves)", () => {
    expect(guide).toBe(withMoveEffectsTable(guide))
  })

  it("has one row per move type, each by the role that may make it", () => {
    const types = ExerciseMove.members.map((m) => m.fields.type.literals[0] as string)
    expect(moveEffectsTable.map((r) => r.move).sort()).toEqual([...types].sort())
    for (const row of moveEffectsTable)
      expect(movesByActor[row.by] as ReadonlyArray<string>, row.move).toContain(row.move)
  })
})
