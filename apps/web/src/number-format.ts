const compact = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 })
const precise = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 })
const whole = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 })
const percent = new Intl.NumberFormat("en-US", { style: "percent", maximumFractionDigits: 0 })

// Units of things one counts (the pack's indicator units). The one place that decides
// whether a quantity is a count: counts show as whole numbers and get integer axis ticks.
const countUnits: ReadonlySet<string> = new Set([
  "count",
  "packages",
  "facilities",
  "firms",
  "consultations",
  "commitments",
  "rounds",
])

/** Whether an indicator unit names a count (whole things: packages, facilities, firms…). */
export const isCountUnit = (unit: string | undefined): boolean =>
  unit !== undefined && countUnits.has(unit.trim().toLowerCase())

/** A value for reading aloud or on a projector: few digits, thousands separated. */
export const formatNumber = (value: number, unit?: string): string =>
  isCountUnit(unit)
    ? whole.format(Math.round(value) === 0 ? 0 : Math.round(value))
    : Math.abs(value) >= 100
      ? compact.format(Math.round(value))
      : Math.abs(value) >= 1
        ? compact.format(value)
        : precise.format(value)

/** A value with its unit, e.g. "1,250 USD m"; a count is a whole number, e.g. "8 facilities". */
export const formatWithUnit = (value: number, unit: string): string => `${formatNumber(value, unit)} ${unit}`

/** A signed difference, e.g. "+12.5" or "−3" (whole for a count unit). */
export const formatDelta = (value: number, unit?: string): string => {
  const text = formatNumber(Math.abs(value), unit)
  return text === "0" ? "0" : value > 0 ? `+${text}` : `−${text}`
}

/** Tick spacings uPlot may choose for a count axis: whole numbers only (no 2.5 or 7.5). */
export const countAxisIncrements: ReadonlyArray<number> = [
  1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1_000, 2_000, 2_500, 5_000, 10_000, 20_000, 50_000, 100_000,
]
/** A share 0..1 as a percentage. */
export const formatShare = (share: number): string => percent.format(share)

/** Calendar label of a scenario month, given the pack's month 0 ("YYYY-MM"). */
export const calendarMonth = (startMonth: string | undefined, month: number): string => {
  if (!startMonth) return `month ${month}`
  const [y, m] = startMonth.split("-").map(Number)
  const date = new Date(Date.UTC(y ?? 2025, (m ?? 1) - 1 + month, 1))
  return date.toLocaleDateString("en-GB", { month: "short", year: "numeric", timeZone: "UTC" })
}
