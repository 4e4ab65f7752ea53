import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import { Badge, Container, Heading, Table, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { ErrorNote, Status } from "../../../../admin/components/common"
import { date, expiry, money } from "../../../../admin/lib/format"
import { api, paths } from "../lib/paths"
import type { List, SavedCard, Subscription } from "../lib/types"
import { useAdminGet } from "../lib/use-admin-get"

/** A customer's InstantMerchant subscriptions and saved cards (last 4 and expiry only: the gateway keeps the rest). */
const CustomerInstantMerchantWidget = ({ data: customer }: DetailWidgetProps<AdminCustomer>) => {
  const subscriptions = useAdminGet<List<"subscriptions", Subscription>>(api.subscriptions, { customer_id: customer.id, limit: 50 })
  const cards = useAdminGet<{ cards: SavedCard[] }>(api.customerCards(customer.id))
  return (
    <Container className="divide-y p-0" data-testid="instantmerchant-customer-widget">
      <div className="px-6 py-4">
        <Heading level="h2">InstantMerchant</Heading>
      </div>
      <div className="flex flex-col gap-y-2 px-6 py-4">
        <Text size="small" weight="plus">
          Subscriptions
        </Text>
        <ErrorNote error={subscriptions.error} />
        {subscriptions.data && subscriptions.data.subscriptions.length === 0 && (
          <Text size="small" className="text-ui-fg-subtle">
            No subscriptions.
          </Text>
        )}
        {subscriptions.data && subscriptions.data.subscriptions.length > 0 && (
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Subscription</Table.HeaderCell>
                <Table.HeaderCell>Plan</Table.HeaderCell>
                <Table.HeaderCell>Status</Table.HeaderCell>
                <Table.HeaderCell>Paid until</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {subscriptions.data.subscriptions.map((s) => (
                <Table.Row key={s.id}>
                  <Table.Cell>
                    <Link to={paths.subscription(s.id)} className="text-ui-fg-interactive">
                      {s.id}
                    </Link>
                  </Table.Cell>
                  <Table.Cell>
                    {money(s.amount, s.currency_code)} {s.interval}
                  </Table.Cell>
                  <Table.Cell>
                    <Status value={s.status} />
                  </Table.Cell>
                  <Table.Cell>{date(s.current_period_end)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
      </div>
      <div className="flex flex-col gap-y-2 px-6 py-4">
        <Text size="small" weight="plus">
          Saved cards
        </Text>
        <ErrorNote error={cards.error} />
        {cards.data && cards.data.cards.length === 0 && (
          <Text size="small" className="text-ui-fg-subtle">
            No saved cards.
          </Text>
        )}
        {cards.data?.cards.map((c) => (
          <div key={c.card_id} className="flex items-center gap-x-2" data-testid="saved-card">
            <Text size="small">
              •••• {c.last_4}, expires {expiry(c.exp_month, c.exp_year)}
            </Text>
            {c.is_default && <Badge size="2xsmall">default</Badge>}
          </div>
        ))}
      </div>
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "customer.details.after",
  id: "instantmerchant:customer",
})

export default CustomerInstantMerchantWidget
