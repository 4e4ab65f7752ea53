import { z } from "@medusajs/framework/zod"
import { SUBSCRIPTION_STATUSES } from "../modules/instantmerchant-subscriptions/models/instantmerchant-subscription"
import { parseIsoDateTime } from "../../../rules/input/iso-date-time"

/**
 * The routes' input, checked by Medusa's validateAndTransformQuery/Body
 * (api/middlewares.ts) with v1's rules: `offset` from 0, `limit` from 1 to
 * 100 (default 20), `status` one of the four, `customer_id` an id. Medusa
 * refuses any other field.
 */
const wholeNumber = (min: number, max: number) => z.coerce.number().int().min(min).max(max)

export const StoreSubscriptionList = z.object({
  status: z.enum(SUBSCRIPTION_STATUSES).optional(),
  offset: wholeNumber(0, Number.MAX_SAFE_INTEGER).default(0),
  limit: wholeNumber(1, 100).default(20),
})

export const AdminSubscriptionList = StoreSubscriptionList.extend({
  customer_id: z.string().regex(/^[\w-]{1,100}$/, "customer_id must be an id").optional(),
})

export const AdminRenewSubscription = z.object({
  /** The period end the admin saw; if it was renewed meanwhile, a 409 instead of a second renewal. */
  expected_period_end: z
    .string()
    .refine((v) => parseIsoDateTime(v) !== undefined, "must be an ISO 8601 date and time with a zone, such as 2026-12-02T10:00:00.000Z")
    .optional(),
})

/**
 * The checkout's card fields. Their values are checked by the core's card
 * rules in the service (v1's messages, which never quote a card number);
 * this schema only refuses fields of other names, so that a card number under
 * a name of its own is refused, never kept.
 */
export const StoreSubscriptionCard = z.object({
  cardholder_name: z.unknown().optional(),
  card_number: z.unknown().optional(),
  exp_month: z.unknown().optional(),
  exp_year: z.unknown().optional(),
  cvc: z.unknown().optional(),
  card_id: z.unknown().optional(),
  save_card: z.unknown().optional(),
  is_default: z.unknown().optional(),
})

export type StoreSubscriptionListQuery = z.infer<typeof StoreSubscriptionList>
export type AdminSubscriptionListQuery = z.infer<typeof AdminSubscriptionList>
export type AdminRenewSubscriptionBody = z.infer<typeof AdminRenewSubscription>
