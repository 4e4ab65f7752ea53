import { expectNoOrphanAuthorizations } from "./support/books"
import { withDeadline } from "./support/deadline"
import { FaultCase, faultCatalogue, gatewayTimeoutMs } from "./support/fault-catalogue"
import { FaultMatrix } from "./support/fault-matrix-table"
import { writeFigures } from "./support/figures"
import { faults } from "./support/gateway-controls"
import { mapLimited } from "./support/map-limited"
import { expectedOutcomes, Lane, Outcome } from "./support/lane"
import { authorizeLane, cardCreateLane, checkoutInvoiceLane, customerCreateLane } from "./support/lanes/checkout-lanes"
import { adminInvoiceCreateLane, invoiceCaptureLane, invoiceChargeLane, invoiceRefundLane, invoiceSendLane } from "./support/lanes/invoice-lanes"
import { captureLane, refundLane, releaseLane } from "./support/lanes/order-lanes"
import { cancelSubscriptionLane, renewLane, updateCardLane } from "./support/lanes/subscription-lanes"

/**
 * The fault matrix: every mutating gateway operation the plugin performs ×
 * every fault the sandbox injects, driven through the real store and admin
 * APIs. Each cell asserts that
 *
 * 1. the person gets a clear answer, never a hang: a 4xx/5xx with a message
 *    (a "may have gone through" when the gateway may have acted), or the
 *    operation's own way of saying it (a renewal `unknown`, a capture that
 *    "requires action" with the reason in the log);
 * 2. the same action repeated once the fault is gone succeeds;
 * 3. then the gateway's books and Medusa's agree, with nothing doubled, and
 *    no authorization is left without a Medusa payment.
 *
 * Faults are armed per gateway path, so the operations of one group (whose
 * paths differ) run at once; refund and release share /refund, and both
 * kinds of invoice creation share /invoice, so they sit in different groups.
 */
jest.setTimeout(15 * 60_000)

const GROUPS: Lane[][] = [
  [customerCreateLane, captureLane, refundLane, renewLane, updateCardLane, adminInvoiceCreateLane, invoiceSendLane, invoiceCaptureLane],
  [cardCreateLane, authorizeLane, releaseLane, cancelSubscriptionLane, checkoutInvoiceLane, invoiceChargeLane, invoiceRefundLane],
]
const LANES: Lane[] = [
  customerCreateLane, cardCreateLane, authorizeLane, captureLane, refundLane, releaseLane, renewLane, updateCardLane, cancelSubscriptionLane,
  checkoutInvoiceLane, adminInvoiceCreateLane, invoiceSendLane, invoiceChargeLane, invoiceCaptureLane, invoiceRefundLane,
]
const FAULTS = faultCatalogue()
/** Few enough that Medusa's pool of 10 database connections is never all held by checkouts (see races.reliability.test.ts). */
const FIXTURES_AT_ONCE = 3
const matrix = new FaultMatrix(LANES.map((l) => l.op), FAULTS.map((f) => f.name))
const started = Date.now()

afterAll(() => {
  const { passing, total } = matrix.counts()
  const failures = matrix.failures()
  const detail = [
    `# Fault matrix (gateway timeout ${gatewayTimeoutMs()} ms)`,
    "",
    matrix.table(),
    "",
    ...(failures.length ? ["Failing cells:", "", ...failures.map((f) => `- ${f}`)] : ["Every cell passes."]),
    "",
  ].join("\n")
  const notes = ["## What each cell saw (first try → repeat)", "", ...matrix.notes().map((n) => `- ${n}`), ""].join("\n")
  writeFigures(
    "1-fault-matrix",
    {
      title: "Fault matrix",
      lines: [`${passing}/${total} cells pass: ${LANES.length} operations × ${FAULTS.length} faults (${((Date.now() - started) / 1000).toFixed(0)} s)`, ...failures.map((f) => `✗ ${f}`)],
    },
    `${detail}\n${notes}`
  )
  process.stdout.write(`\n${detail}\n`)
})

for (const fault of FAULTS) {
  it(`${fault.name}: every operation answers clearly, converges when repeated, and the books agree`, async () => {
    await runRound(fault)
    expect(matrix.failures(fault.name)).toEqual([])
  })
}

interface FirstTry {
  outcome?: Outcome
  error?: string
}

async function runRound(fault: FaultCase): Promise<void> {
  await faults.clear()
  const prepared = await mapLimited(LANES, FIXTURES_AT_ONCE, (lane) => withDeadline<unknown>(lane.prepare(), `${lane.op}: fixture`))
  const fixtures = new Map<Lane, unknown>()
  LANES.forEach((lane, i) => {
    const p = prepared[i]
    if (p.status === "fulfilled") fixtures.set(lane, p.value)
    else matrix.record(lane.op, fault.name, { ok: false, note: `fixture failed: ${(p.reason as Error).message}` })
  })
  for (const group of GROUPS) {
    const live = group.filter((lane) => fixtures.has(lane))
    for (const lane of live) await faults.inject({ path: lane.path, ...fault.spec })
    const first = await Promise.all(live.map((lane) => firstTry(lane, fixtures.get(lane), fault)))
    // A fault nobody took means the action never reached that gateway path: the cell proves nothing.
    const untaken = new Set((await faults.pending()).map((f) => f.path))
    await faults.clear()
    await Promise.all(
      live.map(async (lane, i) => {
        const tried = untaken.has(`/api/v2/${lane.path}`) ? { error: `the action never reached /api/v2/${lane.path}` } : first[i]
        matrix.record(lane.op, fault.name, await repeatAndVerify(lane, fixtures.get(lane), tried))
      })
    )
  }
  await expectNoOrphanAuthorizations()
}

async function firstTry(lane: Lane, fixture: unknown, fault: FaultCase): Promise<FirstTry> {
  try {
    const answer = await withDeadline(lane.act(fixture), `${lane.op} under ${fault.name}`)
    const outcome = await lane.outcome(answer, fixture)
    const expected = expectedOutcomes(lane, fault)
    if (!expected.includes(outcome)) {
      return { error: `told "${outcome}", expected ${expected.join(" or ")}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 240)}` }
    }
    return { outcome }
  } catch (e) {
    return { error: (e as Error).message }
  }
}

async function repeatAndVerify(lane: Lane, fixture: unknown, first: FirstTry): Promise<{ ok: boolean; note: string }> {
  if (first.error) return { ok: false, note: first.error }
  try {
    let path = first.outcome!
    if (first.outcome !== "succeeded") {
      const answer = await withDeadline(lane.act(fixture), `${lane.op}: the repeat`)
      const again = await lane.outcome(answer, fixture)
      if (again !== "succeeded") return { ok: false, note: `after ${first.outcome}, the repeat did not converge (${again}): ${answer.status} ${JSON.stringify(answer.body).slice(0, 240)}` }
      path = `${first.outcome} → succeeded` as Outcome
    }
    await lane.verify(fixture)
    return { ok: true, note: path }
  } catch (e) {
    return { ok: false, note: `books: ${(e as Error).message}` }
  }
}
