import type { BrowserContext, Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import {
  exerciseScreenshot,
  type Harness,
  openLaptop,
  seriousAxeViolations,
  startHarness,
} from "./browser-harness.js"
import { expectNoIdsInText as noIds } from "./visible-text.js"

let h: Harness
const contexts: Array<BrowserContext> = []

beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => {
  for (const context of contexts) await context.close()
  await h?.close()
})

const laptop = (path: string) => openLaptop(h, contexts, path)
const screenshot = exerciseScreenshot

const roundStatus = (page: Page) => page.getByTestId("round-status")

const expectNoIdsInText = (page: Page) => noIds(page, h.baseUrl)

const joinAs = async (page: Page, joinCode: string, team: string) => {
  await page.getByLabel("Join code").fill(joinCode)
  await page.getByLabel("Team name").fill(team)
  await page.getByRole("button", { name: "Join", exact: true }).click()
  await roundStatus(page).waitFor()
}

/** The join codes and links, from the facilitator-only "Invite teams" screen. */
const invitations = async (facilitator: Page) => {
  await facilitator.getByRole("button", { name: /Invite teams/ }).click()
  await facilitator.getByTestId("join-code-japan").waitFor()
  const read = async (role: string) => ({
    code: (await facilitator.getByTestId(`join-code-${role}`).textContent()) as string,
    link: (await facilitator.getByTestId(`join-link-${role}`).getAttribute("href")) as string,
  })
  const cards = { japan: await read("japan"), ukraine: await read("ukraine"), russia: await read("russia") }
  expect(await facilitator.locator(".invite-card svg").count()).toBe(3)
  await facilitator.getByRole("button", { name: "Back to the dashboard" }).click()
  return cards
}

const submit = async (page: Page) => {
  await page.getByRole("button", { name: "Submit move" }).click()
  await page.getByRole("status").filter({ hasText: "Submitted" }).waitFor()
}

