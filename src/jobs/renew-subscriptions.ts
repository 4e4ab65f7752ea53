import type { ScheduledJobArgs, ScheduledJobConfig } from "@medusajs/medusa"
import type InstantMerchantSubscriptionService from "../services/instantmerchant-subscription"

/**
 * Renews every subscription whose renewal is due (and retries past-due ones
 * on the retry schedule, and ones that failed with an error after their
 * back-off). Scheduled jobs need Redis. With several Medusa instances, each
 * subscription is renewed once: see the service's `renew`.
 */
export default async function renewSubscriptions({ container }: ScheduledJobArgs): Promise<void> {
  const subscriptions = container.resolve<InstantMerchantSubscriptionService>("instantmerchantSubscriptionService")
  const counts = await subscriptions.renewDue()
  const { skipped, ...done } = counts
  if (Object.values(done).some((n) => n > 0)) {
    const parts = Object.entries(done).filter(([, n]) => n > 0).map(([result, n]) => `${n} ${result}`)
    container.resolve<{ info(m: string): void }>("logger").info(`InstantMerchant renewals: ${parts.join(", ")}, ${skipped} skipped`)
  }
}

export const config: ScheduledJobConfig = {
  name: "instantmerchant-renew-subscriptions",
  // Medusa reads a job's schedule when it loads this file, before any plugin
  // option is known: hence an environment variable. Dueness is decided by
  // timestamps, so the schedule only sets how late a renewal can be.
  schedule: process.env.INSTANTMERCHANT_RENEWAL_SCHEDULE || "*/15 * * * *",
  data: {},
}
