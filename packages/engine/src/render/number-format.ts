/**
 * Formats a number for people: thousands grouped with a thin comma, precision
 * by magnitude. Locale-independent so that a report renders the same bytes everywhere.
 */
export const formatNumber = (value: number): string => {
  if (!Number.isFinite(value)) return String(value)
  if (value === 0) return "0"
  const magnitude = Math.abs(value)
  const digits = magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : 2
  const fixed = value.toFixed(digits)
  // "-0" and "-0.00" read as noise in a table.
  const cleaned = /^-0(\.0+)?$/.test(fixed) ? fixed.slice(1) : fixed
  return groupThousands(cleaned)
}

/** Formats a signed change, with an explicit "+" for increases. */
export const formatDelta = (value: number): string => {
  const text = formatNumber(value)
  return value > 0 && !/^0(\.0+)?$/.test(text) ? `+${text}` : text
}

/** Formats a share 0..1 as a percentage with one decimal. */
export const formatShare = (share: number): string => `${(share * 100).toFixed(1)}%`

/** Formats a USD-millions amount in words: "USD 500 m", "USD 1 bn", "USD 1.25 bn". */
export const formatUsdMillions = (amount: number): string =>
  amount >= 1000
    ? `USD ${trimZeros((amount / 1000).toFixed(2))} bn`
    : `USD ${trimZeros(groupThousands(amount.toFixed(2)))} m`

const trimZeros = (text: string): string => text.replace(/\.?0+$/, "")

const groupThousands = (text: string): string => {
  const [whole = "", fraction] = text.split(".")
  const sign = whole.startsWith("-") ? "-" : ""
  const digits = sign === "" ? whole : whole.slice(1)
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",")
  return `${sign}${grouped}${fraction === undefined ? "" : `.${fraction}`}`
}
