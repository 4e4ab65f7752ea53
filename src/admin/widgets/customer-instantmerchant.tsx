import type { CustomerDetailsWidgetProps, WidgetConfig } from "@medusajs/admin"
import { Badge, Container, Heading, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { Status } from "../components/common"
import { ListSection } from "../components/list-section"
import { type Column, ListTable } from "../components/list-table"
import { date, expiry, money } from "../lib/format"
import type { SavedCard, Subscription } from "../lib/types"
import { useList } from "../lib/use-list"

// medusa-admin bundle imports every file under widgets/ as a widget (a default export and
// `config`), so anything shared lives in components/ or lib/ (README, Layout).

const SUBSCRIPTION_COLUMNS: Column<Subscription>[] = [
  {
    header: "Subscription",
    cell: (s) => (
      <Link to={`/a/subscriptions/${s.id}`} className="text-ui-fg-interactive">
        {s.id}
      </Link>
    ),
  },
  { header: "Plan", cell: (s) => `${money(s.amount, s.currency_code)} ${s.interval}` },
  { header: "Status", cell: (s) => <Status value={s.status} /> },
  { header: "Paid until", cell: (s) => date(s.current_period_end) },
]

/** A customer's InstantMerchant subscriptions and saved cards (last 4 and expiry only: the gateway keeps the rest). */
const CustomerInstantMerchantWidget = ({ customer }: CustomerDetailsWidgetProps) => {
  const subscriptions = useList<Subscription>("/instantmerchant/subscriptions", "subscriptions", ["customer-subscriptions", customer.id], {
    query: { customer_id: customer.id, limit: 50 },
  })
  const cards = useList<SavedCard>(`/instantmerchant/customers/${customer.id}/cards`, "cards", ["customer-cards", customer.id])
  return (
    <Container className="divide-y p-0" data-testid="instantmerchant-customer-widget">
      <div className="px-6 py-4">
        <Heading level="h2">InstantMerchant</Heading>
      </div>
      <ListSection title="Subscriptions" list={subscriptions} empty="No subscriptions.">
        {(rows) => <ListTable columns={SUBSCRIPTION_COLUMNS} rows={rows} />}
      </ListSection>
      <ListSection title="Saved cards" list={cards} empty="No saved cards.">
        {(rows) =>
          rows.map((c) => (
            <div key={c.card_id} className="flex items-center gap-x-2" data-testid="saved-card">
              <Text size="small">
                •••• {c.last_4}, expires {expiry(c.exp_month, c.exp_year)}
              </Text>
              {c.is_default && <Badge size="2xsmall">default</Badge>}
            </div>
          ))
        }
      </ListSection>
    </Container>
  )
}

export const config: WidgetConfig = {
  zone: "customer.details.after",
}

export default CustomerInstantMerchantWidget
