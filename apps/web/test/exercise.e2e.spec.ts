import { join } from "node:path"
import type { BrowserContext, Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type Harness, repoRoot, seriousAxeViolations, startHarness } from "./browser-harness.js"

let h: Harness
const contexts: Array<BrowserContext> = []

beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => {
  for (const context of contexts) await context.close()
  await h?.close()
})

/** A page in its own browser context: its own storage, so its own token, like a separate laptop. */
const laptop = async (path: string): Promise<Page> => {
  const context = await h.browser.newContext({ viewport: { width: 1280, height: 900 } })
  contexts.push(context)
  const page = await context.newPage()
  await page.goto(`${h.baseUrl}/${path}`)
  return page
}

/** Screenshots for docs/classroom-guide.md, when ACCORD_SCREENSHOTS=1. */
const screenshot = async (page: Page, name: string) => {
  if (process.env.ACCORD_SCREENSHOTS !== "1") return
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
  await page.evaluate(() => window.scrollTo(0, 0))
  await page.screenshot({
    path: join(repoRoot, "docs", "screenshots", `exercise-${name}.png`),
    fullPage: true,
  })
}

const roundStatus = (page: Page) => page.getByTestId("round-status")

const joinAs = async (page: Page, joinCode: string, team: string) => {
  await page.getByLabel("Join code").fill(joinCode)
  await page.getByLabel("Team name").fill(team)
  await page.getByRole("button", { name: "Join" }).click()
  await roundStatus(page).waitFor()
}

const submit = async (page: Page) => {
  await page.getByRole("button", { name: "Submit move" }).click()
  await page.getByRole("status").filter({ hasText: "Submitted" }).waitFor()
}

describe("a classroom exercise in three browsers: facilitator, Japan and Russia", () => {
  it("plays two rounds with live updates, hides pending moves, and ends with the debrief", {
    timeout: 180_000,
  }, async () => {
    const facilitator = await laptop("#/exercise")
    await facilitator.getByLabel("Exercise name").fill("Class 4B: after the Tokyo visit")
    await facilitator.getByLabel("Rounds").fill("2")
    await facilitator.getByRole("button", { name: "Start exercise" }).click()
    await expect.poll(() => roundStatus(facilitator).textContent()).toMatch(/Round 1 of 2 open/)
    const exerciseId = (await facilitator.getByTestId("exercise-id").textContent()) as string
    const code = async (role: string) =>
      (await facilitator.getByTestId(`join-code-${role}`).textContent()) as string

    const japan = await laptop(`#/exercise?id=${exerciseId}`)
    await joinAs(japan, await code("japan"), "Tokyo desk")
    const russia = await laptop(`#/exercise?id=${exerciseId}`)
    await joinAs(russia, await code("russia"), "Moscow desk")
    await expect.poll(() => japan.getByRole("heading", { name: "Government of Japan" }).count()).toBe(1)
    await expect
      .poll(() => russia.getByRole("heading", { name: "Government of the Russian Federation" }).count())
      .toBe(1)
    // The facilitator's team table fills in live.
    await expect
      .poll(() => facilitator.locator("tr[data-role=russia]").textContent())
      .toContain("Moscow desk")

    // Round 1: Japan adopts sanctions, Russia evades.
    await submit(japan)
    await russia.getByLabel("Counter-measure").selectOption("evasion")
    await submit(russia)
    // Russia sees that Japan moved, not what Japan did; the facilitator sees both moves live.
    await expect.poll(() => russia.locator(".move-hidden").count()).toBe(1)
    expect(await russia.locator("body").textContent()).not.toContain("Sanctions package (coverage")
    await expect.poll(() => facilitator.locator("tr[data-role=japan] td").last().textContent()).toBe("1")
    await expect.poll(() => facilitator.locator("tr[data-role=russia] td").last().textContent()).toBe("1")
    await screenshot(facilitator, "facilitator")
    await screenshot(russia, "team-russia")

    await facilitator.getByRole("button", { name: "Close round 1" }).click()
    // Every browser moves on by itself: the round closed, moves revealed, outcomes shown.
    for (const page of [facilitator, japan, russia]) {
      // The close projects three simulations in the simulator's worker pool: a loaded machine takes seconds.
      await expect.poll(() => roundStatus(page).textContent(), { timeout: 30_000 }).toMatch(/Round 2 of 2/)
      await page.locator("[data-indicator='sanctions.pressure_index']").waitFor()
    }
    await expect
      .poll(() => russia.locator("body").textContent())
      .toContain("Sanctions package (coverage 0.2, enforcement 0.7)")
    expect(await russia.locator(".move-hidden").count()).toBe(0)

    // Round 2: Japan offers an energy grant, the facilitator injects a shock.
    await japan.getByLabel("Move", { exact: true }).selectOption("offer-aid")
    await japan.getByLabel("Amount (USD m)").fill("600")
    await submit(japan)
    await screenshot(japan, "team-japan")
    await facilitator.getByLabel("Move", { exact: true }).selectOption("shock")
    await submit(facilitator)
    await facilitator.getByRole("button", { name: "Close round 2" }).click()
    for (const page of [facilitator, japan, russia]) {
      await expect
        .poll(() => roundStatus(page).textContent(), { timeout: 30_000 })
        .toMatch(/All 2 rounds played/)
    }
    await expect
      .poll(() => russia.locator("body").textContent())
      .toContain("Offers Energy grid repair: USD 600 m grant")

    await facilitator.getByRole("button", { name: "Show debrief" }).click()
    await facilitator
      .getByRole("heading", { name: "Which moves moved which indicators" })
      .waitFor({ timeout: 30_000 })
    const movers = (await facilitator.locator(".top-movers").textContent()) as string
    expect(movers).toContain("Sanctions pressure")
    expect(movers).toMatch(/Japan, Sanctions package/)
    expect(movers).toMatch(/Russia, Sanctions evasion/)
    await screenshot(facilitator, "debrief")
    expect(await seriousAxeViolations(facilitator)).toEqual([])
    expect(await seriousAxeViolations(japan)).toEqual([])

    await facilitator.getByRole("button", { name: "Projector view" }).click()
    await facilitator.locator(".projector [data-indicator='funds.pledged_usd_m']").waitFor()
    await screenshot(facilitator, "projector")
  })
})
