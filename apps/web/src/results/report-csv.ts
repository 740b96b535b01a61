import type { Report } from "../api.js"

const cell = (v: string | number): string => {
  const s = String(v)
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

/** Every chart's numbers as one CSV: a row per indicator and month, scenario beside baseline. */
export const reportCsv = (report: Report, baseline?: Report): string => {
  const header = [
    "indicator",
    "label",
    "unit",
    "month",
    "p10",
    "p50",
    "p90",
    "mean",
    "baseline_p10",
    "baseline_p50",
    "baseline_p90",
  ]
  const lines = [header.join(",")]
  for (const ind of report.indicators) {
    const base = baseline?.indicators.find((b) => b.id === ind.id)
    ind.series.forEach((row, i) => {
      const b = base?.series[i]
      lines.push(
        [
          ind.id,
          ind.label,
          ind.unit,
          row.month,
          row.p10,
          row.p50,
          row.p90,
          row.mean,
          b?.p10 ?? "",
          b?.p50 ?? "",
          b?.p90 ?? "",
        ]
          .map(cell)
          .join(","),
      )
    })
  }
  return `${lines.join("\n")}\n`
}

/** Offers a text as a file download. */
export const downloadText = (filename: string, text: string, type = "text/csv"): void => {
  const url = URL.createObjectURL(new Blob([text], { type }))
  const a = document.createElement("a")
  a.href = url
  a.download = filename
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}
