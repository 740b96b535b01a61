import { defineProject } from "vitest/config"

export default defineProject({
  test: { name: "web", include: ["src/**/*.spec.ts", "test/**/*.spec.ts"] },
})
