/**
 * Issue 16: the kernel's inline quiet month and its full step share one tranche function (`trancheOf`). Does the
 * call cost anything once the JIT has the code? The same 20 M tranches (agreed × deliver × (0.5 + u), u from the
 * counter-based hash) summed through `trancheOf` and with the formula written out, alternately, best of 7 (CPU
 * ms); the sums must be equal. The engine benchmark bundles this file with esbuild and runs it under plain node,
 * as the service's workers run the engine (`dist/`), and prints what it prints (JSON).
 */
import { uniform } from "../src/random-stream.js"
import { trancheOf } from "../src/trajectory-kernel.js"

const TRANCHES = 20_000_000
const throughFunction = (): number => {
  let sum = 0
  for (let k = 0; k < TRANCHES; k++) sum += trancheOf(100 + (k & 1023), 0.05, uniform(k, 1, 1))
  return sum
}
const writtenOut = (): number => {
  let sum = 0
  for (let k = 0; k < TRANCHES; k++) {
    const ag = 100 + (k & 1023)
    sum += ag * 0.05 * (0.5 + uniform(k, 1, 1))
  }
  return sum
}
const cpuMs = () => {
  const u = process.cpuUsage()
  return (u.user + u.system) / 1000
}
const timed = (f: () => number): number => {
  const t = cpuMs()
  f()
  return cpuMs() - t
}
for (let i = 0; i < 3; i++) {
  throughFunction()
  writtenOut()
}
let call = Number.POSITIVE_INFINITY
let inline = Number.POSITIVE_INFINITY
for (let i = 0; i < 7; i++) {
  call = Math.min(call, timed(throughFunction))
  inline = Math.min(inline, timed(writtenOut))
}
console.log(
  JSON.stringify({ tranches: TRANCHES, call, inline, sameSums: throughFunction() === writtenOut() }),
)
