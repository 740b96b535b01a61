import type { Pack } from "../pack.js"
import type { PackCatalog } from "../scenario-spec.js"
import { loadBuiltInPack } from "./load-pack.js"
import sybihaVisit2025 from "./sybiha-visit-2025.json" with { type: "json" }

/** Every pack that ships with Accord, decoded and cross-checked at load. */
export const builtInPacks: ReadonlyArray<Pack> = [loadBuiltInPack(sybihaVisit2025)]

/** A built-in pack by id, or undefined. */
export const getPack = (id: string): Pack | undefined => builtInPacks.find((p) => p.id === id)

/** What scenario-spec validation needs to know about some packs (the engine checks a spec against its one pack). */
export const packCatalogOf = (packs: ReadonlyArray<Pack>): PackCatalog => {
  const packOf = (id: string) => packs.find((p) => p.id === id)
  return {
    packIds: packs.map((p) => p.id),
    commitmentIds: (packId) => packOf(packId)?.commitments.map((c) => c.id) ?? [],
    parameterIds: (packId) => packOf(packId)?.parameters.map((p) => p.id) ?? [],
    parameterRange: (packId, parameterId) => {
      const parameter = packOf(packId)?.parameters.find((p) => p.id === parameterId)
      return parameter === undefined
        ? undefined
        : { min: parameter.min, max: parameter.max, unit: parameter.unit }
    },
  }
}

/** What scenario-spec validation needs to know about the built-in packs. */
export const packCatalog: PackCatalog = packCatalogOf(builtInPacks)
