import type { Comparison, Report } from "../report.js"
import { csvRecords } from "./text-escape.js"

/** The CSV header every report export carries. */
export const CSV_HEADER = ["indicator", "unit", "month", "statistic", "value"] as const

const QUANTILE_STATISTICS = ["p10", "p50", "p90", "mean"] as const

const DELTA_STATISTICS = [
  "baselineP50",
  "variantP50",
  "deltaP10",
  "deltaP50",
  "deltaP90",
  "deltaMean",
  "shareVariantHigher",
] as const

/** A report as CSV: one record per indicator × month × statistic, every month, full precision. */
export const reportToCsv = (report: Report): string =>
  csvRecords([
    CSV_HEADER,
    ...report.indicators.flatMap((indicator) =>
      indicator.series.flatMap((row) =>
        QUANTILE_STATISTICS.map((statistic) => [
          indicator.id,
          indicator.unit,
          String(row.month),
          statistic,
          String(row[statistic]),
        ]),
      ),
    ),
  ])

/** A comparison as CSV: one record per indicator × month × statistic (baseline, variant and paired deltas). */
export const comparisonToCsv = (comparison: Comparison): string =>
  csvRecords([
    CSV_HEADER,
    ...comparison.indicators.flatMap((indicator) =>
      indicator.series.flatMap((row) =>
        DELTA_STATISTICS.map((statistic) => [
          indicator.id,
          indicator.unit,
          String(row.month),
          statistic,
          String(row[statistic]),
        ]),
      ),
    ),
  ])
