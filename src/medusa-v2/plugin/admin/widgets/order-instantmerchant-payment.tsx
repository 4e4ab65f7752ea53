import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { Button, Container, Heading, Table, Text } from "@medusajs/ui"
import { useEffect, useState } from "react"
import { Link } from "react-router-dom"
import { ErrorNote, Field, Status } from "../../../../admin/components/common"
import { dateTime, expiry, money, timeUntil } from "../../../../admin/lib/format"
import { type OrderPayment, type OrderWithPayments, orderPayments } from "../lib/order-payments"
import { api, paths } from "../lib/paths"
import type { List, Subscription } from "../lib/types"
import { useAction } from "../lib/use-action"
import { useAdminGet } from "../lib/use-admin-get"

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

function ResendInvoice({ invoiceNum }: { invoiceNum: number }) {
  const send = useAction<Record<string, never>, unknown>(`${api.invoice(invoiceNum)}/send`)
  return (
    <div className="flex flex-col gap-y-2">
      <div className="flex items-center justify-between">
        <Text size="small" className="text-ui-fg-subtle">
          Invoice
        </Text>
        <div className="flex items-center gap-x-2">
          <Link to={paths.invoice(invoiceNum)} className="txt-compact-small text-ui-fg-interactive" data-testid="invoice-link">
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
function SubscriptionLink({ order, gatewayId }: { order: AdminOrder; gatewayId: string }) {
  const customerId = order.customer_id ?? ""
  const { data } = useAdminGet<List<"subscriptions", Subscription>>(api.subscriptions, { customer_id: customerId, limit: 100 }, { enabled: !!customerId })
  const found = data?.subscriptions.find((s) => s.gateway_subscription_id === gatewayId || s.order_id === order.id)
  return (
    <Field label="Subscription">
      {found ? (
        <Link to={paths.subscription(found.id)} className="text-ui-fg-interactive" data-testid="subscription-link">
          {found.id} ({found.interval}, {found.status.replace("_", " ")})
        </Link>
      ) : (
        gatewayId
      )}
    </Field>
  )
}

function PaymentPanel({ payment, order }: { payment: OrderPayment; order: AdminOrder }) {
  const d = payment.data
  const refunds = d.refunds ?? []
  return (
    <div className="flex flex-col gap-y-3 px-6 py-4" data-testid="instantmerchant-payment">
      <div className="flex items-center justify-between">
        <Text size="small" weight="plus">
          {payment.kind === "invoice" ? "Pay by invoice" : "Card"}
        </Text>
        <span data-testid="payment-mode">
          <Status value={payment.state} />
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
        {payment.state === "authorized" && d.authorization_expires_at && <AuthorizationExpiry at={d.authorization_expires_at} />}
      </div>
      <div>
        <Field label="Authorized">{money(payment.authorized, payment.currency)}</Field>
        <Field label="Captured" testId="captured-amount">
          {money(payment.captured, payment.currency)}
        </Field>
        <Field label="Refunded" testId="refunded-amount">
          {money(payment.refunded, payment.currency)}
        </Field>
        <Field label="Remaining" testId="remaining-amount">
          {money(payment.remaining, payment.currency)}
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
                <Table.Cell className="text-right">{money(r.amount, payment.currency)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      {d.invoice_num !== undefined && d.invoice_num !== null && <ResendInvoice invoiceNum={d.invoice_num} />}
      {d.subscription_id && <SubscriptionLink order={order} gatewayId={d.subscription_id} />}
    </div>
  )
}

/**
 * InstantMerchant's view of an order's payments. It reads the payment data
 * from the order the page already holds (the core admin API returns the
 * payment collections with their payments' data), so it follows the
 * dashboard's own capture and refund buttons: they refetch the order, and
 * the page hands it down again.
 */
const OrderInstantMerchantWidget = ({ data: order }: DetailWidgetProps<AdminOrder>) => {
  const payments = orderPayments(order as unknown as OrderWithPayments)
  if (payments.length === 0) return null
  return (
    <Container className="divide-y p-0" data-testid="instantmerchant-order-widget">
      <div className="px-6 py-4">
        <Heading level="h2">InstantMerchant</Heading>
      </div>
      {payments.map((p) => (
        <PaymentPanel key={p.id} payment={p} order={order} />
      ))}
    </Container>
  )
}

export const config = defineWidgetConfig({
  zone: "order.details.after",
  id: "instantmerchant:order-payment",
})

export default OrderInstantMerchantWidget
