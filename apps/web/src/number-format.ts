const compact = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 })
const precise = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 })
const percent = new Intl.NumberFormat("en-US", { style: "percent", maximumFractionDigits: 0 })

/** A value for reading aloud or on a projector: few digits, thousands separated. */
export const formatNumber = (value: number): string =>
  Math.abs(value) >= 100
    ? compact.format(Math.round(value))
    : Math.abs(value) >= 1
      ? compact.format(value)
      : precise.format(value)

/** A value with its unit, e.g. "1,250 USD m". */
export const formatWithUnit = (value: number, unit: string): string => `${formatNumber(value)} ${unit}`

/** A signed difference, e.g. "+12.5" or "−3". */
export const formatDelta = (value: number): string =>
  value > 0 ? `+${formatNumber(value)}` : value < 0 ? `−${formatNumber(-value)}` : "0"

/** A share 0..1 as a percentage. */
export const formatShare = (share: number): string => percent.format(share)

/** Calendar label of a scenario month, given the pack's month 0 ("YYYY-MM"). */
export const calendarMonth = (startMonth: string | undefined, month: number): string => {
  if (!startMonth) return `month ${month}`
  const [y, m] = startMonth.split("-").map(Number)
  const date = new Date(Date.UTC(y ?? 2025, (m ?? 1) - 1 + month, 1))
  return date.toLocaleDateString("en-GB", { month: "short", year: "numeric", timeZone: "UTC" })
}
