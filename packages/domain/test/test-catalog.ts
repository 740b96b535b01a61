import type { PackCatalog } from "../src/scenario-spec.js"

/** A hand-written catalog with one small pack, so tests do not depend on the built-in packs' data. */
export const testCatalog: PackCatalog = {
  packIds: ["test-pack"],
  commitmentIds: (packId) => (packId === "test-pack" ? ["energy-projects", "defense-consultations"] : []),
  parameterIds: (packId) => (packId === "test-pack" ? ["energy.cost-per-mw", "hazard.agree"] : []),
  parameterRange: (packId, parameterId) => {
    if (packId !== "test-pack") return undefined
    if (parameterId === "energy.cost-per-mw") return { min: 0.1, max: 10 }
    if (parameterId === "hazard.agree") return { min: 0, max: 1 }
    return undefined
  },
}
