import type { MedusaContainer } from "@medusajs/framework/types"
import { BUSY_CODE } from "../../../subscriptions/subscription-busy"
import { DUE_PAGE_SIZE } from "../../../subscriptions/due-subscriptions"
import { forEachBounded } from "../../../subscriptions/for-each-bounded"
import { keysetPages } from "../../../subscriptions/keyset-pages"
import { INSTANTMERCHANT_SUBSCRIPTIONS } from "../modules/instantmerchant-subscriptions"
import type { InstantMerchantSubscriptionsService } from "../modules/instantmerchant-subscriptions/service"
import { renewSubscriptionWorkflow } from "../workflows/renew-subscription"

type Logger = { info(m: string): void; warn(m: string): void }

/**
 * Renews every subscription whose renewal is due (and retries past-due ones
 * on the retry schedule, and errored ones after their back-off): every due
 * row, oldest first, a page at a time (keyset pages), each through the renewal
 * workflow, with at most `subscription_renewal_concurrency` at once. Each
 * instance runs this job (without Redis, Medusa 2.x schedules it in every
 * process); the row lock makes a second instance skip what the first renews.
 */
export default async function renewSubscriptions(container: MedusaContainer): Promise<void> {
  const subscriptions = container.resolve<InstantMerchantSubscriptionsService>(INSTANTMERCHANT_SUBSCRIPTIONS)
  const logger = container.resolve<Logger>("logger")
  const now = await subscriptions.now()
  const counts: Record<string, number> = {}
  const pages = keysetPages<{ id: string; at: string }>((after, limit) => subscriptions.duePage(now, after, limit), DUE_PAGE_SIZE)
  for await (const page of pages) {
    await forEachBounded(page, subscriptions.options.subscription_renewal_concurrency, async ({ id }) => {
      const { result } = await renewSubscriptionWorkflow(container).run({ input: { id, trigger: "job", only_if_due: true, now: now.toISOString() } })
      const skipped = result.refusal?.body.code === BUSY_CODE || result.result === "not_due"
      if (result.refusal && result.refusal.body.code !== BUSY_CODE) logger.warn(`InstantMerchant renewal of ${id} skipped: ${String(result.refusal.body.message)}`)
      if (result.log) logger.warn(result.log)
      counts[skipped ? "skipped" : result.result] = (counts[skipped ? "skipped" : result.result] ?? 0) + 1
    })
  }
  const done = Object.entries(counts).filter(([result, n]) => result !== "skipped" && n > 0)
  if (done.length) logger.info(`InstantMerchant renewals: ${done.map(([result, n]) => `${n} ${result}`).join(", ")}, ${counts.skipped ?? 0} skipped`)
}

export const config = {
  name: "instantmerchant-renew-subscriptions",
  // Medusa reads a job's schedule when it loads this file, before any plugin
  // option is known: hence v1's environment variable. Dueness is decided by
  // timestamps, so the schedule only sets how late a renewal can be.
  schedule: process.env.INSTANTMERCHANT_RENEWAL_SCHEDULE || "*/15 * * * *",
}
