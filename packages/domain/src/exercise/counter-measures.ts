import { getPack } from "../packs/built-in-packs.js"
import type { CounterMeasureKind } from "./exercise-moves.js"

/** What each counter-measure adds to the monthly evasion rate and costs (USD m): the modes of the pack's parameters. */
export type CounterMeasures = Readonly<
  Record<CounterMeasureKind, { readonly evasionPerMonth: number; readonly costUsdM: number }>
>

/** The counter-measures of a pack's exercise, or undefined when the pack defines none. */
export const counterMeasuresOf = (packId: string): CounterMeasures | undefined => {
  const defined = getPack(packId)?.exercise?.counterMeasures
  if (defined === undefined) return undefined
  const of = (kind: CounterMeasureKind) => ({
    evasionPerMonth: defined[kind].evasionPerMonth.mode,
    costUsdM: defined[kind].costUsdM.mode,
  })
  return { evasion: of("evasion"), rerouting: of("rerouting") }
}
