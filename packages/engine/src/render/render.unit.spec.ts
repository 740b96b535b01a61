import { type CommitmentId, getPack } from "@accord/domain"
import { parse as parseCsv } from "csv-parse/sync"
import { Schema } from "effect"
import { type DefaultTreeAdapterMap, parse as parseHtml } from "parse5"
import { describe, expect, it } from "vitest"
import { Comparison, Report } from "../report.js"
import { niceTicks } from "./fan-chart-svg.js"
import { renderComparison, renderReport } from "./index.js"
import { sampleComparison, sampleReport } from "./sample-reports.js"

type Node = DefaultTreeAdapterMap["node"]
type Element = DefaultTreeAdapterMap["element"]

const elements = (node: Node): Array<Element> => {
  const own = "tagName" in node ? [node as Element] : []
  const children = "childNodes" in node ? node.childNodes : []
  const template = "content" in node ? [node.content as Node] : []
  return [...own, ...[...children, ...template].flatMap(elements)]
}
const textOf = (node: Node): string =>
  "value" in node && node.nodeName === "#text"
    ? (node as { value: string }).value
    : "childNodes" in node
      ? node.childNodes.map(textOf).join("")
      : ""
const attr = (element: Element, name: string) => element.attrs.find((a) => a.name === name)?.value

const HOSTILE = `<script>alert("pwned")</script>, 'quoted' "name"\nsecond | line`
const hostileReport = () =>
  sampleReport({
    indicatorLabel: HOSTILE,
    indicatorUnit: 'U,"nit"\r\n<b>',
    indicatorId: 'energy.x,"y"\n<script>',
    commitmentTitle: HOSTILE,
    scenarioName: HOSTILE,
    interventionLabel: "</li><script>x()</script>",
    modelCard: "javascript:alert(1)",
  })

