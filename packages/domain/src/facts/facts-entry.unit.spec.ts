import { readdir, readFile } from "node:fs/promises"
import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { ExerciseActor, ExerciseMove, LifecycleState, Sector } from "../index.js"
import {
  exerciseActorIds,
  lifecycleStateIds,
  movesByActor,
  moveTypeIds,
  sectorIds,
  sectorLabels,
} from "./index.js"

describe("@accord/domain/facts", () => {
  // The browser imports this entry: a module of it that imported effect (or a schema module) would bundle it.
  it("imports nothing but its own modules", async () => {
    const files = (await readdir(import.meta.dirname)).filter(
      (f) => f.endsWith(".ts") && !f.includes(".spec."),
    )
    for (const file of files) {
      const text = await readFile(join(import.meta.dirname, file), "utf8")
      const specifiers = [...text.matchAll(/from "([^"]+)"/g)].map((m) => m[1])
      expect(
        specifiers.filter((s) => !s?.startsWith("./")),
        file,
      ).toEqual([])
    }
  })

  it("is what the schemas accept", () => {
    expect(Sector.literals).toEqual(sectorIds)
    expect(LifecycleState.literals).toEqual(lifecycleStateIds)
    expect(ExerciseActor.literals).toEqual(exerciseActorIds)
    expect(Object.keys(sectorLabels)).toEqual([...sectorIds])
    const moveTypes = ExerciseMove.members.map((m) => m.fields.type.literals[0])
    expect(moveTypes).toEqual([...moveTypeIds])
    expect(Object.values(movesByActor).flat().sort()).toEqual([...moveTypeIds].sort())
  })
})
