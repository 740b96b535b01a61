/** Up to this many rows (months 0..24) a handout table shows every month. */
const EVERY_MONTH_ROWS = 25
/** Past that, sampled tables aim at about a dozen rows so that one fits a printed page. */
const SAMPLED_STEPS = 12

/**
 * The months a handout table shows: every month up to month 24, then a
 * regular step (3, 6, 12 or 24 months) from month 0, always keeping the horizon row.
 */
export const sampleMonths = (months: ReadonlyArray<number>): ReadonlyArray<number> => {
  if (months.length <= EVERY_MONTH_ROWS) return months
  const last = months[months.length - 1] as number
  const step = [3, 6, 12, 24].find((s) => last / s <= SAMPLED_STEPS) ?? Math.ceil(last / SAMPLED_STEPS)
  return months.filter((m) => m % step === 0 || m === last)
}

/** The step a sampled table uses, in words, for a caption ("every 6 months"), or undefined when unsampled. */
export const samplingNote = (
  all: ReadonlyArray<number>,
  shown: ReadonlyArray<number>,
): string | undefined => {
  if (all.length === shown.length || shown.length < 2) return undefined
  const step = (shown[1] as number) - (shown[0] as number)
  return `every ${step} months and the horizon; the CSV export has every month`
}
