import { afterAll, beforeAll, describe, expect, it } from "vitest"
import {
  type Harness,
  maybeScreenshot,
  openPage,
  seriousAxeViolations,
  startHarness,
} from "./browser-harness.js"
import { nextReport } from "./builder-page.js"

let h: Harness

beforeAll(async () => {
  h = await startHarness()
})

afterAll(async () => {
  await h?.close()
})

describe("observations in the builder, built and served by the real API", () => {
  it("plots observations with their date, confidence and source; projects as of the latest one; shows the backtest", async () => {
    const page = await openPage(h, "#/build")
    const first = await nextReport(page, null)
    const disbursed = page.locator('figure[data-indicator="funds.disbursed_usd_m"]')
    const observed = disbursed.locator("[data-observation=kiel-japan-allocations-2025-08-to-2026-02]")
    await observed.waitFor()
    expect(await observed.textContent()).toMatch(/Observed 2026-02-28: .*1,114 USD m.*confidence L.*source/)
    expect(await page.getByTestId("conditioning").count()).toBe(0)

    await page.getByLabel("Projection").selectOption({ label: "as of the latest observation (2026-02-28)" })
    const conditioned = await nextReport(page, first)
    expect(conditioned).not.toBe(first)
    expect(await page.getByTestId("conditioning").textContent()).toMatch(
      /Conditioned on \d+ observation\(s\) up to 2026-02-28/,
    )
    expect(await page.locator(".warning").first().textContent()).toMatch(/effectively agree/)
    await maybeScreenshot(page, "observations-conditioned", ".results")
    await maybeScreenshot(page, "observations-points", 'figure[data-indicator="funds.disbursed_usd_m"]')

    await page.getByText(/How well did it project\?/).click()
    const table = page.getByTestId("backtest-table")
    await table.waitFor()
    expect(await table.locator("tbody tr").count()).toBe(0)
    await page.getByLabel("Projection").selectOption({ label: "as of the visit" })
    await expect.poll(() => page.getByTestId("backtest-table").locator("tbody tr").count()).toBeGreaterThan(5)
    await maybeScreenshot(page, "backtest-table", ".backtest")
    expect(await seriousAxeViolations(page)).toEqual([])
  }, 180_000)
})