describe("a classroom exercise in three browsers: facilitator, Japan and Russia", () => {
  // Four browsers on a shared machine: minutes, not seconds (each step still fails fast on its own).
  it("plays two rounds with live updates, hides pending moves, and ends with the debrief", async () => {
    const facilitator = await laptop("#/exercise")
    await facilitator.getByLabel("Exercise name").fill("Class 4B: after the Tokyo visit")
    await facilitator.getByLabel("Rounds").fill("2")
    await facilitator.getByRole("button", { name: "Start exercise" }).click()
    await expect.poll(() => roundStatus(facilitator).textContent()).toMatch(/Round 1 of 2 open/)
    const exerciseId = (await facilitator.getByTestId("exercise-id").textContent()) as string
    expect(exerciseId).toMatch(/^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/)
    // The dashboard (which a teacher may project) shows no join code; the invite screen does.
    expect(await facilitator.locator("body").textContent()).not.toMatch(
      /[A-HJKMNP-Z2-9]{5}-[A-HJKMNP-Z2-9]{5}/,
    )
    const cards = await invitations(facilitator)

    // Japan follows its join link (the code is filled in); Russia types the id in lower case.
    const japan = await laptop(cards.japan.link.slice(h.baseUrl.length + 1))
    expect(await japan.getByLabel("Join code").inputValue()).toBe(cards.japan.code)
    await joinAs(japan, cards.japan.code, "Tokyo desk")
    const russia = await laptop("#/exercise")
    await russia.getByLabel("Exercise id").first().fill(exerciseId.toLowerCase())
    await joinAs(russia, cards.russia.code, "Moscow desk")
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
    expect(await russia.locator("body").textContent()).not.toContain("Sanctions package: covers")
    await expect.poll(() => facilitator.locator("tr[data-role=japan] td").last().textContent()).toBe("1")
    await expect.poll(() => facilitator.locator("tr[data-role=russia] td").last().textContent()).toBe("1")
    await screenshot(facilitator, "facilitator")
    await screenshot(russia, "team-russia")

    // A second laptop of Japan joins with the same code (no team name): the same seat, the same pending move.
    const japan2 = await laptop(`#/exercise?id=${exerciseId}`)
    await japan2.getByLabel("Join code").fill(cards.japan.code)
    await japan2.getByRole("button", { name: "Join", exact: true }).click()
    await expect.poll(() => japan2.locator(".exercise-head h2").textContent()).toBe("Japan: Tokyo desk")
    await expect.poll(() => japan2.locator("[data-move-id]").count()).toBe(1)
    await expect.poll(() => facilitator.locator("tr[data-role=japan] td").nth(1).textContent()).toBe("2")
    // Japan's first laptop leaves the page; the Classroom page offers the way back to its seat.
    await japan.goto(`${h.baseUrl}/#/pack`)
    await japan.goto(`${h.baseUrl}/#/exercise`)
    await japan.getByRole("button", { name: /Class 4B: after the Tokyo visit: Japan, Tokyo desk/ }).click()
    await expect.poll(() => japan.locator("[data-move-id]").count()).toBe(1)

    await facilitator.getByRole("button", { name: "Close round 1" }).click()
    // Every browser moves on by itself: the round closed, moves revealed, outcomes shown.
    for (const page of [facilitator, japan, russia]) {
      // The close projects three simulations in the simulator's worker pool: a loaded machine takes seconds.
      await expect.poll(() => roundStatus(page).textContent(), { timeout: 30_000 }).toMatch(/Round 2 of 2/)
      await page.locator("[data-indicator='sanctions.pressure_index']").waitFor()
    }
    await expect
      .poll(() => russia.locator("body").textContent())
      .toContain("Sanctions package: covers 20 % of Russia's trade, 70 % enforced")
    expect(await russia.locator(".move-hidden").count()).toBe(0)

    // Round 2: Japan offers an energy grant, the facilitator strikes the grid.
    await japan.getByLabel("Move", { exact: true }).selectOption("offer-aid")
    await japan.getByLabel("Amount (USD m)").fill("600")
    await submit(japan)
    await screenshot(japan, "team-japan")
    await facilitator.getByLabel("Move", { exact: true }).selectOption("grid-strike")
    // The form says what the move does in the model, from the same table as the classroom guide.
    await expect
      .poll(() => facilitator.locator(".move-effect").textContent())
      .toContain("energy.capacity_restored_mw ↓")
    await submit(facilitator)
    await facilitator.getByRole("button", { name: "Close round 2" }).click()
    for (const page of [facilitator, japan, russia]) {
      await expect
        .poll(() => roundStatus(page).textContent(), { timeout: 30_000 })
        .toMatch(/All 2 rounds played/)
    }
    await expect
      .poll(() => russia.locator("body").textContent())
      .toContain("Offers “Energy grid repair”: USD 600 m grant")

    await facilitator.getByRole("button", { name: "Show debrief" }).click()
    await facilitator
      .getByRole("heading", { name: "Which moves moved which indicators" })
      .waitFor({ timeout: 30_000 })
    const movers = (await facilitator.locator(".top-movers").textContent()) as string
    expect(movers).toContain("Sanctions pressure")
    expect(movers).toMatch(/Japan, Sanctions package/)
    expect(movers).toMatch(/Russia, Sanctions evasion/)
    expect(await facilitator.locator(".team-story").count()).toBe(3)
    expect(await facilitator.locator(".prompts li").count()).toBe(3)
    // No "Baseline" column beside an identical "No moves" one when there is no saved scenario.
    expect(await facilitator.locator(".debrief th", { hasText: "Baseline" }).count()).toBe(0)
    for (const page of [facilitator, japan, russia]) await expectNoIdsInText(page)
    await screenshot(facilitator, "debrief")
    expect(await seriousAxeViolations(facilitator)).toEqual([])
    expect(await seriousAxeViolations(japan)).toEqual([])

    await facilitator.getByRole("button", { name: "Projector view" }).click()
    await facilitator.locator(".projector [data-indicator='funds.pledged_usd_m']").waitFor()
    await screenshot(facilitator, "projector")
  }, 240_000)
})
