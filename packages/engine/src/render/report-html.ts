import { formatNumber, formatShare } from "@accord/domain/facts"
import type { Report } from "../report.js"
import { fanChartSvg } from "./fan-chart-svg.js"
import { htmlDocument, htmlFooter, htmlHeader, htmlScenario, htmlTable } from "./html-page.js"
import { sampleMonths, samplingNote } from "./month-sampling.js"
import type { RenderContext } from "./render-context.js"
import {
  COMMITMENT_SOURCES_HEADING,
  commitmentSources,
  DRIVER_HEADERS,
  DRIVERS_NOTE,
  driverRows,
  LIFECYCLE_COLUMNS,
  monthLabel,
  QUANTILE_HEADERS,
  quantileCells,
  reportHeader,
  scenarioInWords,
} from "./report-outline.js"
import { escapeHtml } from "./text-escape.js"

/** A report as one self-contained, printable HTML page with a fan chart and a table per indicator. */
export const reportToHtml = (report: Report, context: RenderContext = {}): string => {
  const header = reportHeader(report, context)
  const titles = new Map(report.commitments.map((c) => [c.id, c.title] as const))
  const body = [
    ...htmlHeader(header),
    ...htmlScenario(scenarioInWords(report.spec, "Scenario", context, titles)),
    ...(context.drivers === undefined
      ? []
      : [
          "<section>",
          "<h2>Largest drivers</h2>",
          `<p>${escapeHtml(DRIVERS_NOTE)}</p>`,
          htmlTable(
            "The three largest drivers of each headline indicator",
            DRIVER_HEADERS,
            driverRows(context),
            4,
          ),
          "</section>",
        ]),
    "<section>",
    "<h2>Indicators</h2>",
    "<p>Shaded band: 80% of runs (p10 to p90); line: the median (p50).</p>",
    ...report.indicators.flatMap((indicator, index) => {
      const all = indicator.series.map((row) => row.month)
      const shownMonths = sampleMonths(all)
      const shown = new Set(shownMonths)
      const note = samplingNote(all, shownMonths)
      const last = indicator.series[indicator.series.length - 1]
      const first = indicator.series[0]
      const description =
        first === undefined || last === undefined
          ? "No data."
          : `Median ${formatNumber(first.p50)} ${indicator.unit} at month ${first.month}, ${formatNumber(last.p50)} at month ${last.month}; at month ${last.month}, 80% of runs lie between ${formatNumber(last.p10)} and ${formatNumber(last.p90)}. The table below gives the values.`
      return [
        '<article class="indicator">',
        `<h3>${escapeHtml(indicator.label)} <small>(${escapeHtml(indicator.unit)})</small></h3>`,
        fanChartSvg({
          key: `indicator-${index}`,
          title: `${indicator.label} (${indicator.unit}) by month, p10–p90 band and median`,
          description,
          unit: indicator.unit,
          points: indicator.series.map((r) => ({ month: r.month, low: r.p10, mid: r.p50, high: r.p90 })),
        }),
        htmlTable(
          `${indicator.label} (${indicator.unit}), indicator ${indicator.id}${note === undefined ? "" : `; months shown: ${note}`}`,
          ["month", ...QUANTILE_HEADERS],
          indicator.series
            .filter((row) => shown.has(row.month))
            .map((row) => [monthLabel(row.month, context), ...quantileCells(row)]),
        ),
        "</article>",
      ]
    }),
    "</section>",
    "<section>",
    "<h2>Commitment outcomes</h2>",
    htmlTable(
      `Share of runs in which each commitment ends month ${report.horizonMonths} in each state`,
      ["commitment", ...LIFECYCLE_COLUMNS],
      report.commitments.map((c) => [
        c.title,
        ...LIFECYCLE_COLUMNS.map((s) => formatShare(c.finalStates[s])),
      ]),
    ),
    "</section>",
    ...htmlSources(context),
    ...htmlFooter(report.hash, "Report"),
  ]
  return htmlDocument(header.title, body)
}

/** The commitments and the confidence of their sources (when the pack is known). */
const htmlSources = (context: RenderContext): ReadonlyArray<string> => {
  const sources = commitmentSources(context)
  if (sources === undefined) return []
  return [
    "<section>",
    `<h2>${escapeHtml(COMMITMENT_SOURCES_HEADING)}</h2>`,
    `<p>${escapeHtml(sources.note)}</p>`,
    htmlTable(COMMITMENT_SOURCES_HEADING, sources.headers, sources.rows, sources.headers.length),
    "</section>",
  ]
}