describe("renderReport json", () => {
  it("is canonical: sorted keys, no whitespace, and the same bytes whatever the field order", () => {
    const report = sampleReport()
    const json = renderReport(report, "json")
    expect(json).not.toMatch(/\n|": /)
    expect(json.indexOf('"commitments"')).toBeLessThan(json.indexOf('"hash"'))
    const reordered = Object.fromEntries(Object.entries(report).reverse()) as Report
    expect(renderReport(reordered, "json")).toBe(json)
    expect(Schema.decodeUnknownSync(Report)(JSON.parse(json))).toEqual(report)
  })
  it("round-trips a comparison through its schema", () => {
    const comparison = sampleComparison()
    expect(Schema.decodeUnknownSync(Comparison)(JSON.parse(renderComparison(comparison, "json")))).toEqual(
      comparison,
    )
  })
})

describe("renderReport markdown", () => {
  it("is a handout: title, disclaimer with model card, scenario in words, tables, outcomes and hash", () => {
    const report = sampleReport({ scenarioName: "Extra sanctions in Q2" })
    const md = renderReport(report, "markdown")
    expect(md).toMatch(/^# Accord scenario report: Extra sanctions in Q2\n/)
    expect(md).toContain(
      "> **A teaching model, not a forecast.** See the [model card](<https://example.org/accord/docs/model.md>).",
    )
    expect(md).toContain("Month 3: a new sanctions package covering 30% of the targeted trade and finance")
    expect(md).toContain("Month 6: a USD 1 bn energy grant.")
    expect(md).toContain('Month 9: "Digital transformation projects" is withdrawn.')
    expect(md).toContain(
      'Month 12 onwards: Russia counters the sanctions ("Shadow fleet"), adding 0.8 percentage points a month to the rate at which sanctions pressure erodes.',
    )
    expect(md).toContain("cost-per-mw-usd-m: fixed at 1.2")
    expect(md).toContain("### Energy capacity restored (MW)")
    expect(md).toContain("| month | p10 | p50 (median) | p90 | mean |")
    expect(md).toContain("| Sustainable energy joint projects | 0% | 10% | 30% | 55% | 2% | 3% |")
    expect(md).toContain(`\`${"ab".repeat(32)}\``)
    // A 24-month report shows every month.
    const energyRows = md
      .split("### Energy capacity restored")[1]
      ?.split("###")[0]
      ?.match(/^\| \d+ \|/gm)
    expect(energyRows).toHaveLength(25)
  })
  it("samples long horizons but keeps month 0 and the horizon row", () => {
    const md = renderReport(sampleReport({ horizonMonths: 97 }), "markdown")
    const section = md.split("### Energy capacity restored")[1]?.split("###")[0] ?? ""
    const months = [...section.matchAll(/^\| (\d+) \|/gm)].map((m) => Number(m[1]))
    expect(months[0]).toBe(0)
    expect(months[months.length - 1]).toBe(97)
    expect(months.length).toBeLessThan(15)
    expect(section).toContain("every 12 months and the horizon")
  })
  it("escapes hostile names: no raw HTML, no broken tables, no live links", () => {
    const md = renderReport(hostileReport(), "markdown")
    expect(md).not.toContain("<script")
    expect(md).not.toContain("<b>")
    expect(md).not.toContain("javascript:")
    for (const line of md.split("\n").filter((l) => l.startsWith("|"))) {
      const header = md.split("\n").find((l) => l.startsWith("|") && l.includes("p10 |")) ?? ""
      const cells = (l: string) => l.replace(/\\\|/g, "").split("|").length
      if (line.includes("p10") || /^\| \d/.test(line)) expect(cells(line)).toBe(cells(header))
    }
    expect(md).toContain('&lt;script&gt;alert("pwned")&lt;/script&gt;, \'quoted\' "name" second \\| line')
  })
})

describe("renderReport csv", () => {
  it("has one record per indicator × month × statistic and parses back to the report's numbers", () => {
    const report = sampleReport()
    const rows: Array<Record<string, string>> = parseCsv(renderReport(report, "csv"), { columns: true })
    expect(rows).toHaveLength(report.indicators.length * 25 * 4)
    for (const indicator of report.indicators) {
      for (const point of indicator.series) {
        for (const statistic of ["p10", "p50", "p90", "mean"] as const) {
          const row = rows.find(
            (r) =>
              r.indicator === indicator.id && r.month === String(point.month) && r.statistic === statistic,
          )
          expect(row?.unit).toBe(indicator.unit)
          expect(Number(row?.value)).toBe(point[statistic])
        }
      }
    }
  })
  it("quotes hostile ids and units per RFC 4180 so that they parse back unchanged", () => {
    const report = hostileReport()
    const csv = renderReport(report, "csv")
    expect(csv.startsWith("indicator,unit,month,statistic,value\r\n")).toBe(true)
    const rows: Array<Record<string, string>> = parseCsv(csv, { columns: true, record_delimiter: "\r\n" })
    const hostile = rows.filter((r) => r.indicator === report.indicators[0]?.id)
    expect(hostile).toHaveLength(25 * 4)
    expect(hostile.every((r) => r.unit === 'U,"nit"\r\n<b>')).toBe(true)
  })
})

describe("renderReport html", () => {
  it("is one self-contained printable page with an accessible fan chart and a table per indicator", () => {
    const report = sampleReport()
    const html = renderReport(report, "html")
    const doc = parseHtml(html)
    const all = elements(doc)
    expect(all.filter((e) => e.tagName === "script")).toHaveLength(0)
    expect(all.filter((e) => ["link", "img", "iframe", "object"].includes(e.tagName))).toHaveLength(0)
    expect(html).toContain("@media print")
    const svgs = all.filter((e) => e.tagName === "svg")
    expect(svgs).toHaveLength(report.indicators.length)
    for (const svg of svgs) {
      expect(attr(svg, "role")).toBe("img")
      const ids = (attr(svg, "aria-labelledby") ?? "").split(" ")
      const inside = elements(svg)
      expect(ids.map((id) => inside.find((e) => attr(e, "id") === id)?.tagName)).toEqual(["title", "desc"])
      expect(inside.some((e) => e.tagName === "polygon" && attr(e, "class") === "band")).toBe(true)
      expect(inside.some((e) => e.tagName === "polyline" && attr(e, "class") === "median")).toBe(true)
      expect(inside.filter((e) => e.tagName === "text").map(textOf)).toContain("Month")
    }
    const tables = all.filter((e) => e.tagName === "table")
    expect(tables).toHaveLength(report.indicators.length + 1)
    expect(textOf(doc)).toContain("A teaching model, not a forecast.")
    const modelCard = all.find((e) => e.tagName === "a")
    expect(attr(modelCard as Element, "href")).toBe("https://example.org/accord/docs/model.md")
    const elsewhere = renderReport(report, "html", { modelCardHref: "http://localhost:8787/docs/model" })
    expect(elsewhere).toContain('href="http://localhost:8787/docs/model"')
  })
  it("escapes hostile names everywhere: they show as text and never become markup", () => {
    const html = renderReport(hostileReport(), "html")
    const doc = parseHtml(html)
    const all = elements(doc)
    expect(all.filter((e) => e.tagName === "script")).toHaveLength(0)
    expect(all.filter((e) => e.tagName === "b")).toHaveLength(0)
    // Five interventions and one assumption: the label's "</li>" opened no item of its own.
    expect(all.filter((e) => e.tagName === "li")).toHaveLength(6)
    expect(textOf(doc)).toContain("Month 12 onwards: Russia counters the sanctions")
    expect(textOf(doc)).toContain(`<script>alert("pwned")</script>, 'quoted' "name"`)
    expect(all.every((e) => e.attrs.every((a) => !a.value.includes("javascript:")))).toBe(true)
    const title = all.find((e) => e.tagName === "title")
    expect(textOf(title as Element)).toContain("<script>")
  })
})

describe("renderComparison", () => {
  it("markdown lists changes at the horizon largest first, with bands", () => {
    const md = renderComparison(sampleComparison(), "markdown")
    const section = md.split("## Changes at the horizon (month 24)")[1]?.split("## Changes by month")[0] ?? ""
    const order = [...section.matchAll(/^\| ([A-Z][^|]+?) \|/gm)].map((m) => m[1])
    expect(order).toEqual(["Energy capacity restored", "Funds disbursed", "Defense consultations held"])
    expect(section).toContain(
      "| Energy capacity restored | MW | 3,637 | 4,837 | +1,200 | −240 to +2,400 | 80% |",
    )
    expect(md).toContain("## Baseline")
    expect(md).toContain("## Variant")
    expect(md).toContain("A teaching model, not a forecast.")
  })
  it("csv has one record per indicator × month × statistic", () => {
    const comparison = sampleComparison()
    const rows: Array<Record<string, string>> = parseCsv(renderComparison(comparison, "csv"), {
      columns: true,
    })
    expect(rows).toHaveLength(comparison.indicators.length * 25 * 7)
    const energyAt24 = rows.filter((r) => r.indicator === "energy.capacity_restored_mw" && r.month === "24")
    expect(Object.fromEntries(energyAt24.map((r) => [r.statistic, Number(r.value)]))).toMatchObject({
      deltaP50: 1200,
      shareVariantHigher: 0.8,
    })
  })
  it("html charts the paired change with a zero line and escapes hostile names", () => {
    const html = renderComparison(sampleComparison({ indicatorLabel: HOSTILE }), "html")
    const all = elements(parseHtml(html))
    expect(all.filter((e) => e.tagName === "script")).toHaveLength(0)
    const svgs = all.filter((e) => e.tagName === "svg")
    expect(svgs).toHaveLength(3)
    expect(elements(svgs[0] as Element).some((e) => attr(e, "class") === "zero")).toBe(true)
    expect(html).toContain("&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;")
  })
})

describe("fan chart scale", () => {
  it("ticks cover the whole band, negative and positive", () => {
    for (const [min, max] of [
      [-240, 2400],
      [0, 1],
      [0, 600],
      [-0.4, 4],
      [0, 3637.4],
      [-5, -1],
    ] as const) {
      const ticks = niceTicks(Math.min(0, min), Math.max(0, max))
      expect(ticks[0]).toBeLessThanOrEqual(Math.min(0, min))
      expect(ticks[ticks.length - 1]).toBeGreaterThanOrEqual(max)
      expect(ticks.length).toBeLessThanOrEqual(8)
    }
  })
})

describe("with the pack as context", () => {
  it("names commitments and assumptions from the pack and dates months from its start", () => {
    const pack = getPack("sybiha-visit-2025")
    expect(pack).toBeDefined()
    const report = sampleReport({ scenarioName: "With the pack" })
    const withAssumption = {
      ...report,
      spec: { ...report.spec, assumptions: { "energy.cost-per-mw-usd-m": 1.2 } },
    }
    const md = renderReport(withAssumption as Report, "markdown", pack === undefined ? {} : { pack })
    expect(md).toContain("Month 3 (Nov 2025): a new sanctions package")
    expect(md).toContain('Month 0 (Aug 2025): "Sustainable energy joint projects" is held up for 6 months.')
    expect(md).toMatch(/- .*\(USD m per MW\): fixed at 1\.2 \(pack: 0\.45–1, most likely 0\.9\)/)
    expect(md).toContain("| 24 (Aug 2027) |")
    expect(md).toContain(`- **Pack:** ${pack?.title} (sybiha-visit-2025)`)
    // Confidence is visible: every commitment with its starting state, confidence and what predates the visit.
    expect(md).toContain("## Commitments and confidence")
    expect(md).toContain(
      "| ERA loan from immobilized Russian assets (JPY 471.9 bn) | japan → ukraine | agreed | M | yes | fact |",
    )
    expect(md).toContain("| Small-business support | ukraine → japan | discussed | M | no | none |")
    const html = renderReport(withAssumption as Report, "html", pack === undefined ? {} : { pack })
    expect(html).toContain("<h2>Commitments and confidence</h2>")
    expect(html).toContain("<td>range if proposed</td>")
  })
})

describe("a conditioned report", () => {
  const conditioned: Report = {
    ...sampleReport(),
    conditioning: {
      asOf: "2026-02-28",
      observations: [
        {
          id: "era-first",
          date: "2026-02-27",
          about: { commitment: "era-loan" as CommitmentId },
          value: 544,
          source: "https://example.org/era",
          confidence: "M",
        },
      ],
      ignored: [{ id: "x", reason: "the model has no indicator 'a.b'" }],
      effectiveRuns: 6.8,
    },
    warnings: ["Only 6.8 of 1000 runs effectively agree with the observations."],
  }
  it("says what it was conditioned on and carries its warnings, in Markdown and HTML", () => {
    for (const format of ["markdown", "html"] as const) {
      const text = renderReport(conditioned, format)
      expect(text).toContain("1 observation dated up to 2026-02-28 (1 more this model cannot compare with)")
      expect(text).toContain("effective runs 6.8 of")
      expect(text).toContain("Only 6.8 of 1000 runs effectively agree with the observations.")
    }
  })
  it("has no such lines without asOf", () => {
    expect(renderReport(sampleReport(), "markdown")).not.toContain("Conditioned on")
  })
})
