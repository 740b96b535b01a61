import { formatNumber, isCountUnit } from "@accord/domain/facts"
import type { Axis } from "uplot"

/** Tick spacings uPlot may choose for a count axis: whole numbers only (no 2.5 or 7.5). */
export const countAxisIncrements: ReadonlyArray<number> = [
  1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1_000, 2_000, 2_500, 5_000, 10_000, 20_000, 50_000, 100_000,
]

/** The value axis's ticks: whole-number spacings for a count, labels formatted for the unit. */
export const valueTicks = (unit: string): Pick<Axis, "values" | "incrs"> => ({
  values: (_u, splits) => splits.map((v) => formatNumber(v, unit)),
  ...(isCountUnit(unit) ? { incrs: [...countAxisIncrements] } : {}),
})
