import { addedCommitmentTracks, decodeScenarioSpec, getPack, type Pack, packCatalog } from "@accord/domain"
import { Either } from "effect"
import { describe, expect, it } from "vitest"
import { compileModel } from "./compiled-model.js"

const pack = getPack("sybiha-visit-2025") as Pack
const commitment = pack.commitments[0]?.id
const oneOfEach = [
  { type: "sanctions-package", month: 1, coverage: 0.2, enforcement: 0.5 },
  { type: "aid-package", month: 1, sector: "energy", amountUsdM: 10, form: "loan" },
  { type: "delay", commitment, months: 2 },
  { type: "withdraw", commitment, month: 3 },
  { type: "stall", commitment, month: 3 },
  { type: "sanctions-evasion", month: 2, evasionPerMonth: 0.01 },
  { type: "grid-strike", month: 2, mwDestroyed: 100 },
]

describe("the commitments interventions add", () => {
  it("are those of the types addedCommitmentTracks lists (the API's work ceiling counts them from it)", () => {
    const spec = Either.getOrThrow(
      decodeScenarioSpec({ pack: pack.id, runs: 1, interventions: oneOfEach }, packCatalog),
    )
    const model = compileModel(pack, spec)
    const added = model.commitments.filter((c) => c.intervention >= 0)
    expect(added.map((c) => spec.interventions[c.intervention]?.type)).toEqual(
      Object.keys(addedCommitmentTracks),
    )
  })
})
