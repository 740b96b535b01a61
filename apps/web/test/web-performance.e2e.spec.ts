import { afterAll, beforeAll, describe, expect, it } from "vitest"
import {
  firstViewScriptBytes,
  type Harness,
  measureLeverLatency,
  openPage,
  quantile,
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

describe("web performance through the real API", () => {
  it("measures lever-to-redraw latency and the first view's script size (reported, not asserted)", async () => {
    const page = await openPage(h, "#/build")
    let hash = await nextReport(page, null)
    await page.getByRole("button", { name: "+ Sanctions package" }).click()
    hash = await nextReport(page, hash)
    const { latencies, apiMs } = await measureLeverLatency(page, 20)
    await page.context().close()
    const pack = await firstViewScriptBytes(h.browser, `${h.baseUrl}/`, ".lifecycle-svg")
    const builder = await firstViewScriptBytes(
      h.browser,
      `${h.baseUrl}/#/build`,
      "[data-testid=report-hash-full]",
    )
    console.log(
      [
        "web: lever change → redrawn charts, default spec (1,000 runs), 20 changes through the real API",
        `  median ${quantile(latencies, 0.5).toFixed(1)} ms, p95 ${quantile(latencies, 0.95).toFixed(1)} ms`,
        `  of which POST /api/simulate: median ${quantile(apiMs, 0.5).toFixed(1)} ms, p95 ${quantile(apiMs, 0.95).toFixed(1)} ms`,
        `web: first view JS gzipped: pack overview ${(pack.gzip / 1024).toFixed(1)} KB, builder ${(builder.gzip / 1024).toFixed(1)} KB`,
      ].join("\n"),
    )
    expect(latencies.length).toBe(20)
    expect(pack.files.length).toBeGreaterThan(0)
  })
})
