/**
 * The shapes the plugin's admin routes answer: the same on 2.x as on v1 (the
 * routes return the same views), so the v1 admin's JSON view types serve
 * both. Type imports only: nothing of the server reaches the bundle.
 */
export type { Invoice, List, Refund, Renewal, SavedCard, Subscription } from "../../../../admin/lib/types"
