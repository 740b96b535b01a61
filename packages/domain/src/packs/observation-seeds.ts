import { Either, Schema } from "effect"
import { PackId } from "../ids.js"
import { CalendarDate, Observation } from "../observation.js"
import type { ObservationCatalog } from "../observation-decider.js"
import type { Pack } from "../pack.js"
import { strictParseOptions } from "../scenario-spec.js"
import { issuesFromParseError } from "../validation-issue.js"
import { getPack } from "./built-in-packs.js"
import sybihaVisit2025 from "./sybiha-visit-2025.observations.json" with { type: "json" }

/**
 * What a pack ships about the world after its visit: the visit's dates and the
 * observations gathered since (each note says how its source maps onto the model).
 */
export const ObservationSeed = Schema.Struct({
  pack: PackId,
  visit: Schema.Struct({ from: CalendarDate, to: CalendarDate }),
  gathered: Schema.String,
  observations: Schema.Array(Observation),
}).annotations({ identifier: "ObservationSeed" })
export type ObservationSeed = typeof ObservationSeed.Type

/** Decodes a seed and checks what needs no pack: unique ids, dates on or after the visit. */
export const decodeObservationSeed = (input: unknown): ObservationSeed => {
  const decoded = Schema.decodeUnknownEither(ObservationSeed)(input, strictParseOptions)
  if (Either.isLeft(decoded)) {
    const details = issuesFromParseError(decoded.left).map((i) => `${i.path}: ${i.message}`)
    throw new Error(`observation seed is invalid: ${details.join("; ")}`)
  }
  const seed = decoded.right
  const problems: Array<string> = []
  const seen = new Set<string>()
  seed.observations.forEach((o, i) => {
    if (seen.has(o.id)) problems.push(`observations.${i}.id: duplicate id '${o.id}'`)
    seen.add(o.id)
    if (o.date < seed.visit.from) problems.push(`observations.${i}.date: before the visit`)
  })
  if (problems.length > 0)
    throw new Error(`observation seed of '${seed.pack}' is invalid: ${problems.join("; ")}`)
  return seed
}

/** The seeds that ship with the built-in packs, decoded at load (a bad seed is a bug). */
export const observationSeeds: ReadonlyArray<ObservationSeed> = [decodeObservationSeed(sybihaVisit2025)]

/** A pack's seed, or undefined for a pack that ships none. */
export const observationSeedOf = (packId: string): ObservationSeed | undefined =>
  observationSeeds.find((s) => s.pack === packId)

/** The dates of a pack's visit: from its seed, or the first day of its start month. */
export const visitOf = (pack: Pack): { readonly from: string; readonly to: string } => {
  const seed = observationSeedOf(pack.id)
  return seed?.visit ?? { from: `${pack.startMonth}-01`, to: `${pack.startMonth}-01` }
}

/** What the observation decider checks against, for a pack. */
export const observationCatalogOf = (pack: Pack): ObservationCatalog => ({
  pack: pack.id,
  commitmentIds: pack.commitments.map((c) => c.id),
  indicatorIds: pack.indicators.map((i) => i.id),
  earliestDate: visitOf(pack).from,
})

/** The observation catalog of a built-in pack, or undefined. */
export const builtInObservationCatalog = (packId: string): ObservationCatalog | undefined => {
  const pack = getPack(packId)
  return pack === undefined ? undefined : observationCatalogOf(pack)
}
