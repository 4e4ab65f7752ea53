import { model } from "@medusajs/framework/utils"

/**
 * The shop's record of one gateway invoice on Medusa 2.x: the same fields as
 * the v1 plugin's `instantmerchant_invoice` table (src/models), named alike,
 * so the admin routes answer the same view (src/api/views/invoice-view.ts).
 * The gateway has no invoice lookup, so this is the only list of them.
 *
 * `order_id` and `customer_id` are plain columns, read through read-only
 * module links (see links/): a checkout invoice learns its order when the
 * order is placed, an admin's invoice has none.
 */
export const InstantMerchantInvoice = model
  .define("instantmerchant_invoice", {
    id: model.id({ prefix: "iminv" }).primaryKey(),
    /** The gateway's invoice number. */
    invoice_num: model.number().unique(),
    /** The Medusa customer billed. */
    customer_id: model.text().nullable(),
    /** The order it pays (checkout invoices). */
    order_id: model.text().nullable(),
    /** The cart it was created for (checkout invoices). */
    cart_id: model.text().nullable(),
    /** The gateway customer the invoice is made out to. */
    gateway_customer_id: model.number(),
    description: model.text(),
    /** `[{ name, price }]`, prices in cents. */
    items: model.json(),
    /** The sum of the items, in cents. */
    amount: model.number(),
    currency: model.text().default("usd"),
    status: model.enum(["open", "paid", "partially_refunded", "refunded"]),
    charge_id: model.text().nullable(),
    payment_mode: model.enum(["pay_later", "auth_only", "auth_and_capture"]),
    card_last_4: model.text().nullable(),
    captured: model.boolean().default(false),
    /** An uncaptured authorization that was released (cancel), counted as refunded. */
    released: model.boolean().default(false),
    amount_refunded: model.number().default(0),
    /** `[{ refund_id, amount, created_at }]`. */
    refunds: model.json(),
    /** ISO times the gateway was asked to email the invoice. */
    sent_at: model.json(),
    /** mm/dd/yyyy, as the gateway keeps it. */
    date_due: model.text(),
  })
  .indexes([{ on: ["customer_id"] }, { on: ["order_id"] }, { on: ["cart_id"] }, { on: ["status"] }])
  // The database refuses a refund over the amount even if a bug let one through.
  .checks([{ name: "instantmerchant_invoice_amounts_check", expression: (c) => `${c.amount} > 0 AND ${c.amount_refunded} >= 0 AND ${c.amount_refunded} <= ${c.amount}` }])
