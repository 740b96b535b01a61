/** The month of a date counted from a pack's start month ("YYYY-MM" = month 0). */
export const monthOfDate = (date: string, startMonth: string): number => {
  const [y, m] = date.split("-").map(Number) as [number, number]
  const [sy, sm] = startMonth.split("-").map(Number) as [number, number]
  return (y - sy) * 12 + (m - sm)
}
