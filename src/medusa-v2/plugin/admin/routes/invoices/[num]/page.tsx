import { Button, Container, Heading, Input, Label, Select, Table, Text } from "@medusajs/ui"
import { useState } from "react"
import { Link, useParams } from "react-router-dom"
import { ErrorNote, Field, Status } from "../../../../../../admin/components/common"
import { dateTime, expiry, money, toCents } from "../../../../../../admin/lib/format"
import { api, paths } from "../../../lib/paths"
import type { Invoice, SavedCard } from "../../../lib/types"
import { useAction } from "../../../lib/use-action"
import { useAdminGet } from "../../../lib/use-admin-get"

type Props = { invoice: Invoice }

/** Charge an open invoice with one of the customer's saved cards. Card details are never typed here. */
function ChargePanel({ invoice }: Props) {
  const cards = useAdminGet<{ cards: SavedCard[] }>(api.customerCards(invoice.customer_id ?? ""), undefined, { enabled: !!invoice.customer_id })
  const [cardId, setCardId] = useState<string>("")
  const [mode, setMode] = useState<"auth_and_capture" | "auth_only">("auth_and_capture")
  const charge = useAction<{ card_id: string; payment_mode: string }, { invoice: Invoice }>(`${api.invoice(invoice.invoice_num)}/charge`)
  const list = cards.data?.cards ?? []
  const chosen = list.find((c) => c.card_id === cardId) ?? list.find((c) => c.is_default) ?? list[0]
  return (
    <div className="flex flex-col gap-y-2 px-6 py-4" data-testid="charge-panel">
      <Text size="small" weight="plus">
        Charge with a saved card
      </Text>
      <ErrorNote error={cards.error} />
      {cards.data && list.length === 0 && (
        <Text size="small" className="text-ui-fg-subtle">
          This customer has no saved card. They can pay from the emailed invoice.
        </Text>
      )}
      {list.length > 0 && chosen && (
        <div className="flex flex-wrap items-end gap-2">
          <div className="flex flex-col gap-y-1">
            <Label size="small">Card</Label>
            <Select value={chosen.card_id} onValueChange={setCardId}>
              <Select.Trigger aria-label="Card" data-testid="card-select">
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                {list.map((c) => (
                  <Select.Item key={c.card_id} value={c.card_id}>
                    •••• {c.last_4}, expires {expiry(c.exp_month, c.exp_year)}
                    {c.is_default ? " (default)" : ""}
                  </Select.Item>
                ))}
              </Select.Content>
            </Select>
          </div>
          <div className="flex flex-col gap-y-1">
            <Label size="small">Mode</Label>
            <Select value={mode} onValueChange={(v) => setMode(v as typeof mode)}>
              <Select.Trigger aria-label="Mode">
                <Select.Value />
              </Select.Trigger>
              <Select.Content>
                <Select.Item value="auth_and_capture">Charge now</Select.Item>
                <Select.Item value="auth_only">Authorize only, capture later</Select.Item>
              </Select.Content>
            </Select>
          </div>
          <Button
            size="small"
            isLoading={charge.isLoading}
            onClick={() =>
              charge.run(
                { card_id: chosen.card_id, payment_mode: mode },
                {
                  confirm: {
                    title: mode === "auth_only" ? "Authorize the invoice?" : "Charge the invoice?",
                    description: `${mode === "auth_only" ? "Authorizes" : "Charges"} ${money(invoice.amount, invoice.currency)} on the card ending ${chosen.last_4} for invoice #${invoice.invoice_num}.`,
                    confirmText: mode === "auth_only" ? "Authorize" : "Charge",
                  },
                  done: `Invoice ${invoice.invoice_num} is paid`,
                }
              )
            }
          >
            {mode === "auth_only" ? "Authorize" : "Charge"} {money(invoice.amount, invoice.currency)}
          </Button>
        </div>
      )}
      <ErrorNote error={charge.error} />
    </div>
  )
}

/** Refund part or all of what was captured, as many times as money is left. */
function RefundPanel({ invoice }: Props) {
  const left = invoice.amount - invoice.amount_refunded
  const [amount, setAmount] = useState("")
  const refund = useAction<{ amount: number }, { invoice: Invoice }>(`${api.invoice(invoice.invoice_num)}/refund`)
  const cents = toCents(amount)
  return (
    <div className="flex flex-col gap-y-2 px-6 py-4" data-testid="refund-panel">
      <Text size="small" weight="plus">
        Refund ({money(left, invoice.currency)} left)
      </Text>
      <div className="flex items-end gap-x-2">
        <Input aria-label="Refund amount" placeholder="Amount in $" value={amount} onChange={(e) => setAmount(e.target.value)} className="max-w-[160px]" />
        <Button
          size="small"
          variant="secondary"
          disabled={Number.isNaN(cents) || cents <= 0}
          isLoading={refund.isLoading}
          onClick={async () => {
            const done = await refund.run(
              { amount: cents },
              {
                confirm: { title: "Refund?", description: `Refunds ${money(cents, invoice.currency)} of invoice #${invoice.invoice_num} to the card ending ${invoice.card_last_4 ?? "?"}.`, confirmText: "Refund" },
                done: `Refunded ${money(cents, invoice.currency)}`,
              }
            )
            if (done) setAmount("")
          }}
        >
          Refund
        </Button>
      </div>
      <ErrorNote error={refund.error} />
    </div>
  )
}

