import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ArrowPath } from "@medusajs/icons"
import { Container, Heading, Table, Text } from "@medusajs/ui"
import { useState } from "react"
import { useNavigate } from "react-router-dom"
import { ErrorNote, Pagination, Status, StatusFilter } from "../../../../../admin/components/common"
import { date, money } from "../../../../../admin/lib/format"
import { api, paths } from "../../lib/paths"
import type { List, Subscription } from "../../lib/types"
import { useAdminGet } from "../../lib/use-admin-get"

const LIMIT = 20
const FILTERS = [
  { value: "", label: "All" },
  { value: "active", label: "Active" },
  { value: "past_due", label: "Past due" },
  { value: "canceled", label: "Canceled" },
  { value: "expired", label: "Expired" },
]

/** Every InstantMerchant subscription of the shop, newest first, by status. */
const SubscriptionsPage = () => {
  const navigate = useNavigate()
  const [status, setStatus] = useState("")
  const [offset, setOffset] = useState(0)
  const { data, error, isLoading } = useAdminGet<List<"subscriptions", Subscription>>(api.subscriptions, { offset, limit: LIMIT, status: status || undefined })
  return (
    <Container className="p-0" data-testid="subscriptions-page">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading level="h1">Subscriptions</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Recurring InstantMerchant charges: renewed by the plugin's job, or from here.
          </Text>
        </div>
      </div>
      <StatusFilter
        filters={FILTERS}
        value={status}
        onChange={(value) => {
          setStatus(value)
          setOffset(0)
        }}
      />
      <div className="px-6">
        <ErrorNote error={error} />
      </div>
      <Table>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell>Subscription</Table.HeaderCell>
            <Table.HeaderCell>Customer</Table.HeaderCell>
            <Table.HeaderCell>Plan</Table.HeaderCell>
            <Table.HeaderCell>Card</Table.HeaderCell>
            <Table.HeaderCell>Paid until</Table.HeaderCell>
            <Table.HeaderCell>Next renewal</Table.HeaderCell>
            <Table.HeaderCell>Status</Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {data?.subscriptions.map((s) => (
            <Table.Row key={s.id} className="cursor-pointer" data-testid="subscription-row" onClick={() => navigate(paths.subscription(s.id))}>
              <Table.Cell>{s.id}</Table.Cell>
              <Table.Cell>{s.email ?? s.customer_id ?? "–"}</Table.Cell>
              <Table.Cell>
                {money(s.amount, s.currency_code)} {s.interval}
              </Table.Cell>
              <Table.Cell className="whitespace-nowrap">{s.card_last_4 ? `•••• ${s.card_last_4}` : "–"}</Table.Cell>
              <Table.Cell>{date(s.current_period_end)}</Table.Cell>
              <Table.Cell>{s.status === "active" || s.status === "past_due" ? date(s.next_renewal_at) : "–"}</Table.Cell>
              <Table.Cell>
                <Status value={s.status} />
              </Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      {data && data.subscriptions.length === 0 && (
        <Text size="small" className="text-ui-fg-subtle px-6 py-4">
          No subscriptions{status ? ` with status ${status.replace("_", " ")}` : ""}.
        </Text>
      )}
      {isLoading && (
        <Text size="small" className="text-ui-fg-subtle px-6 py-4">
          Loading…
        </Text>
      )}
      {data && <Pagination offset={offset} limit={LIMIT} count={data.count} onChange={setOffset} />}
    </Container>
  )
}

export const config = defineRouteConfig({
  label: "Subscriptions",
  icon: ArrowPath,
})

export default SubscriptionsPage
