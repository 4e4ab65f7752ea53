#!/usr/bin/env node
/**
 * `npm run bench`: speed and memory, measured here rather than in timed tests.
 * It prints numbers; it asserts nothing. Run it on a quiet machine and compare
 * runs, not machines.
 */
import { performance } from "node:perf_hooks"
import { parseCardInput } from "../core/card/card-input"
import { InstantMerchantClient } from "../core/client"
import { assertChargeAmount } from "../core/money/amount"
import { startSandbox } from "../sandbox"

const out = (line: string) => process.stdout.write(line + "\n")
const card = { cardholder_name: "Jim Doe", card_number: "4242 4242 4242 4242", exp_month: 12, exp_year: 2031, cvc: "123" }
const person = { name: "Jim", email: "jim@example.com", address: "1 Main St", city: "Nashville", zip: "37251", state: "TN", country: "US" }

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
}

function pure(): void {
  const n = 200_000
  let t = performance.now()
  for (let i = 0; i < n; i++) parseCardInput(card)
  const cardsPerSec = n / ((performance.now() - t) / 1000)
  t = performance.now()
  for (let i = 0; i < n; i++) assertChargeAmount(100 + i)
  const amountsPerSec = n / ((performance.now() - t) / 1000)
  out(`card checks (Luhn, expiry, CVC)   ${Math.round(cardsPerSec).toLocaleString("en-US")} per second`)
  out(`amount checks                     ${Math.round(amountsPerSec).toLocaleString("en-US")} per second`)
}

async function roundTrips(): Promise<void> {
  const sandbox = await startSandbox({ port: 0 })
  const im = new InstantMerchantClient({ apiKey: "im_test_key", apiSecret: "im_test_secret", baseUrl: sandbox.apiBaseUrl })
  try {
    // Warm up the keep-alive socket and the JIT.
    for (let i = 0; i < 50; i++) await im.charges.create({ ...person, ...card, card_number: "4242424242424242", description: "warm-up", amount: 1000 })

    const n = 1000
    const latencies: number[] = []
    const started = performance.now()
    for (let i = 0; i < n; i++) {
      const t = performance.now()
      await im.charges.create({ ...person, ...card, card_number: "4242424242424242", description: `bench ${i}`, amount: 1000 + i })
      latencies.push(performance.now() - t)
    }
    const seconds = (performance.now() - started) / 1000
    latencies.sort((a, b) => a - b)
    out(`charge create, sequential         ${Math.round(n / seconds)} per second; p50 ${percentile(latencies, 50).toFixed(2)} ms, p95 ${percentile(latencies, 95).toFixed(2)} ms, p99 ${percentile(latencies, 99).toFixed(2)} ms`)

    const concurrency = 20
    const perWorker = 100
    const t0 = performance.now()
    await Promise.all(
      Array.from({ length: concurrency }, async (_, w) => {
        for (let i = 0; i < perWorker; i++) await im.charges.create({ ...person, ...card, card_number: "4242424242424242", description: `c${w}-${i}`, amount: 1000 })
      })
    )
    const concurrentSeconds = (performance.now() - t0) / 1000
    out(`charge create, ${concurrency} at once           ${Math.round((concurrency * perWorker) / concurrentSeconds)} per second`)

    global.gc?.()
    const before = process.memoryUsage().heapUsed
    for (let i = 0; i < 5000; i++) await im.charges.create({ ...person, ...card, card_number: "4242424242424242", description: `m${i}`, amount: 1000 })
    global.gc?.()
    const perCharge = (process.memoryUsage().heapUsed - before) / 5000
    out(`sandbox + client heap per charge  ${Math.round(perCharge)} bytes${global.gc ? "" : " (run with --expose-gc for a steadier number)"}; ${sandbox.controls.list("charges").length} charges held`)
    out(`process RSS                       ${Math.round(process.memoryUsage().rss / 1024 / 1024)} MiB`)
  } finally {
    await sandbox.close()
  }
}

async function main(): Promise<void> {
  out(`medusa-payment-instantmerchant bench, node ${process.version}`)
  pure()
  await roundTrips()
}

main().catch((e) => {
  process.stderr.write(`bench failed: ${(e as Error).message}\n`)
  process.exit(1)
})