/** One invoice: its items, payment and refunds, and the actions its state allows. */
const InvoicePage = () => {
  const { num: invoice_num = "" } = useParams()
  const { data, error } = useAdminGet<{ invoice: Invoice }>(api.invoice(invoice_num))
  const send = useAction<Record<string, never>, unknown>(`${api.invoice(invoice_num)}/send`)
  const capture = useAction<Record<string, never>, unknown>(`${api.invoice(invoice_num)}/capture`)
  const inv = data?.invoice
  const adminInvoice = inv && !inv.cart_id
  const paid = inv && !!inv.charge_id
  return (
    <div className="flex flex-col gap-y-4">
      <Link to={paths.invoices} className="txt-compact-small text-ui-fg-subtle">
        ← Invoices
      </Link>
      <ErrorNote error={error} />
      {inv && (
        <Container className="divide-y p-0" data-testid="invoice-detail">
          <div className="flex items-center justify-between px-6 py-4">
            <div className="flex items-center gap-x-3">
              <Heading level="h1">Invoice #{inv.invoice_num}</Heading>
              <span data-testid="invoice-status">
                <Status value={inv.status} />
              </span>
            </div>
            <div className="flex gap-x-2">
              <Button size="small" variant="secondary" isLoading={send.isLoading} onClick={() => send.run({}, { done: `Invoice ${inv.invoice_num} was sent` })}>
                Send invoice
              </Button>
              {adminInvoice && paid && !inv.captured && !inv.released && (
                <Button
                  size="small"
                  isLoading={capture.isLoading}
                  onClick={() =>
                    capture.run(
                      {},
                      {
                        confirm: { title: "Capture?", description: `Captures the ${money(inv.amount, inv.currency)} authorized on the card ending ${inv.card_last_4 ?? "?"}.`, confirmText: "Capture" },
                        done: `Captured ${money(inv.amount, inv.currency)}`,
                      }
                    )
                  }
                >
                  Capture
                </Button>
              )}
            </div>
          </div>
          <div className="px-6">
            <ErrorNote error={send.error ?? capture.error} />
          </div>
          <div className="grid grid-cols-2 gap-x-8 px-6 py-4">
            <div>
              <Field label="Customer">{inv.customer_id ? <Link to={paths.customer(inv.customer_id)} className="text-ui-fg-interactive">{inv.customer_id}</Link> : "–"}</Field>
              {inv.order_id && (
                <Field label="Order">
                  <Link to={paths.order(inv.order_id)} className="text-ui-fg-interactive">
                    {inv.order_id}
                  </Link>
                </Field>
              )}
              <Field label="Description">{inv.description ?? "–"}</Field>
              <Field label="Due">{inv.date_due ?? "–"}</Field>
              <Field label="Sent" testId="invoice-sent">
                {inv.sent_at.length ? `${inv.sent_at.length}×, last ${dateTime(inv.sent_at[inv.sent_at.length - 1])}` : "not yet"}
              </Field>
            </div>
            <div>
              <Field label="Charge" testId="invoice-charge">
                {inv.charge_id ?? "–"}
              </Field>
              <Field label="Card">{inv.card_last_4 ? `•••• ${inv.card_last_4}` : "–"}</Field>
              <Field label="Mode">{inv.payment_mode ?? "–"}</Field>
              <Field label="Captured">{inv.captured ? "yes" : inv.released ? "released" : "no"}</Field>
              <Field label="Refunded" testId="invoice-refunded">
                {money(inv.amount_refunded, inv.currency)}
              </Field>
            </div>
          </div>
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Item</Table.HeaderCell>
                <Table.HeaderCell className="text-right">Price</Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {inv.items.map((item, i) => (
                <Table.Row key={i}>
                  <Table.Cell>{item.name}</Table.Cell>
                  <Table.Cell className="text-right">{money(item.price, inv.currency)}</Table.Cell>
                </Table.Row>
              ))}
              <Table.Row>
                <Table.Cell className="font-medium">Total</Table.Cell>
                <Table.Cell className="text-right font-medium">{money(inv.amount, inv.currency)}</Table.Cell>
              </Table.Row>
            </Table.Body>
          </Table>
          {inv.refunds.length > 0 && (
            <div className="py-4">
              <Text size="small" weight="plus" className="px-6 pb-2">
                Refunds
              </Text>
              <Table data-testid="invoice-refunds">
                <Table.Body>
                  {inv.refunds.map((r) => (
                    <Table.Row key={r.refund_id}>
                      <Table.Cell>{r.refund_id}</Table.Cell>
                      <Table.Cell>{dateTime(r.created_at)}</Table.Cell>
                      <Table.Cell className="text-right">{money(r.amount, inv.currency)}</Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </div>
          )}
          {adminInvoice && !paid && <ChargePanel invoice={inv} />}
          {adminInvoice && paid && inv.captured && inv.amount_refunded < inv.amount && <RefundPanel invoice={inv} />}
          {!adminInvoice && (
            <Text size="small" className="text-ui-fg-subtle px-6 py-4">
              A checkout invoice: capture and refund it from its order.
            </Text>
          )}
        </Container>
      )}
    </div>
  )
}

export default InvoicePage
