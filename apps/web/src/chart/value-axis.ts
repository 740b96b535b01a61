import type { Axis } from "uplot"
import { countAxisIncrements, formatNumber, isCountUnit } from "../number-format.js"

/** The value axis's ticks: whole-number spacings for a count, labels formatted for the unit. */
export const valueTicks = (unit: string): Pick<Axis, "values" | "incrs"> => ({
  values: (_u, splits) => splits.map((v) => formatNumber(v, unit)),
  ...(isCountUnit(unit) ? { incrs: [...countAxisIncrements] } : {}),
})
