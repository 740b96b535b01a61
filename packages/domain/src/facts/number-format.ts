/**
 * How a number reads to people, in reports and on screen alike: the one formatter of the engine's renderers
 * and of the web app. Locale-independent (no Intl), so that a report renders the same bytes everywhere.
 *
 * - precision by magnitude: whole from 100, one decimal from 10, two below; trailing zeros dropped;
 * - thousands grouped with a comma; a negative number and a fall start with the minus sign "−" (U+2212);
 * - a count unit (packages, facilities, firms…) shows as a whole number.
 */

/** The minus sign of every number shown to people. */
export const MINUS = "\u2212"

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

/** A value for reading aloud or on a projector: few digits, thousands grouped; whole for a count unit. */
export const formatNumber = (value: number, unit?: string): string => {
  if (!Number.isFinite(value)) return String(value)
  const magnitude = Math.abs(value)
  const digits = isCountUnit(unit) || magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : 2
  const text = trimZeros(magnitude.toFixed(digits))
  // A value that rounds to zero reads "0", never "−0".
  return value < 0 && text !== "0" ? `${MINUS}${groupThousands(text)}` : groupThousands(text)
}

/** A value with its unit, e.g. "1,250 USD m"; a count is a whole number, e.g. "8 facilities". */
export const formatWithUnit = (value: number, unit: string): string => `${formatNumber(value, unit)} ${unit}`

/** A signed change, e.g. "+12.5" or "−3" (whole for a count unit); "±0" when it rounds to no change. */
export const formatDelta = (value: number, unit?: string): string => {
  const text = formatNumber(value, unit)
  return text === "0" ? "±0" : value > 0 ? `+${text}` : text
}

/** A share 0..1 as a percentage with at most one decimal: "55.5%", "30%". */
export const formatShare = (share: number): string => `${trimZeros((share * 100).toFixed(1))}%`

/** A USD-millions amount in words: "USD 500 m", "USD 1 bn", "USD 1.25 bn". */
export const formatUsdMillions = (amount: number): string =>
  amount >= 1000
    ? `USD ${trimZeros((amount / 1000).toFixed(2))} bn`
    : `USD ${groupThousands(trimZeros(amount.toFixed(2)))} m`

/** "12.50" → "12.5", "3.00" → "3"; a whole number keeps its zeros. */
const trimZeros = (text: string): string => (text.includes(".") ? text.replace(/\.?0+$/, "") : text)

const groupThousands = (text: string): string => {
  const [whole = "", fraction] = text.split(".")
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",")
  return fraction === undefined ? grouped : `${grouped}.${fraction}`
}
