import { defineProject } from "vitest/config"

export default defineProject({
  // The end-to-end tests start the real binary many times; on a loaded 2-core machine one start can take
  // seconds, so the per-test limit is generous.
  test: {
    name: "cli",
    include: ["src/**/*.spec.ts", "test/**/*.spec.ts"],
    globalSetup: ["test/build-cli.setup.ts"],
    testTimeout: 120_000,
  },
})
