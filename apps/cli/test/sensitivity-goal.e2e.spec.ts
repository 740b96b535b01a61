import { join } from "node:path"
import { describe, expect, it } from "vitest"
import { accord, examples } from "./accord-process.js"

const energy = join(examples, "energy-grant-1bn.yaml")

// Each command starts its own process (tsx compiles the workspace): sequential, so a busy machine is not swamped.
describe("accord sensitivity and accord goal", () => {
  it("prints a tornado as Markdown and Sobol indices as JSON", async () => {
    const [tornado, sobol] = await Promise.all([
      accord([
        "sensitivity",
        energy,
        "--indicator",
        "energy.capacity_restored_mw",
        "--samples",
        "40",
        "--horizon",
        "12",
        "-f",
        "md",
      ]),
      accord([
        "sensitivity",
        energy,
        "--indicator",
        "energy.capacity_restored_mw",
        "--method",
        "sobol",
        "--samples",
        "32",
        "--horizon",
        "12",
      ]),
    ])
    expect(tornado).toMatchObject({ code: 0, stderr: "" })
    expect(tornado.stdout).toContain("## Drivers, largest swing first")
    expect(tornado.stdout).toContain("energy.cost-per-mw-usd-m")
    expect(sobol.code).toBe(0)
    expect(JSON.parse(sobol.stdout)).toMatchObject({ method: "sobol", samples: 32 })
  }, 300_000)

  it("answers a goal, and refuses what it cannot answer with paths", async () => {
    const goal = [
      "goal",
      energy,
      "--runs",
      "200",
      "--lever",
      "0.amountUsdM",
      "--indicator",
      "energy.capacity_restored_mw",
    ]
    const [found, noLever, badTarget] = await Promise.all([
      accord([...goal, "--month", "12", "--target", "100", "--probability", "0.3"]),
      accord([
        "goal",
        energy,
        "--lever",
        "3.amountUsdM",
        "--indicator",
        "funds.nope",
        "--month",
        "12",
        "--target",
        "1",
      ]),
      accord([...goal, "--month", "12", "--target", "1e9"]),
    ])
    expect(found.code).toBe(0)
    expect(JSON.parse(found.stdout)).toMatchObject({ reachable: true, seeking: "smallest" })
    expect(noLever.code).toBe(1)
    expect(noLever.stderr).toContain("indicator: unknown indicator: expected one of")
    expect(noLever.stderr).toContain("lever.intervention:")
    expect(badTarget.code).toBe(1)
    expect(badTarget.stderr).toContain("target:")
  }, 300_000)
})
