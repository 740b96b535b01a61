import type { Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type Harness, openPage, startHarness } from "./browser-harness.js"
import { nextReport } from "./builder-page.js"
import { expectPlainText } from "./visible-text.js"

let h: Harness

beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => {
  await h?.close()
})

/** A count chart's table (what the chart draws, as text) holds whole numbers only. */
const countAxisIsWhole = async (page: Page, indicator: string) => {
  const figure = page.locator(`figure[data-indicator="${indicator}"]`)
  await figure.locator("summary", { hasText: "Table of this chart" }).click()
  // The table renders when its <details> opens: wait for it rather than counting at once.
  await expect.poll(() => figure.locator("table td").count()).toBeGreaterThan(0)
  const cells = await figure.locator("table td").allTextContents()
  for (const cell of cells) expect(cell, indicator).toMatch(/^(–|−?[\d,]+)$/)
}

describe("plain language on the builder, compare and timeline pages", () => {
  it("names commitments and sectors, keeps counts whole, captions without formulas, a history in sentences", async () => {
    const page = await openPage(h, "#/build")
    let hash = await nextReport(page, null)
    await page.getByRole("button", { name: "+ Delay a commitment" }).click()
    hash = await nextReport(page, hash)
    await page.getByRole("button", { name: "+ Aid package" }).click()
    await page
      .getByLabel(/Sector/)
      .last()
      .selectOption("smes")
    hash = await nextReport(page, hash)

    await expectPlainText(page, h.baseUrl)
    const figures = await page.locator("figure.indicator").count()
    expect(figures).toBeGreaterThan(5)
    expect(await page.getByRole("link", { name: "How is this computed?" }).count()).toBe(figures)
    expect(await page.getByRole("link", { name: "How is this computed?" }).first().getAttribute("href")).toBe(
      "/model-card.html#indicators",
    )
    await countAxisIsWhole(page, "health.facilities_supported")
    await countAxisIsWhole(page, "defense.consultations_held")

    await page.getByRole("button", { name: "Save scenario" }).click()
    const timeline = (await page.getByTestId("saved-timeline-link").getAttribute("href")) as string

    await page.getByRole("link", { name: "Compare with the baseline" }).click()
    await expect
      .poll(() => page.locator(".compare-view figure.indicator canvas").count(), { timeout: 20_000 })
      .toBeGreaterThan(0)
    await expectPlainText(page, h.baseUrl)

    await page.goto(`${h.baseUrl}/${timeline}`)
    const log = page.getByTestId("scenario-log")
    await expect.poll(() => log.locator("li").count(), { timeout: 20_000 }).toBe(3)
    await page.getByTestId("run-log").waitFor()
    await expectPlainText(page, h.baseUrl)
    // biome-ignore lint/performance/useDomNodeTextContent: a Playwright locator's innerText is the text as rendered, what a reader sees
    const history = await log.innerText()
    expect(history).toMatch(/Added delay “[^”]+” by/)
    expect(history).toMatch(/for small businesses in month/)

    // The model card page the links lead to draws the lifecycle, not diagram code.
    await page.goto(`${h.baseUrl}/model-card.html#indicators`)
    expect(await page.locator("figure.diagram svg").count()).toBe(1)
    // biome-ignore lint/performance/useDomNodeTextContent: a Playwright locator's innerText is the text as rendered, what a reader sees
    expect(await page.locator("body").innerText()).not.toContain("stateDiagram")
    expect(await page.locator("h2#indicators").count()).toBe(1)
  })
})
