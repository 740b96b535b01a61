// The parts of autocannon 8 the benchmark uses (the package ships no types).
declare module "autocannon" {
  import type { EventEmitter } from "node:events"

  interface Options {
    url: string
    connections?: number
    duration?: number
    method?: string
    headers?: Record<string, string>
    body?: string
    requests?: Array<{ setupRequest?: (request: { body?: string }) => { body?: string } }>
  }
  interface Result {
    requests: { average: number; total: number }
    latency: { p50: number; p99: number; average: number }
    errors: number
    timeouts: number
    non2xx: number
    duration: number
  }
  interface Instance extends EventEmitter, PromiseLike<Result> {
    on(
      event: "response",
      listener: (client: unknown, status: number, bytes: number, ms: number) => void,
    ): this
  }
  function autocannon(options: Options): Instance
  export default autocannon
}
