import type { OrderDetailsWidgetProps, WidgetConfig } from "@medusajs/admin"
import { Button, Container, Heading, Table, Text } from "@medusajs/ui"
import { useAdminCustomQuery } from "medusa-react"
import { useEffect, useState } from "react"
import { Link } from "react-router-dom"
import { ErrorNote, Field, Status } from "../components/common"
import { dateTime, expiry, money, timeUntil } from "../lib/format"
import type { List, Refund, Subscription } from "../lib/types"
import { useAction } from "../lib/use-action"

const PROVIDERS = ["instantmerchant", "instantmerchant-invoice"]

type PaymentData = {
  charge_id?: string
  card_last_4?: string
  card_exp_month?: number
  card_exp_year?: number
  payment_mode?: "auth_only" | "auth_and_capture"
  captured?: boolean
  released?: boolean
  authorization_expires_at?: string
  amount_refunded?: number
  refunds?: Refund[]
  invoice_num?: number
  subscription_id?: string
  interval?: string
}

type Payment = { id: string; provider_id: string; amount: number; currency_code: string; amount_refunded: number; captured_at: string | null; data: PaymentData }

/** The authorization's countdown, refreshed every minute. */
function AuthorizationExpiry({ at }: { at: string }) {
  const [now, setNow] = useState(() => new Date())
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 60_000)
    return () => clearInterval(timer)
  }, [])
  const expires = new Date(at)
  if (expires.getTime() > now.getTime()) {
    return (
      <Field label="Authorization" testId="authorization-expiry">
        expires {timeUntil(expires, now)} ({dateTime(expires)})
      </Field>
    )
  }
  return (
    <div className="bg-ui-bg-subtle rounded-md p-3" data-testid="authorization-expired">
      <Text size="small" weight="plus" className="text-ui-fg-error">
        Authorization expired on {dateTime(expires)}
      </Text>
      <Text size="small" className="text-ui-fg-subtle">
        Uncaptured charges expire 7 days after authorization and can no longer be captured. Cancel the order to release it, and ask the customer to pay
        again, for example with an invoice from the Invoices page.
      </Text>
    </div>
  )
}

function ResendInvoice({ invoiceNum, notify }: { invoiceNum: number; notify: OrderDetailsWidgetProps["notify"] }) {
  const send = useAction<Record<string, never>, unknown>(`/instantmerchant/invoices/${invoiceNum}/send`, notify)
  return (
    <div className="flex flex-col gap-y-2">
      <div className="flex items-center justify-between">
        <Text size="small" className="text-ui-fg-subtle">
          Invoice
        </Text>
        <div className="flex items-center gap-x-2">
          <Link to={`/a/invoices/${invoiceNum}`} className="txt-compact-small text-ui-fg-interactive" data-testid="invoice-link">
            #{invoiceNum}
          </Link>
          <Button size="small" variant="secondary" isLoading={send.isLoading} onClick={() => send.run({}, { done: `Invoice ${invoiceNum} was sent again` })}>
            Re-send invoice
          </Button>
        </div>
      </div>
      <ErrorNote error={send.error} />
    </div>
  )
}

/** The subscription this order opened, found among its customer's. */
function SubscriptionLink({ order, gatewayId }: { order: OrderDetailsWidgetProps["order"]; gatewayId: string }) {
  const { data } = useAdminCustomQuery<{ customer_id: string; limit: number }, List<"subscriptions", Subscription>>(
    "/instantmerchant/subscriptions",
    ["order-subscription", order.id],
    { customer_id: order.customer_id, limit: 100 },
    { enabled: !!order.customer_id }
  )
  const found = data?.subscriptions.find((s) => s.gateway_subscription_id === gatewayId || s.order_id === order.id)
  return (
    <Field label="Subscription">
      {found ? (
        <Link to={`/a/subscriptions/${found.id}`} className="text-ui-fg-interactive" data-testid="subscription-link">
          {found.id} ({found.interval}, {found.status.replace("_", " ")})
        </Link>
      ) : (
        gatewayId
      )}
    </Field>
  )
}

