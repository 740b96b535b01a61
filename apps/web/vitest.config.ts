import { defineProject } from "vitest/config"

export default defineProject({
  test: {
    name: "web",
    include: ["src/**/*.spec.ts", "test/**/*.spec.ts"],
    // Builds dist/ once (only when stale) before the browser tests run against it.
    globalSetup: ["test/build-web.setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
})
