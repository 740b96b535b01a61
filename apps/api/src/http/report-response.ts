import { getPack } from "@accord/domain"
import { type Comparison, type Report, renderComparison, renderReport, reportDrivers } from "@accord/engine"
import type { Context } from "hono"
import { makeLruCache } from "../cache/lru-cache.js"
import { contentTypeOf, negotiateFormat, type ReportFormat } from "./report-format.js"

// Renderings are named by the content hash they render, so a repeated report costs no second rendering.
const renderings = makeLruCache<string>(128)
const rendered = (hash: string, format: ReportFormat, render: () => string): string =>
  renderings.through(`${hash}:${format}`, render)

/** The format a report-shaped response uses: `?format=` first, then the Accept header. */
export const formatFor = (c: Context, query: ReportFormat | undefined): ReportFormat =>
  negotiateFormat(query, c.req.header("accept"))

/** Handouts (Markdown, HTML) list the headline indicators' largest drivers; JSON and CSV are the report alone. */
const renderWithDrivers = (report: Report, format: ReportFormat): string => {
  const pack = getPack(report.spec.pack)
  const handout = format === "markdown" || format === "html"
  return renderReport(
    report,
    format,
    handout && pack !== undefined ? { drivers: reportDrivers(pack, report.spec) } : {},
  )
}

/** Answers with a report rendered in the negotiated format. */
export const reportResponse = (
  c: Context,
  report: Report,
  format: ReportFormat,
  status = 200,
  headers: Readonly<Record<string, string>> = {},
): Response =>
  c.body(
    rendered(report.hash, format, () => renderWithDrivers(report, format)),
    status as 200,
    {
      "content-type": contentTypeOf[format],
      vary: "Accept",
      "x-report-hash": report.hash,
      ...headers,
    },
  )

/** Answers with a comparison rendered in the negotiated format. */
export const comparisonResponse = (c: Context, comparison: Comparison, format: ReportFormat): Response =>
  c.body(
    rendered(`compare:${comparison.hash}`, format, () => renderComparison(comparison, format)),
    200,
    {
      "content-type": contentTypeOf[format],
      vary: "Accept",
    },
  )
