import { admin } from "../../../e2e/support/admin"
import { Shopper, VALID_CARD } from "../../../e2e/support/shopper"
import { check, expectOrderBooks } from "../books"
import { cartWithCard, uniqueEmail } from "../fixtures"
import { sandboxList } from "../gateway-controls"
import { failureOutcome, Lane, Outcome } from "../lane"
import type { RestAnswer } from "../../../../src/demo/stack/medusa-rest"

/** The shopper's side: card entry (gateway customer, then card) and cart completion (the charge, or the invoice). */

interface CheckoutFixture {
  shopper: Shopper
  orderId?: string
}

const SECOND_CARD = { ...VALID_CARD, card_number: "5555555555554444" }

async function cardEntered(answer: RestAnswer): Promise<Outcome> {
  return answer.status === 200 ? "succeeded" : failureOutcome(answer)
}

/** Completes the cart once card entry converged, and checks the order's books. */
async function completeAndCheck(fixture: CheckoutFixture, provider = "instantmerchant"): Promise<any> {
  const { cart } = await fixture.shopper.api.must("GET", `/store/carts/${fixture.shopper.cartId}`)
  const data = cart.payment_session?.data ?? {}
  check(typeof data.card_id === "string", `the session holds no card after the repeat: ${JSON.stringify(data)}`)
  const done = await fixture.shopper.complete()
  check(done.status === 200 && done.body.type === "order", `completing after card entry answered ${done.status}: ${JSON.stringify(done.body).slice(0, 300)}`)
  const { charge } = await expectOrderBooks(done.body.data.id)
  check(charge.card_id === data.card_id, `the gateway charged ${charge.card_id}, the session holds ${data.card_id}`)
  if (provider === "instantmerchant") check(charge.customer_id === data.instantmerchant_customer_id, `charged on gateway customer ${charge.customer_id}, the session names ${data.instantmerchant_customer_id}`)
  return { cart, data }
}

export const customerCreateLane: Lane<CheckoutFixture> = {
  op: "customer create",
  path: "customer",
  retry: "never-twice",
  async prepare() {
    const shopper = new Shopper()
    await shopper.fillCart({ email: uniqueEmail("guest") })
    const selected = await shopper.selectInstantMerchant()
    if (selected.status !== 200) throw new Error(`select answered ${selected.status}`)
    return { shopper }
  },
  act: (f) => f.shopper.enterCard(VALID_CARD),
  outcome: cardEntered,
  async verify(f) {
    const { cart, data } = await completeAndCheck(f)
    // The customer's key is derived from the session: a repeat replays it instead of making a twin.
    const twins = (await sandboxList("customers")).filter((c) => String(c.username).toLowerCase().startsWith(`medusa_${cart.payment_session.id}_`.toLowerCase()))
    check(twins.length === 1, `${twins.length} gateway customers for session ${cart.payment_session.id}, expected 1`)
    check(twins[0].customer_id === data.instantmerchant_customer_id, `the session names gateway customer ${data.instantmerchant_customer_id}, the gateway made ${twins[0].customer_id}`)
  },
}

export const cardCreateLane: Lane<CheckoutFixture> = {
  op: "card create",
  path: "card",
  retry: "never-twice",
  // A card was entered already: entering another one stores only the card, on the session's gateway customer.
  prepare: async () => ({ shopper: await cartWithCard() }),
  act: (f) => f.shopper.enterCard(SECOND_CARD),
  outcome: cardEntered,
  async verify(f) {
    const { data } = await completeAndCheck(f)
    check(data.card_last_4 === "4444", `the session holds card ${data.card_last_4}, the shopper entered 4444 last`)
    const [card] = (await sandboxList("cards")).filter((c) => c.card_id === data.card_id)
    check(card?.customer_id === data.instantmerchant_customer_id, `card ${data.card_id} is on gateway customer ${card?.customer_id}, not the session's ${data.instantmerchant_customer_id}`)
  },
}

function completionLane(op: string, path: string, provider: string): Lane<CheckoutFixture> {
  return {
    op,
    path,
    retry: "never-twice",
    prepare: async () => ({ shopper: await cartWithCard(provider, provider === "instantmerchant" ? VALID_CARD : SECOND_CARD) }),
    act: (f) => f.shopper.complete(),
    async outcome(answer, f) {
      if (answer.status !== 200) return failureOutcome(answer)
      if (answer.body.type !== "order") throw new Error(`completion answered 200 with a ${answer.body.type}: ${JSON.stringify(answer.body).slice(0, 300)}`)
      f.orderId = answer.body.data.id
      return "succeeded"
    },
    async verify(f) {
      check(f.orderId !== undefined, "no order was made")
      const { order, charge } = await expectOrderBooks(f.orderId!)
      if (provider !== "instantmerchant-invoice") return
      // One gateway invoice for the cart, and one record of it.
      const invoices = (await sandboxList("invoices")).filter((i) => i.description === `Medusa cart ${order.cart_id}`)
      check(invoices.length === 1, `${invoices.length} gateway invoices for cart ${order.cart_id}, expected 1`)
      const { invoices: records } = await admin().must("GET", `/admin/instantmerchant/invoices?cart_id=${order.cart_id}`)
      check(records.length === 1, `${records.length} invoice records for cart ${order.cart_id}, expected 1`)
      check(records[0].invoice_num === invoices[0].invoice_num && records[0].charge_id === charge.charge_id, `record ${JSON.stringify(records[0])} does not match gateway invoice ${invoices[0].invoice_num} / ${charge.charge_id}`)
      check(order.payments[0].data.invoice_num === invoices[0].invoice_num, `the payment names invoice ${order.payments[0].data.invoice_num}, the gateway made ${invoices[0].invoice_num}`)
    },
  }
}

export const authorizeLane = completionLane("authorize", "charge", "instantmerchant")
export const checkoutInvoiceLane = completionLane("invoice create (checkout)", "invoice", "instantmerchant-invoice")
