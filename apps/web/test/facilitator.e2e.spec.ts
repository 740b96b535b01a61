import type { BrowserContext, Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import {
  exerciseScreenshot,
  type Harness,
  openLaptop,
  seriousAxeViolations,
  startHarness,
} from "./browser-harness.js"

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
const joinAs = async (page: Page, joinCode: string, team: string) => {
  await page.getByLabel("Join code").fill(joinCode)
  await page.getByLabel("Team name").fill(team)
  await page.getByRole("button", { name: "Join" }).click()
  await roundStatus(page).waitFor()
}

describe("the facilitator runs the room: approval, clock, observer, template, export", () => {
  it("rules on moves with reasons, counts down on every view, reveals rounds to an observer", {
    timeout: 180_000,
  }, async () => {
    const facilitator = await laptop("#/exercise")
    await facilitator.getByLabel("Exercise name").fill("Class 5A: rules of the room")
    await facilitator.getByLabel("Rounds").fill("2")
    await facilitator.getByLabel("Minutes per round (empty: no clock)").fill("10")
    await facilitator.getByLabel("Moves need my approval").check()
    await facilitator.getByRole("button", { name: "Start exercise" }).click()
    await expect.poll(() => roundStatus(facilitator).textContent()).toMatch(/Round 1 of 2 open/)
    const exerciseId = (await facilitator.getByTestId("exercise-id").textContent()) as string
    // The codes are on the facilitator-only invite screen, never on the (projectable) dashboard.
    await facilitator.getByRole("button", { name: "Invite teams: codes, links and QR codes" }).click()
    const codes = {
      japan: (await facilitator.getByTestId("join-code-japan").textContent()) as string,
      observer: (await facilitator.getByTestId("join-code-observer").textContent()) as string,
    }
    await facilitator.getByRole("button", { name: "Back to the dashboard" }).click()
    const code = async (role: "japan" | "observer") => codes[role]

    const japan = await laptop(`#/exercise?id=${exerciseId}`)
    await joinAs(japan, await code("japan"), "Tokyo desk")
    const projector = await laptop(`#/exercise?id=${exerciseId}`)
    await joinAs(projector, await code("observer"), "Room projector")
    await projector.getByText("The facilitator has not shown a round yet.").waitFor()
    // An observer has no move form.
    expect(await projector.getByRole("button", { name: "Submit move" }).count()).toBe(0)

    // The clock: started by the facilitator, counting down on the team's and the projector's screens.
    await facilitator.getByRole("button", { name: "Start the clock" }).click()
    for (const page of [japan, projector]) {
      await expect.poll(() => page.getByTestId("round-clock").textContent()).toMatch(/running/)
      await expect.poll(() => page.getByRole("timer").textContent()).toMatch(/^(10:00|9:[0-5]\d)$/)
    }
    await facilitator.getByRole("button", { name: "Pause" }).click()
    await expect.poll(() => japan.getByTestId("round-clock").textContent()).toMatch(/paused/)

    // Japan adopts sanctions; the facilitator rejects it with a reason the team sees.
    await japan.getByRole("button", { name: "Submit move" }).click()
    await japan.getByRole("status").filter({ hasText: "Submitted" }).waitFor()
    await japan.getByLabel("Move", { exact: true }).selectOption("offer-aid")
    await japan.getByLabel("Amount (USD m)").fill("600")
    await japan.getByRole("button", { name: "Submit move" }).click()
    await expect.poll(() => facilitator.locator(".pending-move").count()).toBe(2)
    const sanctionsMove = facilitator.locator(".pending-move").first()
    await sanctionsMove.getByLabel("Reason the team sees").fill("The Diet has not voted it yet")
    await sanctionsMove.getByRole("button", { name: "Reject" }).click()
    const offerMove = facilitator.locator(".pending-move").last()
    await offerMove.getByLabel("Reason the team sees").fill("Scaled to this year's budget")
    await offerMove.getByLabel("Amount (USD m)").fill("400")
    await offerMove.getByRole("button", { name: "Amend" }).click()
    await expect
      .poll(() => japan.locator(".team-rulings").textContent())
      .toContain("The Diet has not voted it yet")
    await expect
      .poll(() => japan.locator(".team-rulings").textContent())
      .toContain("Scaled to this year's budget")
    expect(await projector.locator("body").textContent()).not.toMatch(/Diet|Scaled|offer/i)
    await screenshot(facilitator, "facilitator-tools")
    await screenshot(japan, "team-ruling")

    await facilitator.getByRole("button", { name: "Close round 1" }).click()
    // The close projects three simulations in the worker pool: allow a loaded machine some seconds.
    await expect.poll(() => roundStatus(japan).textContent(), { timeout: 30_000 }).toMatch(/Round 2 of 2/)
    await expect.poll(() => japan.locator("body").textContent()).toContain("rejected by the facilitator")
    await expect.poll(() => japan.locator("body").textContent()).toContain("USD 400 m grant")
    // The projector still shows nothing until the facilitator shows round 1.
    expect(await projector.locator(".outcome-tile").count()).toBe(0)
    await facilitator.getByRole("button", { name: "Show round 1 to observers" }).click()
    await projector.locator("[data-indicator='sanctions.pressure_index']").waitFor()
    await expect.poll(() => projector.locator("body").textContent()).toContain("USD 400 m grant")
    await screenshot(projector, "observer")
    expect(await seriousAxeViolations(facilitator)).toEqual([])
    expect(await seriousAxeViolations(projector)).toEqual([])

    // Keep the setup for next term, then start a clean copy from it.
    await facilitator.getByLabel("Template name").fill("Tokyo visit, approval and clock")
    await facilitator.getByRole("button", { name: "Save as template" }).click()
    await facilitator.getByRole("status").filter({ hasText: "Saved as a template" }).waitFor()
    const nextTerm = await laptop("#/exercise")
    await nextTerm
      .getByLabel("Template", { exact: true })
      .selectOption({ label: "Tokyo visit, approval and clock (2 rounds of 3 months)" })
    await nextTerm.getByLabel("Name of the new exercise").fill("Class 6B")
    await nextTerm.getByRole("button", { name: "Start a clean copy" }).click()
    await expect
      .poll(() => roundStatus(nextTerm).textContent(), { timeout: 10_000 })
      .toMatch(/Round 1 of 2 open/)
    await expect
      .poll(() => nextTerm.locator(".facilitator-tools").textContent())
      .toContain("Approval is required")
    await expect.poll(() => nextTerm.getByTestId("round-clock").textContent()).toMatch(/10:00/)
  })
})
