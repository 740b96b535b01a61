import { describe, expect, it } from "vitest"
import type { Report } from "../api.js"
import { reportCsv } from "./report-csv.js"

const report = (p50: number): Report =>
  ({
    hash: "h",
    pack: "p",
    seed: 1,
    runs: 10,
    horizonMonths: 1,
    indicators: [
      {
        id: "funds.pledged_usd_m",
        label: 'Funds, "pledged"',
        unit: "USD m",
        series: [
          { month: 0, p10: 1, p50, p90: 3, mean: 2 },
          { month: 1, p10: 2, p50: p50 + 1, p90: 4, mean: 3 },
        ],
      },
    ],
  }) as unknown as Report

describe("the CSV of a report", () => {
  it("has a row per indicator and month with the scenario's and the baseline's quantiles", () => {
    const lines = reportCsv(report(5), report(2)).trimEnd().split("\n")
    expect(lines).toEqual([
      "indicator,label,unit,month,p10,p50,p90,mean,baseline_p10,baseline_p50,baseline_p90",
      'funds.pledged_usd_m,"Funds, ""pledged""",USD m,0,1,5,3,2,1,2,3',
      'funds.pledged_usd_m,"Funds, ""pledged""",USD m,1,2,6,4,3,2,3,4',
    ])
  })

  it("leaves the baseline columns empty without a baseline", () => {
    expect(reportCsv(report(5)).split("\n")[1]).toMatch(/,2,,,$/)
  })
})
