import type { RouteConfig } from "@medusajs/admin"
import { ArrowPath } from "@medusajs/icons"
import { Status } from "../../components/common"
import { ListPage } from "../../components/list-page"
import type { Column } from "../../components/list-table"
import { date, money } from "../../lib/format"
import type { Subscription } from "../../lib/types"
import { useList } from "../../lib/use-list"

// medusa-admin bundle reads this file as a route: its default export must be a `const`
// whose body says `return <…>`, and `config` (an object literal) its only named export,
// or the page or its sidebar link is left out without failing the build (README, Layout).

const LIMIT = 20
const FILTERS = [
  { value: "", label: "All" },
  { value: "active", label: "Active" },
  { value: "past_due", label: "Past due" },
  { value: "canceled", label: "Canceled" },
  { value: "expired", label: "Expired" },
]
const COLUMNS: Column<Subscription>[] = [
  { header: "Subscription", cell: (s) => s.id },
  { header: "Customer", cell: (s) => s.email ?? s.customer_id ?? "–" },
  { header: "Plan", cell: (s) => `${money(s.amount, s.currency_code)} ${s.interval}` },
  { header: "Card", cell: (s) => (s.card_last_4 ? `•••• ${s.card_last_4}` : "–"), className: "whitespace-nowrap" },
  { header: "Paid until", cell: (s) => date(s.current_period_end) },
  { header: "Next renewal", cell: (s) => (s.status === "active" || s.status === "past_due" ? date(s.next_renewal_at) : "–") },
  { header: "Status", cell: (s) => <Status value={s.status} /> },
]

/** Every InstantMerchant subscription of the shop, newest first, by status. */
const SubscriptionsPage = () => {
  const list = useList<Subscription>("/instantmerchant/subscriptions", "subscriptions", ["subscriptions"], { pageSize: LIMIT })
  return (
    <ListPage
      list={list}
      testId="subscriptions-page"
      title="Subscriptions"
      description="Recurring InstantMerchant charges: renewed by the plugin's job, or from here."
      filters={FILTERS}
      columns={COLUMNS}
      rowTestId="subscription-row"
      href={(s) => `/a/subscriptions/${s.id}`}
      empty={`No subscriptions${list.status ? ` with status ${list.status.replace("_", " ")}` : ""}.`}
      loading="Loading…"
    />
  )
}

export const config: RouteConfig = {
  link: {
    label: "Subscriptions",
    icon: ArrowPath,
  },
}

export default SubscriptionsPage
