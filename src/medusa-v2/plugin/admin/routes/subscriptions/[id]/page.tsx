import { Button, Container, Heading, Table, Text, toast } from "@medusajs/ui"
import { Link, useParams } from "react-router-dom"
import { ErrorNote, Field, Status } from "../../../../../../admin/components/common"
import { date, dateTime, money } from "../../../../../../admin/lib/format"
import { api, paths } from "../../../lib/paths"
import type { Renewal, Subscription } from "../../../lib/types"
import { useAction } from "../../../lib/use-action"
import { useAdminGet } from "../../../lib/use-admin-get"

/** A subscription's renewals, oldest first, as the route answers them. */
function Renewals({ subscription: s }: { subscription: Subscription }) {
  const renewals = s.renewals ?? []
  if (renewals.length === 0) {
    return (
      <Text size="small" className="text-ui-fg-subtle px-6">
        No renewals yet.
      </Text>
    )
  }
  return (
    <Table data-testid="renewals">
      <Table.Header>
        <Table.Row>
          <Table.HeaderCell>Attempted</Table.HeaderCell>
          <Table.HeaderCell>Period</Table.HeaderCell>
          <Table.HeaderCell>Trigger</Table.HeaderCell>
          <Table.HeaderCell>Amount</Table.HeaderCell>
          <Table.HeaderCell>Charge</Table.HeaderCell>
          <Table.HeaderCell>Invoice</Table.HeaderCell>
          <Table.HeaderCell>Status</Table.HeaderCell>
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {renewals.map((r) => (
          <Table.Row key={r.id}>
            <Table.Cell>{dateTime(r.attempted_at)}</Table.Cell>
            <Table.Cell>
              {date(r.period_start)} – {date(r.period_end)}
            </Table.Cell>
            <Table.Cell>
              {r.trigger} #{r.attempt}
            </Table.Cell>
            <Table.Cell>{money(r.amount, s.currency_code)}</Table.Cell>
            <Table.Cell>{r.charge_id ?? "–"}</Table.Cell>
            <Table.Cell>{r.invoice_num ?? "–"}</Table.Cell>
            <Table.Cell>
              <div title={r.failure_message ?? undefined}>
                <Status value={r.status} />
              </div>
              {r.failure_message && (
                <Text size="xsmall" className="text-ui-fg-error">
                  {r.failure_message}
                </Text>
              )}
            </Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  )
}

/** One subscription, its renewals, and the admin's actions on it: renew now, cancel. */
const SubscriptionPage = () => {
  const { id = "" } = useParams()
  const { data, error } = useAdminGet<{ subscription: Subscription }>(api.subscription(id))
  const renew = useAction<{ expected_period_end?: string }, { renewal: Renewal | null }>(`${api.subscription(id)}/renew`)
  const cancel = useAction<Record<string, never>, unknown>(`${api.subscription(id)}/cancel`)
  const s = data?.subscription
  const live = s && (s.status === "active" || s.status === "past_due")
  return (
    <div className="flex flex-col gap-y-4">
      <Link to={paths.subscriptions} className="txt-compact-small text-ui-fg-subtle">
        ← Subscriptions
      </Link>
      <ErrorNote error={error} />
      {s && (
        <Container className="divide-y p-0" data-testid="subscription-detail">
          <div className="flex items-center justify-between px-6 py-4">
            <div className="flex items-center gap-x-3">
              <Heading level="h1">{s.id}</Heading>
              <span data-testid="subscription-status">
                <Status value={s.status} />
              </span>
            </div>
            <div className="flex gap-x-2">
              <Button
                variant="secondary"
                size="small"
                disabled={!live}
                isLoading={renew.isLoading}
                onClick={async () => {
                  // The period the admin saw: the route refuses to renew a period another renewal already moved on from.
                  const answer = await renew.run(
                    { expected_period_end: new Date(s.current_period_end).toISOString() },
                    {
                      confirm: {
                        title: "Renew now?",
                        description: `This charges ${money(s.amount, s.currency_code)} to the card ending ${s.card_last_4 ?? "?"} now, for the next ${s.interval} period.`,
                        confirmText: "Renew and charge",
                      },
                    }
                  )
                  if (answer?.renewal?.status === "failed") toast.error("Renewal declined", { description: answer.renewal.failure_message ?? "The card was declined" })
                  else if (answer) toast.success("Renewed", { description: `Paid until ${date(answer.renewal?.period_end)}` })
                }}
              >
                Renew now
              </Button>
              <Button
                variant="danger"
                size="small"
                disabled={!live}
                isLoading={cancel.isLoading}
                onClick={() =>
                  cancel.run(
                    {},
                    {
                      confirm: {
                        title: "Cancel the subscription?",
                        description: `No further ${s.interval} charges will be made at the gateway. The current period stays paid. This cannot be undone.`,
                        confirmText: "Cancel subscription",
                      },
                      done: `Subscription ${s.id} is canceled`,
                    }
                  )
                }
              >
                Cancel subscription
              </Button>
            </div>
          </div>
          <div className="px-6 py-2">
            <ErrorNote error={renew.error ?? cancel.error} />
          </div>
          <div className="grid grid-cols-2 gap-x-8 px-6 py-4">
            <div>
              <Field label="Customer">
                {s.customer_id ? (
                  <Link to={paths.customer(s.customer_id)} className="text-ui-fg-interactive">
                    {s.email ?? s.customer_id}
                  </Link>
                ) : (
                  s.email ?? "–"
                )}
              </Field>
              <Field label="Plan">
                {money(s.amount, s.currency_code)} {s.interval}
              </Field>
              <Field label="Card">{s.card_last_4 ? `•••• ${s.card_last_4}` : "–"}</Field>
              <Field label="First order">
                {s.order_id ? (
                  <Link to={paths.order(s.order_id)} className="text-ui-fg-interactive">
                    {s.order_id}
                  </Link>
                ) : (
                  "–"
                )}
              </Field>
            </div>
            <div>
              <Field label="Gateway subscription">{s.gateway_subscription_id}</Field>
              <Field label="Paid period">
                {date(s.current_period_start)} – {date(s.current_period_end)}
              </Field>
              <Field label="Next renewal">{live ? dateTime(s.next_renewal_at) : "–"}</Field>
              <Field label="Declined attempts">{s.failed_attempts}</Field>
              {s.canceled_at && <Field label="Canceled">{dateTime(s.canceled_at)}</Field>}
            </div>
          </div>
          <div className="py-4">
            <Text size="small" weight="plus" className="px-6 pb-2">
              Renewals
            </Text>
            <Renewals subscription={s} />
          </div>
        </Container>
      )}
    </div>
  )
}

export default SubscriptionPage
