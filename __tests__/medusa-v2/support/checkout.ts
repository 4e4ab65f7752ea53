import type Medusa from "@medusajs/js-sdk"
import { TEST_CARDS } from "../../../src/sandbox"
import { US_ADDRESS } from "./medusa-sdk"
import { v2 } from "./v2-env"

export const CARD_PROVIDER = "pp_instantmerchant_instantmerchant"
export const INVOICE_PROVIDER = "pp_instantmerchant-invoice_instantmerchant"

/** A distinctive CVC, so the card-data scan can look for it. */
export const TEST_CVC = "7319"
/**
 * The CVC as a value of its own: not inside an id, where four digits turn up
 * by chance (a ULID `imsub_01M8…D73193R3` once failed the log scan).
 */
export const TEST_CVC_ALONE = new RegExp(`(?<![0-9A-Za-z])${TEST_CVC}(?![0-9A-Za-z])`)

/** The card fields of the storefront's data contract, for one of the sandbox's test cards. */
export function cardData(number: string = TEST_CARDS.visa, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { cardholder_name: "Ada Lovelace", card_number: number, exp_month: 12, exp_year: 2031, cvc: TEST_CVC, ...extra }
}

/** The email and billing address a 2.x storefront sends with the card (the provider never sees the cart). */
export function contactData(email: string): Record<string, unknown> {
  return { email, billing_address: US_ADDRESS }
}

/** A cart of one $37.02 mug shipped for $5.00 ($42.02 in all), with an email and a US address. */
export async function cartReadyToPay(sdk: Medusa, email: string, regionId = v2.seeded.usd_region_id): Promise<any> {
  const { cart } = await sdk.store.cart.create({ region_id: regionId, email })
  const address = regionId === v2.seeded.usd_region_id ? US_ADDRESS : { ...US_ADDRESS, country_code: "de", province: "Berlin", city: "Berlin", postal_code: "10115" }
  await sdk.store.cart.update(cart.id, { shipping_address: address, billing_address: address })
  await sdk.store.cart.createLineItem(cart.id, { variant_id: v2.seeded.variant_id, quantity: 1 })
  const { cart: shipped } = await sdk.store.cart.addShippingMethod(cart.id, { option_id: v2.seeded.shipping_option_id })
  return shipped
}

/** Starts the payment session with the storefront's data, as a storefront's "pay" step does. */
export async function payWith(sdk: Medusa, cart: any, data: Record<string, unknown>, provider = CARD_PROVIDER): Promise<any> {
  const { payment_collection } = await sdk.store.payment.initiatePaymentSession(cart, { provider_id: provider, data })
  return (payment_collection.payment_sessions ?? []).find((s: any) => s.provider_id === provider)
}

/** Completes the cart; the order, or a thrown error with Medusa's message. */
export async function placeOrder(sdk: Medusa, cartId: string): Promise<any> {
  const result: any = await sdk.store.cart.complete(cartId)
  if (result.type !== "order") throw Object.assign(new Error(result.error?.message ?? "the cart was not completed"), { result })
  return result.order
}

/** The order's one payment, as the admin API shows it (with its captures and refunds). */
export async function orderPayment(admin: Medusa, orderId: string): Promise<any> {
  const { order } = await admin.admin.order.retrieve(orderId, { fields: "*payment_collections,*payment_collections.payments,*payment_collections.payments.refunds,*payment_collections.payments.captures" })
  const payments = (order as any).payment_collections.flatMap((c: any) => c.payments)
  if (payments.length !== 1) throw new Error(`expected one payment on ${orderId}, found ${payments.length}`)
  return payments[0]
}

/** Integer cents of a Medusa 2.x amount (major units), for comparing with the gateway's books. */
export function cents(major: number | string): number {
  const [whole, fraction = ""] = String(major).split(".")
  return Number(whole) * 100 + Number(fraction.padEnd(2, "0").slice(0, 2))
}
