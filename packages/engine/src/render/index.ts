import { canonicalJson } from "../canonical-json.js"
import type { Comparison, Report } from "../report.js"
import { comparisonToHtml } from "./comparison-html.js"
import { comparisonToMarkdown } from "./comparison-markdown.js"
import type { RenderContext, RenderFormat } from "./render-context.js"
import { comparisonToCsv, reportToCsv } from "./report-csv.js"
import { reportToHtml } from "./report-html.js"
import { reportToMarkdown } from "./report-markdown.js"

export { fanChartSvg } from "./fan-chart-svg.js"
export {
  type RenderContext,
  type RenderFormat,
  renderExtensions,
  renderFormats,
  renderMediaTypes,
} from "./render-context.js"
export { CSV_HEADER } from "./report-csv.js"
export { goalToMarkdown, renderSensitivity, tornadoChartSvg } from "./sensitivity-render.js"
export { csvRecords, escapeMarkdown } from "./text-escape.js"

/** Renders a report as canonical JSON, a Markdown handout, CSV or a self-contained HTML page. Pure. */
export const renderReport = (report: Report, format: RenderFormat, context: RenderContext = {}): string => {
  switch (format) {
    case "json":
      return canonicalJson(report)
    case "markdown":
      return reportToMarkdown(report, context)
    case "csv":
      return reportToCsv(report)
    case "html":
      return reportToHtml(report, context)
  }
}

/** Renders a comparison in the same four formats as `renderReport`. Pure. */
export const renderComparison = (
  comparison: Comparison,
  format: RenderFormat,
  context: RenderContext = {},
): string => {
  switch (format) {
    case "json":
      return canonicalJson(comparison)
    case "markdown":
      return comparisonToMarkdown(comparison, context)
    case "csv":
      return comparisonToCsv(comparison)
    case "html":
      return comparisonToHtml(comparison, context)
  }
}
export * from "./backtest-markdown.js"
