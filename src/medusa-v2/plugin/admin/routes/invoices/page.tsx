import { defineRouteConfig } from "@medusajs/admin-sdk"
import { DocumentText } from "@medusajs/icons"
import { Button, Container, Heading, Table, Text } from "@medusajs/ui"
import { useState } from "react"
import { useNavigate } from "react-router-dom"
import { ErrorNote, Pagination, Status, StatusFilter } from "../../../../../admin/components/common"
import { money } from "../../../../../admin/lib/format"
import { CreateInvoiceForm } from "../../components/create-invoice-form"
import { api, paths } from "../../lib/paths"
import type { Invoice, List } from "../../lib/types"
import { useAdminGet } from "../../lib/use-admin-get"

const LIMIT = 20
const FILTERS = [
  { value: "", label: "All" },
  { value: "open", label: "Open" },
  { value: "paid", label: "Paid" },
  { value: "partially_refunded", label: "Partially refunded" },
  { value: "refunded", label: "Refunded" },
]

/** The shop's InstantMerchant invoices (checkout and admin ones), newest first, and the form for a new one. */
const InvoicesPage = () => {
  const navigate = useNavigate()
  const [creating, setCreating] = useState(false)
  const [status, setStatus] = useState("")
  const [offset, setOffset] = useState(0)
  const { data, error, isLoading } = useAdminGet<List<"invoices", Invoice>>(api.invoices, { offset, limit: LIMIT, status: status || undefined })
  return (
    <div className="flex flex-col gap-y-4">
      {creating && <CreateInvoiceForm onClose={() => setCreating(false)} onCreated={(invoice) => navigate(paths.invoice(invoice.invoice_num))} />}
      <Container className="p-0" data-testid="invoices-page">
        <div className="flex items-center justify-between px-6 py-4">
          <div>
            <Heading level="h1">Invoices</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              InstantMerchant invoices: paid at checkout, or made out here and paid later.
            </Text>
          </div>
          <Button size="small" variant="secondary" onClick={() => setCreating(true)} disabled={creating}>
            Create invoice
          </Button>
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
              <Table.HeaderCell>Invoice</Table.HeaderCell>
              <Table.HeaderCell>Description</Table.HeaderCell>
              <Table.HeaderCell>Customer</Table.HeaderCell>
              <Table.HeaderCell>Due</Table.HeaderCell>
              <Table.HeaderCell>Amount</Table.HeaderCell>
              <Table.HeaderCell>Status</Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {data?.invoices.map((inv) => (
              <Table.Row key={inv.id} className="cursor-pointer" data-testid="invoice-row" onClick={() => navigate(paths.invoice(inv.invoice_num))}>
                <Table.Cell>#{inv.invoice_num}</Table.Cell>
                <Table.Cell>{inv.description ?? (inv.order_id ? "checkout" : "–")}</Table.Cell>
                <Table.Cell>{inv.customer_id ?? "–"}</Table.Cell>
                <Table.Cell>{inv.date_due ?? "–"}</Table.Cell>
                <Table.Cell>{money(inv.amount, inv.currency)}</Table.Cell>
                <Table.Cell>
                  <Status value={inv.status} />
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
        {data && data.invoices.length === 0 && (
          <Text size="small" className="text-ui-fg-subtle px-6 py-4">
            No invoices{status ? ` with status ${status.replace("_", " ")}` : ""}.
          </Text>
        )}
        {isLoading && (
          <Text size="small" className="text-ui-fg-subtle px-6 py-4">
            Loading…
          </Text>
        )}
        {data && <Pagination offset={offset} limit={LIMIT} count={data.count} onChange={setOffset} />}
      </Container>
    </div>
  )
}

export const config = defineRouteConfig({
  label: "Invoices",
  icon: DocumentText,
})

export default InvoicesPage
