import { defineProject } from "vitest/config"

export default defineProject({
  test: {
    name: "domain",
    include: ["src/**/*.spec.ts", "test/**/*.spec.ts"],
    // Property tests run hundreds of simulations; on 2 cores shared with the other projects 5 s is too tight.
    testTimeout: 60_000,
  },
})
