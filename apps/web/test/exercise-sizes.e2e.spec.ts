import { join } from "node:path"
import type { Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { type Harness, repoRoot, startHarness } from "./browser-harness.js"

let h: Harness
beforeAll(async () => {
  h = await startHarness()
})
afterAll(async () => {
  await h?.close()
})

const SIZES = [
  { name: "phone", width: 390, height: 844 },
  { name: "projector", width: 1024, height: 768 },
  { name: "laptop", width: 1440, height: 900 },
] as const

const post = async (path: string, body: unknown, token?: string) => {
  const response = await fetch(`${h.baseUrl}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  })
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`)
  return response.json() as Promise<Record<string, unknown>>
}

/** A game of one closed round and one open, played through the HTTP API (the browser part is what this file tests). */
const playedGame = async () => {
  const ex = (await post("/api/exercises", {
    pack: "sybiha-visit-2025",
    name: "Class 4B: after the Tokyo visit",
    rounds: 3,
    runs: 200,
  })) as { id: string; facilitatorToken: string; joinCodes: Record<string, string> }
  const seat = async (role: string, name: string) =>
    (await post(`/api/exercises/${ex.id}/teams`, { joinCode: ex.joinCodes[role], name })) as { token: string }
  const japan = await seat("japan", "Tokyo desk")
  const ukraine = await seat("ukraine", "Kyiv desk")
  const russia = await seat("russia", "Moscow desk")
  const move = (token: string, moveId: string, m: unknown) =>
    post(`/api/exercises/${ex.id}/moves`, { moveId, round: 1, move: m }, token)
  await move(japan.token, "11111111-2222-4333-8444-555555555555", {
    type: "offer-aid",
    sector: "energy",
    amountUsdM: 300,
    form: "grant",
    title: "Energy grid repair",
  })
  await move(ukraine.token, "66666666-7777-4888-9999-aaaaaaaaaaaa", {
    type: "agree-offer",
    item: "11111111-2222-4333-8444-555555555555",
  })
  await move(japan.token, "s1", { type: "adopt-sanctions", coverage: 0.3, enforcement: 0.7 })
  await move(russia.token, "r1", { type: "counter-measure", measure: "evasion" })
  await post(`/api/exercises/${ex.id}/rounds/close`, {}, ex.facilitatorToken)
  return { ex, japan, ukraine }
}

/** A page whose browser holds a session for the exercise, as after joining. */
const pageWith = async (
  size: (typeof SIZES)[number],
  session: Record<string, unknown> | undefined,
  path: string,
): Promise<Page> => {
  const context = await h.browser.newContext({ viewport: { width: size.width, height: size.height } })
  context.setDefaultTimeout(20_000)
  if (session !== undefined)
    await context.addInitScript((s) => {
      window.localStorage.setItem(`accord.exercise.${s.id}`, JSON.stringify(s))
    }, session)
  const page = await context.newPage()
  page.on("pageerror", (error) => {
    throw error
  })
  await page.goto(`${h.baseUrl}/${path}`)
  return page
}

/** Nothing wider than the viewport: no sideways scrolling on any page. */
const expectNoHorizontalOverflow = async (page: Page, what: string) => {
  const { scroll, width } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    width: window.innerWidth,
  }))
  expect(scroll, `${what}: page ${scroll} px wide in a ${width} px window`).toBeLessThanOrEqual(width)
}

const shot = async (page: Page, name: string) => {
  if (process.env.ACCORD_SCREENSHOTS !== "1") return
  await page.evaluate(() => window.scrollTo(0, 0))
  await page.waitForTimeout(300)
  await page.screenshot({ path: join(repoRoot, "docs", "screenshots", `${name}.png`) })
}

