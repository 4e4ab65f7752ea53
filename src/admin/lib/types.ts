/**
 * The shapes the plugin's admin routes answer, derived from the routes' own
 * views (api/views), as they arrive: JSON, so every date is a string. Type
 * imports only: nothing of the server reaches the admin bundle.
 */
import type { InvoiceView } from "../../api/views/invoice-view"
import type { RenewalView, SubscriptionView } from "../../api/views/subscription-view"
import type { SavedCard as SavedCardView } from "../../customers/saved-card"
import type { InvoiceRefund } from "../../invoices/invoice-record"

/** What JSON makes of a value: dates become strings. */
export type Json<T> = T extends Date ? string : T extends Array<infer U> ? Array<Json<U>> : T extends object ? { [K in keyof T]: Json<T[K]> } : T

export type Refund = Json<InvoiceRefund>
export type Renewal = Json<RenewalView>
export type Subscription = Json<SubscriptionView>
export type Invoice = Json<InvoiceView>
export type SavedCard = Json<SavedCardView>

export type List<K extends string, T> = { [key in K]: T[] } & { count: number; offset: number; limit: number }
