import type { MoveAttribution, OutcomeRow, TopMovers } from "./debrief.js"
import { effectText } from "./debrief-story.js"

/** How many moves each indicator's "top movers" lists. */
const TOP_MOVERS = 3

/** For each indicator, the moves with the largest mean effect on it (none without an effect). */
export const topMoversOf = (
  outcomes: ReadonlyArray<OutcomeRow>,
  attribution: ReadonlyArray<MoveAttribution>,
): Array<TopMovers> =>
  outcomes.map((indicator) => ({
    indicator: indicator.id,
    label: indicator.label,
    unit: indicator.unit,
    moves: attribution
      .map((a) => {
        const e = a.effects.find((x) => x.indicator === indicator.id)
        const deltaMean = e?.deltaMean ?? 0
        return {
          moveId: a.moveId,
          role: a.role,
          roles: a.roles,
          description: a.description,
          deltaMean,
          text: effectText(indicator, { deltaMean, shareUp: e?.shareUp ?? 0, shareDown: e?.shareDown ?? 0 }),
        }
      })
      .filter((m) => m.deltaMean !== 0)
      // Largest effect first; ties keep play order (sort is stable).
      .sort((a, b) => Math.abs(b.deltaMean) - Math.abs(a.deltaMean))
      .slice(0, TOP_MOVERS),
  }))