describe("every page fits a phone, a projector and a laptop", () => {
  it("has no horizontal overflow at 390×844, 1024×768 and 1440×900, and a builder results column of at least 300 px on a phone", async () => {
    const { ex, japan } = await playedGame()
    const facilitator = {
      id: ex.id,
      token: ex.facilitatorToken,
      role: "facilitator",
      exerciseName: "Class 4B",
    }
    const team = {
      id: ex.id,
      token: japan.token,
      role: "japan",
      teamName: "Tokyo desk",
      exerciseName: "Class 4B",
    }
    for (const size of SIZES) {
      for (const path of ["#/pack", "#/build", "#/compare", "#/timeline", "#/exercise"]) {
        const page = await pageWith(size, undefined, path)
        await page.locator("main h2, main h1").first().waitFor()
        await page.waitForLoadState("networkidle")
        await expectNoHorizontalOverflow(page, `${path} at ${size.name}`)
        if (path === "#/build" && size.name === "phone") {
          await page.locator(".builder-results").waitFor()
          const width = await page
            .locator(".builder-results")
            .evaluate((el) => el.getBoundingClientRect().width)
          expect(width).toBeGreaterThanOrEqual(300)
          await shot(page, "builder-phone")
        }
        await page.context().close()
      }

      const dashboard = await pageWith(size, facilitator, `#/exercise?id=${ex.id}`)
      await dashboard.getByTestId("round-status").waitFor()
      await dashboard.locator("[data-indicator='sanctions.pressure_index']").waitFor()
      await expectNoHorizontalOverflow(dashboard, `dashboard at ${size.name}`)
      await dashboard.getByRole("button", { name: "Show debrief" }).click()
      await dashboard.locator(".team-story").first().waitFor()
      await expectNoHorizontalOverflow(dashboard, `debrief at ${size.name}`)

      await dashboard.getByRole("button", { name: "Projector view" }).click()
      await dashboard.locator(".round-chart svg").first().waitFor()
      expect(await dashboard.locator(".round-chart").count()).toBe(3)
      // biome-ignore lint/performance/useDomNodeTextContent: what a student sees is the rendered text
      const projected = await dashboard.evaluate(() => document.body.innerText)
      expect(projected).toContain("The moves of round 1")
      expect(projected).toContain("Offers “Energy grid repair”: USD 300 m grant")
      // Nothing a student should not see: no join code, no key, no way to leave the exercise.
      for (const code of Object.values(ex.joinCodes)) expect(projected).not.toContain(code)
      expect(projected).not.toContain(ex.facilitatorToken)
      expect(projected).not.toMatch(/Leave this exercise/)
      // A number on one line, its unit right under it; a short unit ("USD m", "count") is never split.
      for (const value of await dashboard.locator(".projector .outcome-value").all()) {
        const layout = await value.evaluate((el) => {
          const unit = el.querySelector(".unit") as HTMLElement
          const number = document.createRange()
          number.setStart(el, 0)
          number.setEndBefore(unit)
          const numberBox = number.getBoundingClientRect()
          const unitBox = unit.getBoundingClientRect()
          const lineOf = (e: Element) => Number.parseFloat(getComputedStyle(e).lineHeight)
          return {
            text: unit.textContent ?? "",
            numberLines: Math.round(numberBox.height / lineOf(el)),
            unitLines: Math.round(unitBox.height / lineOf(unit)),
            gap: unitBox.top - numberBox.bottom,
          }
        })
        expect(layout.numberLines, layout.text).toBe(1)
        expect(Math.abs(layout.gap), layout.text).toBeLessThan(8)
        if (layout.text.length <= 8) expect(layout.unitLines, layout.text).toBe(1)
      }
      await expectNoHorizontalOverflow(dashboard, `projector at ${size.name}`)
      await shot(dashboard, `exercise-projector-${size.name}`)
      await dashboard.getByRole("button", { name: "Back to the dashboard" }).click()

      await dashboard.getByRole("button", { name: /Invite teams/ }).click()
      await dashboard.locator(".invite-card svg").first().waitFor()
      const codeBox = await dashboard.getByTestId("join-code-japan").boundingBox()
      // A join code is never broken across lines.
      expect(codeBox?.height ?? 0).toBeLessThan(40)
      await expectNoHorizontalOverflow(dashboard, `invite at ${size.name}`)
      await shot(dashboard, `exercise-invite-${size.name}`)
      await dashboard.context().close()

      const japanPage = await pageWith(size, team, `#/exercise?id=${ex.id}`)
      await japanPage.locator("[data-goal='sanctions.pressure_index']").waitFor()
      await japanPage.getByTestId("budget").waitFor()
      await expectNoHorizontalOverflow(japanPage, `Japan's view at ${size.name}`)
      await shot(japanPage, `exercise-team-japan-${size.name}`)
      await japanPage.context().close()
    }
  }, 600_000)
})
