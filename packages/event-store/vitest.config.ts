import { defineProject } from "vitest/config"

export default defineProject({
  test: { name: "event-store", include: ["src/**/*.spec.ts", "test/**/*.spec.ts"] },
})
