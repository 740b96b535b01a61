import { lifecycleMachine, lifecycleStates } from "@accord/domain"
import type { Page } from "playwright-core"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import {
  type Harness,
  maybeScreenshot,
  openPage,
  seriousAxeViolations,
  startHarness,
} from "./browser-harness.js"
import { buildAidAndSanctions, horizonValues, nextReport } from "./builder-page.js"

let h: Harness

beforeAll(async () => {
  h = await startHarness()
})

afterAll(async () => {
  await h?.close()
})

const fresh = (path: string) => openPage(h, path)

const expectNoSeriousAxeViolations = async (page: Page) => {
  expect(await seriousAxeViolations(page)).toEqual([])
}

describe("the web app, built and served by the real API", () => {
  it("shows the pack's commitments on a board by state and by track, with quotes, confidence, sources and the lifecycle diagram", async () => {
    const page = await fresh("")
    const board = page.getByTestId("board")
    await board.waitFor()
    const cards = board.locator("article[data-commitment]")
    expect(await cards.count()).toBeGreaterThanOrEqual(19)
    // Most of what the pre-visit article reports was only on the agenda.
    expect(await page.locator("[data-column=discussed] article").count()).toBeGreaterThan(10)
    expect(await page.locator("[data-column=proposed] article").count()).toBeGreaterThan(0)
    expect(await page.locator("[data-column=agreed] article").count()).toBeGreaterThan(0)
    // Every card shows its confidence and why it starts where it does; quotes where the article has one.
    await expect.poll(() => page.locator("[data-confidence]").count()).toBe(await cards.count())
    await expect.poll(() => page.locator(".state-basis").count()).toBe(await cards.count())
    expect(await page.locator("blockquote").count()).toBeGreaterThanOrEqual((await cards.count()) - 3)
    expect(await page.getByText(/^Sources \(\d+\)/).count()).toBeGreaterThan(0)

    await page.getByText("By track", { exact: true }).click()
    await page.locator("[data-column=reconstruction]").waitFor()
    expect(await page.locator("[data-column=reconstruction] article").count()).toBeGreaterThanOrEqual(5)
    await page.getByText("By lifecycle state", { exact: true }).click()

    // The diagram comes from the machine: every state and the guarded transitions.
    const diagram = page.locator(".lifecycle-svg")
    await diagram.waitFor()
    for (const state of ["Discussed", "Proposed", "Agreed", "Implemented", "Stalled", "Withdrawn"]) {
      await expect.poll(() => diagram.getByText(state, { exact: true }).count()).toBe(1)
    }
    const transitions = lifecycleStates.reduce(
      (n, state) => n + [...(lifecycleMachine.states[state]?.transitions.values() ?? [])].flat().length,
      0,
    )
    expect(await diagram.locator(".edge").count()).toBe(transitions)
    await maybeScreenshot(page, "pack-overview")
    await maybeScreenshot(page, "lifecycle-diagram", ".lifecycle")
    await expectNoSeriousAxeViolations(page)
    await page.context().close()
  })

  it("recomputes as levers change: an aid package and a sanctions package lift the scenario above the baseline", async () => {
    const page = await fresh("#/build")
    const first = await nextReport(page, null)
    const before = await horizonValues(page, "funds.pledged_usd_m")
    expect(before.scenario).toBe(before.baseline)
    const pressureChart = page.locator('figure[data-indicator="sanctions.pressure_index"] canvas')
    const pressureBefore = await pressureChart.screenshot()

    await page.getByRole("button", { name: "+ Aid package" }).click()
    const withAid = await nextReport(page, first)
    const pledged = await horizonValues(page, "funds.pledged_usd_m")
    expect(pledged.scenario).toBeGreaterThan(pledged.baseline)

    // Keyboard only: focus the button and press Enter.
    await page.getByRole("button", { name: "+ Sanctions package" }).focus()
    await page.keyboard.press("Enter")
    const withSanctions = await nextReport(page, withAid)
    // Focus moves to the new intervention's fields, which sit above the "+" buttons.
    expect(
      await page.evaluate(() =>
        document.activeElement?.closest("[data-intervention]")?.getAttribute("data-intervention"),
      ),
    ).toBe("sanctions-package")
    const pressure = await horizonValues(page, "sanctions.pressure_index")
    expect(pressure.scenario).toBeGreaterThan(pressure.baseline)
    expect((await pressureChart.screenshot()).equals(pressureBefore)).toBe(false)

    // A stronger package from the keyboard: the slider moves, the report and the pressure follow.
    await page.getByRole("slider", { name: "Enforcement" }).focus()
    await page.keyboard.press("End")
    await nextReport(page, withSanctions)
    expect((await horizonValues(page, "sanctions.pressure_index")).scenario).toBeGreaterThan(
      pressure.scenario,
    )

    // Every chart has a text alternative and a table; the disclaimer links to the model card.
    const charts = page.locator("figure.indicator [role=img]")
    expect(await charts.count()).toBeGreaterThanOrEqual(6)
    expect(await charts.first().getAttribute("aria-label")).toMatch(/in a typical run, .* by month \d+\./)
    // Each chart's table (a card may also offer "What drives this?").
    const tableOf = 'summary:text-is("Table of this chart")'
    expect(await page.locator(`figure.indicator details ${tableOf}`).count()).toBe(await charts.count())
    await page.locator(`figure[data-indicator="sanctions.pressure_index"] ${tableOf}`).click()
    const table = page.locator('figure[data-indicator="sanctions.pressure_index"] table')
    // The table renders when its <details> opens: wait for it rather than counting at once.
    await expect.poll(() => table.locator("tbody tr").count()).toBe(25)
    await expect
      .poll(() =>
        page
          .getByTestId("disclaimer")
          .getByRole("link", { name: /model card/i })
          .count(),
      )
      .toBe(1)

    const download = page.waitForEvent("download")
    await page.getByRole("button", { name: "Download CSV" }).click()
    const csv = await (await download).createReadStream()
    let text = ""
    for await (const chunk of csv) text += chunk
    expect(text.split(/\r?\n/)[0]).toBe("indicator,unit,month,statistic,value")
    expect(text).toContain("sanctions.pressure_index")

    await maybeScreenshot(page, "builder")
    await expectNoSeriousAxeViolations(page)
    await page.context().close()
  })

  it("the sanctions-evasion lever lowers sanctions pressure below the baseline, from the keyboard", async () => {
    const page = await fresh("#/build")
    const first = await nextReport(page, null)
    await page.getByRole("button", { name: "+ Sanctions evasion" }).focus()
    await page.keyboard.press("Enter")
    const withEvasion = await nextReport(page, first)
    const fieldset = page.getByRole("group", { name: "Sanctions evasion 1" })
    const rate = fieldset.getByRole("slider", { name: "Evasion added per month" })
    expect(await rate.getAttribute("aria-valuetext")).toBe("+0.8 percentage points a month")
    const pressure = await horizonValues(page, "sanctions.pressure_index")
    expect(pressure.scenario).toBeLessThan(pressure.baseline)

    // The most evasion the spec allows, then an earlier start: pressure falls further each time.
    await rate.focus()
    await page.keyboard.press("End")
    const stronger = await nextReport(page, withEvasion)
    expect(await rate.getAttribute("aria-valuetext")).toBe("+10 percentage points a month")
    const lower = await horizonValues(page, "sanctions.pressure_index")
    expect(lower.scenario).toBeLessThan(pressure.scenario)
    await fieldset.getByRole("slider", { name: "From" }).focus()
    await page.keyboard.press("Home")
    await nextReport(page, stronger)
    expect((await horizonValues(page, "sanctions.pressure_index")).scenario).toBeLessThan(lower.scenario)
    await expectNoSeriousAxeViolations(page)
    await page.context().close()
  })

  it("the grid-strike lever makes net energy capacity fall below the baseline, from the keyboard", async () => {
    const page = await fresh("#/build")
    const first = await nextReport(page, null)
    await page.getByRole("button", { name: "+ Grid strike" }).focus()
    await page.keyboard.press("Enter")
    const withStrike = await nextReport(page, first)
    const fieldset = page.getByRole("group", { name: "Grid strike 1" })
    const mw = fieldset.getByRole("slider", { name: "Generating capacity destroyed" })
    expect(await mw.getAttribute("aria-valuetext")).toBe("500 MW destroyed")
    const energy = await horizonValues(page, "energy.capacity_restored_mw")
    expect(energy.scenario).toBeLessThan(energy.baseline)

    // The largest strike the lever offers: capacity falls further.
    await mw.focus()
    await page.keyboard.press("End")
    await nextReport(page, withStrike)
    expect(await mw.getAttribute("aria-valuetext")).toBe("10,000 MW destroyed")
    expect((await horizonValues(page, "energy.capacity_restored_mw")).scenario).toBeLessThan(energy.scenario)
    await expectNoSeriousAxeViolations(page)
    await page.context().close()
  })

  it("reproduces the same report from a share link opened in a new browser context", async () => {
    const page = await fresh("#/build")
    const hash = await buildAidAndSanctions(page)
    const shareUrl = await page.locator("#share-url").inputValue()
    await page.context().close()

    const other = await fresh("")
    await other.goto(shareUrl)
    expect(await nextReport(other, null)).toBe(hash)
    await expect.poll(() => other.locator("fieldset[data-intervention]").count()).toBe(2)
    await other.context().close()
  })

  it("compares two saved scenarios: deltas at the horizon sorted by size, and per-month delta charts", async () => {
    const page = await fresh("#/build")
    let hash = await nextReport(page, null)
    await page.getByRole("button", { name: "+ Aid package" }).click()
    hash = await nextReport(page, hash)
    // A number box beside the amount slider: USD 1,000 m typed, not dragged.
    await page.getByRole("spinbutton", { name: "Amount (USD m)" }).fill("1000")
    hash = await nextReport(page, hash)
    expect(await page.getByRole("slider", { name: "Amount" }).inputValue()).toBe("1000")
    await page.getByLabel("Scenario name").fill("Aid only")
    hash = await nextReport(page, hash)
    await page.getByRole("button", { name: "Save scenario" }).click()
    await page.getByText("Saved.").waitFor()
    await page.getByRole("button", { name: "+ Sanctions package" }).click()
    hash = await nextReport(page, hash)
    await page.getByLabel("Scenario name").fill("Aid and sanctions")
    await nextReport(page, hash)
    await page.getByRole("button", { name: "Save scenario" }).click()
    await page.getByText("Saved.").waitFor()

    await page.goto(`${h.baseUrl}/#/compare`)
    await page.getByLabel("Compare from (A)").selectOption({ label: "Aid only" })
    await page.getByLabel("To (B)").selectOption({ label: "Aid and sanctions" })
    const rows = page.locator("[data-testid=horizon-deltas] tbody tr")
    await rows.first().waitFor()
    // The columns say what A and B are, and the typical paired change sits beside the difference of medians.
    const head = (await page.locator("[data-testid=horizon-deltas] thead").textContent()) as string
    expect(head).toContain("A: Aid only (median)")
    expect(head).toContain("B: Aid and sanctions (median)")
    expect(head).toContain("Difference of medians")
    expect(head).toContain("Typical change")
    expect(head).not.toContain("Baseline median")
    const deltas = await rows.evaluateAll((trs) =>
      trs.map((tr) => ({
        id: tr.getAttribute("data-indicator"),
        delta: Number(tr.getAttribute("data-delta-p50")),
      })),
    )
    expect(deltas.find((d) => d.id === "sanctions.pressure_index")?.delta).toBeGreaterThan(0)
    // The same aid package on both sides: pledged funds do not move.
    expect(deltas.find((d) => d.id === "funds.pledged_usd_m")?.delta).toBe(0)
    expect(deltas[0]?.delta).not.toBe(0)
    // A chart per indicator that moves; the rest are named as unchanged.
    const moving = deltas.filter((d) => d.delta !== 0).length
    await expect
      .poll(() => page.locator(".compare-view figure.indicator canvas").count())
      .toBeGreaterThanOrEqual(moving)
    expect(await page.getByTestId("unchanged").textContent()).toContain("Funds pledged")
    await expect.poll(() => page.getByTestId("disclaimer").count()).toBe(1)
    await maybeScreenshot(page, "compare")
    await expectNoSeriousAxeViolations(page)
    await page.context().close()
  })

  it("replays a stored scenario: the month slider moves the board, the version slider replays history, branching forks it", async () => {
    const page = await fresh("#/build")
    await buildAidAndSanctions(page)
    await page.getByRole("button", { name: "Save scenario" }).click()
    await page.getByTestId("saved-timeline-link").click()

    const log = page.getByTestId("scenario-log")
    await expect.poll(() => log.locator("li").count()).toBe(3)
    const board = page.getByTestId("board")
    await board.waitFor()
    await page.getByTestId("run-log").waitFor()
    const columns = () =>
      board
        .locator("[data-column]")
        .evaluateAll((cols) =>
          cols
            .map((c) => `${c.getAttribute("data-column")}:${c.querySelectorAll("article").length}`)
            .join(" "),
        )
    const atStart = await columns()
    const month = page.getByRole("slider", { name: "Month" })
    // Play walks the months by itself; Pause stops it where it is.
    await page.getByRole("button", { name: "Play" }).click()
    await expect
      .poll(() => page.getByTestId("timeline-month").textContent(), { timeout: 15_000 })
      .toMatch(/^Month [2-9]/)
    await page.getByRole("button", { name: "Pause" }).click()
    const paused = await page.getByTestId("timeline-month").textContent()
    await page.waitForTimeout(1500)
    expect(await page.getByTestId("timeline-month").textContent()).toBe(paused)
    await month.focus()
    await page.keyboard.press("End")
    await expect.poll(() => page.getByTestId("timeline-month").textContent()).toMatch(/^Month 24/)
    await expect.poll(columns).not.toBe(atStart)
    expect(await page.locator("[data-column=implemented] article").count()).toBeGreaterThan(0)
    await maybeScreenshot(page, "timeline", "#replay-h")

    const version = page.getByRole("slider", { name: /as of version/i })
    await version.focus()
    await page.keyboard.press("Home")
    await expect.poll(() => log.locator("li.future").count()).toBe(2)
    await page.getByRole("button", { name: "Branch from version 1" }).click()
    await expect.poll(() => page.url()).toMatch(/scenario=/)
    await expect.poll(() => log.locator("li").count()).toBe(1)
    await expect.poll(() => log.textContent()).toMatch(/a branch/)
    await expectNoSeriousAxeViolations(page)
    await page.context().close()
  })
})
