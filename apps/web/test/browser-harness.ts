import { mkdtempSync, readFileSync, rmSync } from "node:fs"
import { createRequire } from "node:module"
import { tmpdir } from "node:os"
import { dirname, join } from "node:path"
import { fileURLToPath } from "node:url"
import { gzipSync } from "node:zlib"
import { type ServerHandle, silentLogger, startServer } from "@accord/api"
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core"

const require = createRequire(import.meta.url)

/** Debian's chromium; this network refuses Chromium's background connections, hence the flags. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium"
export const chromiumArgs = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
]

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..")

/** The real API (SQLite in a temp folder, serving the built web app) and a headless browser. */
export interface Harness {
  readonly server: ServerHandle
  readonly browser: Browser
  readonly baseUrl: string
  readonly close: () => Promise<void>
}

/** Starts the service on a free port over a fresh data folder, and launches chromium. */
export const startHarness = async (): Promise<Harness> => {
  const dataDir = mkdtempSync(join(tmpdir(), "accord-web-e2e-"))
  const server = await startServer({ port: 0, hostname: "127.0.0.1", dataDir, logger: silentLogger })
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs })
  return {
    server,
    browser,
    baseUrl: server.url,
    close: async () => {
      await browser.close()
      await server.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8")

export interface AxeFinding {
  readonly id: string
  readonly impact: string | null
  readonly help: string
  readonly targets: ReadonlyArray<string>
}

/** Runs axe-core in the page and returns the serious and critical violations. */
export const seriousAxeViolations = async (page: Page): Promise<ReadonlyArray<AxeFinding>> => {
  await page.addScriptTag({ content: axeSource })
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<AxeResults> } }).axe
    interface AxeResults {
      violations: Array<{
        id: string
        impact: string | null
        help: string
        nodes: Array<{ target: string[] }>
      }>
    }
    const results = await axe.run(document, { resultTypes: ["violations"] })
    return results.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        targets: v.nodes.map((n) => n.target.join(" ")),
      }))
  })
}

/** Installs listeners that time each lever change until the next frame after every chart redrew. */
export const installLatencyProbe = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as { __t0: number | null; __latencies: number[] }
    w.__t0 = null
    w.__latencies = []
    document.addEventListener(
      "input",
      () => {
        w.__t0 = performance.now()
      },
      true,
    )
    window.addEventListener("accord:drawn", () => {
      const t0 = w.__t0
      if (t0 === null) return
      w.__t0 = null
      requestAnimationFrame(() => w.__latencies.push(performance.now() - t0))
    })
  })

/** Number of lever changes the probe has timed so far. */
export const probeCount = (page: Page): Promise<number> =>
  page.evaluate(() => (window as unknown as { __latencies: number[] }).__latencies.length)

/** Every latency the probe recorded (ms). */
export const probeLatencies = (page: Page): Promise<ReadonlyArray<number>> =>
  page.evaluate(() => (window as unknown as { __latencies: number[] }).__latencies)

/** Quantile by nearest rank. */
export const quantile = (values: ReadonlyArray<number>, q: number): number => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN
}

/**
 * Moves the first sanctions coverage slider `changes` times (right, left, …)
 * and returns each change's time to the redrawn charts, plus the API's share.
 */
export const measureLeverLatency = async (
  page: Page,
  changes = 20,
): Promise<{ latencies: ReadonlyArray<number>; apiMs: ReadonlyArray<number> }> => {
  await installLatencyProbe(page)
  const slider = page.getByRole("slider", { name: /coverage/i }).first()
  await slider.focus()
  await page.evaluate(() => performance.clearResourceTimings())
  for (let i = 0; i < changes; i++) {
    await page.keyboard.press(i % 2 === 0 ? "ArrowRight" : "ArrowLeft")
    await page.waitForFunction(
      (n) => (window as unknown as { __latencies: number[] }).__latencies.length >= n,
      i + 1,
    )
    // Let the debounce window pass, so each change goes out on its own like a deliberate click.
    await page.waitForTimeout(200)
  }
  const apiMs = await page.evaluate(() =>
    performance
      .getEntriesByType("resource")
      .filter((e) => e.name.endsWith("/api/simulate"))
      .map((e) => e.duration),
  )
  return { latencies: await probeLatencies(page), apiMs }
}

/** Loads a URL in a fresh context and sums the gzipped size of every script it fetched. */
export const firstViewScriptBytes = async (
  browser: Browser,
  url: string,
  ready: string,
): Promise<{ gzip: number; raw: number; files: ReadonlyArray<string> }> => {
  const context = await browser.newContext()
  const page = await context.newPage()
  const bodies: Array<Promise<{ url: string; body: Buffer }>> = []
  page.on("response", (response) => {
    if (response.url().endsWith(".js"))
      bodies.push(response.body().then((body) => ({ url: response.url(), body })))
  })
  await page.goto(url)
  await page.waitForSelector(ready)
  await page.waitForLoadState("networkidle")
  const files = await Promise.all(bodies)
  await context.close()
  return {
    gzip: files.reduce((n, f) => n + gzipSync(f.body, { level: 9 }).length, 0),
    raw: files.reduce((n, f) => n + f.body.length, 0),
    files: files.map((f) => new URL(f.url).pathname),
  }
}

/**
 * Saves what a projector would show (the 1440×900 viewport, scrolled to `from`
 * when given) under docs/screenshots/, when ACCORD_SCREENSHOTS=1, so that plain
 * test runs leave the tree clean.
 */
export const maybeScreenshot = async (page: Page, name: string, from?: string): Promise<void> => {
  if (process.env.ACCORD_SCREENSHOTS !== "1") return
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
  if (from)
    await page
      .locator(from)
      .first()
      .evaluate((el) => el.scrollIntoView({ block: "start" }))
  else await page.evaluate(() => window.scrollTo(0, 0))
  await page.waitForTimeout(300)
  await page.screenshot({ path: join(repoRoot, "docs", "screenshots", `${name}.png`) })
}

/** A page in a fresh browser context (no storage shared with other tests), at a path of the app. */
export const openPage = async (h: Harness, path: string): Promise<Page> => {
  const context = await h.browser.newContext({ viewport: { width: 1440, height: 900 } })
  const page = await context.newPage()
  page.on("pageerror", (error) => {
    throw error
  })
  await page.goto(`${h.baseUrl}/${path}`)
  return page
}

/**
 * A classroom page in its own browser context (its own storage, so its own token, like a separate laptop),
 * remembered in `contexts` so the test can close it. A step that cannot happen fails with its own locator,
 * well before the test's timeout.
 */
export const openLaptop = async (
  h: Harness,
  contexts: Array<BrowserContext>,
  path: string,
): Promise<Page> => {
  const context = await h.browser.newContext({ viewport: { width: 1280, height: 900 } })
  contexts.push(context)
  context.setDefaultTimeout(15_000)
  const page = await context.newPage()
  await page.goto(`${h.baseUrl}/${path}`)
  return page
}

/** A full-page screenshot for docs/classroom-guide.md (`exercise-<name>.png`), when ACCORD_SCREENSHOTS=1. */
export const exerciseScreenshot = async (page: Page, name: string): Promise<void> => {
  if (process.env.ACCORD_SCREENSHOTS !== "1") return
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
  await page.evaluate(() => window.scrollTo(0, 0))
  await page.screenshot({
    path: join(repoRoot, "docs", "screenshots", `exercise-${name}.png`),
    fullPage: true,
  })
}
