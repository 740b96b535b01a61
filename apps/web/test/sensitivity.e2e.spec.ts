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

describe("the builder's sensitivity tools, in the browser against the real API", () => {
  it("shows what drives an indicator, opens a parameter's card, pins it, and answers 'What would it take?'", async () => {
    const page = await openPage(h, "#/build")
    let hash = await nextReport(page, null)
    await page.getByRole("button", { name: "+ Aid package" }).click()
    hash = await nextReport(page, hash)

    const figure = page.locator('figure[data-indicator="funds.disbursed_usd_m"]')
    await figure.getByText("What drives this?").click()
    const drivers = figure.getByTestId("drivers")
    await drivers.locator(".tornado-bar").first().waitFor({ timeout: 120_000 })
    expect(await drivers.locator(".tornado-bar").count()).toBeGreaterThanOrEqual(3)
    await drivers.locator(".tornado-bar").first().click()
    const card = drivers.getByTestId("driver-card")
    await card.waitFor()
    expect(await card.textContent()).toMatch(/Range.*low \/ mode \/ high/)
    await maybeScreenshot(page, "builder-drivers", 'figure[data-indicator="funds.disbursed_usd_m"]')
    expect(await seriousAxeViolations(page)).toEqual([])

    // Pinning makes it an assumption override of the spec: a new report, and the share link carries it.
    await card.getByRole("button", { name: /^Pin at low/ }).click()
    hash = await nextReport(page, hash)
    const encoded = new URL(page.url()).hash.split("s=")[1] ?? ""
    const spec = JSON.parse(Buffer.from(decodeURIComponent(encoded), "base64url").toString("utf8"))
    expect(Object.keys(spec.assumptions ?? {})).toHaveLength(1)

    const goal = page.getByTestId("goal-panel")
    await goal.getByLabel("Lever").selectOption({ label: "1. aid-package: amountUsdM" })
    await goal.getByLabel("Reaches at least").fill("50")
    await goal.getByRole("button", { name: "Find the value" }).click()
    const answer = goal.getByTestId("goal-answer")
    await answer.waitFor({ timeout: 120_000 })
    expect(await answer.textContent()).toMatch(/value of 0\.amountUsdM|Not reachable/)
    await maybeScreenshot(page, "builder-goal", '[data-testid="goal-panel"]')
  }, 300_000)
})