function PaymentPanel({ payment, order, notify }: { payment: Payment; order: OrderDetailsWidgetProps["order"]; notify: OrderDetailsWidgetProps["notify"] }) {
  const d = payment.data ?? {}
  // Medusa's captured_at, or the gateway's word (auth_and_capture charges are captured at once).
  const captured = !!payment.captured_at || d.captured === true
  const refunded = d.amount_refunded ?? payment.amount_refunded ?? 0
  const capturedAmount = captured ? payment.amount : 0
  const mode = d.released ? "released" : d.charge_id ? (captured ? "captured" : "authorized") : "pending"
  const refunds = d.refunds ?? []
  return (
    <div className="flex flex-col gap-y-3 px-6 py-4" data-testid="instantmerchant-payment">
      <div className="flex items-center justify-between">
        <Text size="small" weight="plus">
          {payment.provider_id === "instantmerchant-invoice" ? "Pay by invoice" : "Card"}
        </Text>
        <span data-testid="payment-mode">
          <Status value={mode} />
        </span>
      </div>
      <div>
        <Field label="Charge" testId="charge-id">
          {d.charge_id ?? "–"}
        </Field>
        <Field label="Card" testId="card">
          {d.card_last_4 ? `•••• ${d.card_last_4}, expires ${expiry(d.card_exp_month, d.card_exp_year)}` : "–"}
        </Field>
        <Field label="Mode">{d.payment_mode === "auth_and_capture" ? "charged at once (auth and capture)" : "authorize, capture later"}</Field>
        {!captured && !d.released && d.authorization_expires_at && <AuthorizationExpiry at={d.authorization_expires_at} />}
      </div>
      <div>
        <Field label="Authorized">{money(payment.amount, payment.currency_code)}</Field>
        <Field label="Captured" testId="captured-amount">
          {money(capturedAmount, payment.currency_code)}
        </Field>
        <Field label="Refunded" testId="refunded-amount">
          {money(refunded, payment.currency_code)}
        </Field>
        <Field label="Remaining" testId="remaining-amount">
          {money(Math.max(capturedAmount - refunded, 0), payment.currency_code)}
        </Field>
      </div>
      {refunds.length > 0 && (
        <Table data-testid="refund-history">
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell>Refund</Table.HeaderCell>
              <Table.HeaderCell>Date</Table.HeaderCell>
              <Table.HeaderCell className="text-right">Amount</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {refunds.map((r) => (
              <Table.Row key={r.refund_id}>
                <Table.Cell>{r.refund_id}</Table.Cell>
                <Table.Cell>{dateTime(r.created_at)}</Table.Cell>
                <Table.Cell className="text-right">{money(r.amount, payment.currency_code)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      {d.invoice_num !== undefined && d.invoice_num !== null && <ResendInvoice invoiceNum={d.invoice_num} notify={notify} />}
      {d.subscription_id && <SubscriptionLink order={order} gatewayId={d.subscription_id} />}
    </div>
  )
}

/**
 * InstantMerchant's view of an order's payment. It reads the payment data
 * from the order the page already holds, so it follows Medusa's own capture
 * and refund buttons: they invalidate the order query, and the page hands
 * the refetched order down.
 */
const OrderInstantMerchantWidget = ({ order, notify }: OrderDetailsWidgetProps) => {
  const payments = ((order.payments ?? []) as unknown as Payment[]).filter((p) => PROVIDERS.includes(p.provider_id))
  if (payments.length === 0) return null
  return (
    <Container className="divide-y p-0" data-testid="instantmerchant-order-widget">
      <div className="px-6 py-4">
        <Heading level="h2">InstantMerchant</Heading>
      </div>
      {payments.map((p) => (
        <PaymentPanel key={p.id} payment={p} order={order} notify={notify} />
      ))}
    </Container>
  )
}

export const config: WidgetConfig = {
  zone: "order.details.after",
}

export default OrderInstantMerchantWidget
