import type { CommitmentKind, Intervention, Pack, ScenarioSpec, Sector } from "@accord/domain"
import { sectorLabels } from "@accord/domain"

/** A commitment the model runs: one of the pack's, or one an intervention created. */
export interface ModelCommitment {
  readonly id: string
  readonly title: string
  readonly kind: CommitmentKind
  readonly sector: Sector | undefined
  /** Index of the intervention that created it, or -1 for the pack's own commitments. */
  readonly intervention: number
  /** Made at or after the visit (not predating it): its money counts in funds.new_*. Interventions are new. */
  readonly isNew: boolean
}

const KIND_OF_AID = { grant: "financial-aid", "in-kind": "financial-aid", loan: "loan" } as const

const interventionTitle = (i: Intervention, index: number): string => {
  if ((i.type === "sanctions-package" || i.type === "aid-package") && i.label !== undefined) return i.label
  switch (i.type) {
    case "sanctions-package":
      // Titles are read by a class: percentages as the builder shows them, sectors by name.
      return `Sanctions package (change ${index + 1}: month ${i.month}, covers ${Math.round(i.coverage * 100)} %, enforced ${Math.round(i.enforcement * 100)} %)`
    case "aid-package":
      return `Aid package: USD ${i.amountUsdM} m ${i.form === "in-kind" ? "in kind" : i.form} for ${sectorLabels[i.sector].toLowerCase()} (change ${index + 1}, month ${i.month})`
    default:
      return `Intervention ${index + 1}`
  }
}

/** The commitment an intervention adds (the types `addedCommitmentTracks` lists), or undefined. */
const addedCommitment = (i: Intervention, n: number): ModelCommitment | undefined => {
  if (i.type === "sanctions-package") {
    const id = `intervention-${n + 1}-sanctions`
    return {
      id,
      title: interventionTitle(i, n),
      kind: "sanctions-package",
      sector: undefined,
      intervention: n,
      isNew: true,
    }
  }
  if (i.type === "aid-package") {
    const id = `intervention-${n + 1}-aid-${i.sector}`
    return {
      id,
      title: interventionTitle(i, n),
      kind: KIND_OF_AID[i.form],
      sector: i.sector,
      intervention: n,
      isNew: true,
    }
  }
  return undefined
}

/** The pack's commitments first, then one per sanctions or aid intervention, in spec order. */
export const modelCommitments = (pack: Pack, spec: ScenarioSpec): ReadonlyArray<ModelCommitment> => [
  ...pack.commitments.map((c) => ({
    id: c.id,
    title: c.title,
    kind: c.kind,
    sector: c.sector,
    intervention: -1,
    isNew: !c.source.predatesVisit,
  })),
  ...spec.interventions.flatMap((i, n) => addedCommitment(i, n) ?? []),
]
