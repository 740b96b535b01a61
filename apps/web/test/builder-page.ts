import type { Page } from "playwright-core"

const reportHash = (page: Page) => page.getByTestId("report-hash-full").textContent()

/** Waits until the builder shows a report other than `previous`, and returns its hash. */
export const nextReport = async (page: Page, previous: string | null): Promise<string> => {
  await page.waitForFunction((old) => {
    const el = document.querySelector("[data-testid=report-hash-full]")
    return el !== null && el.textContent !== old && document.querySelector("[aria-busy=true]") === null
  }, previous)
  return (await reportHash(page)) ?? ""
}

/** Median at the horizon of an indicator's scenario and of its baseline, as the chart's figure states them. */
export const horizonValues = async (page: Page, indicator: string) => {
  const figure = page.locator(`figure[data-indicator="${indicator}"]`)
  return {
    scenario: Number(await figure.getAttribute("data-p50-horizon")),
    baseline: Number(await figure.getAttribute("data-baseline-p50-horizon")),
  }
}

/** Builds aid + sanctions in the builder and returns the page and the resulting hash. */
export const buildAidAndSanctions = async (page: Page) => {
  let hash = await nextReport(page, null)
  await page.getByRole("button", { name: "+ Aid package" }).click()
  hash = await nextReport(page, hash)
  await page.getByRole("button", { name: "+ Sanctions package" }).click()
  return nextReport(page, hash)
}
