/** The month of a date counted from a pack's start month ("YYYY-MM" = month 0). */
export const monthOfDate = (date: string, startMonth: string): number => {
  const [y, m] = date.split("-").map(Number) as [number, number]
  const [sy, sm] = startMonth.split("-").map(Number) as [number, number]
  return (y - sy) * 12 + (m - sm)
}

const MONTH_NAMES = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

/** The calendar month ("Nov 2025") of scenario month `month` for a pack start like "2025-08"; undefined without one. */
export const calendarMonth = (startMonth: string | undefined, month: number): string | undefined => {
  const match = /^(\d{4})-(\d{2})$/.exec(startMonth ?? "")
  if (match === null) return undefined
  const index = Number(match[1]) * 12 + Number(match[2]) - 1 + month
  return `${MONTH_NAMES[index % 12]} ${Math.floor(index / 12)}`
}
