import { Button, Checkbox, Container, Heading, Input, Label, Text, Textarea } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { useState } from "react"
import { ErrorNote } from "../../../../admin/components/common"
import { money, toCents } from "../../../../admin/lib/format"
import { api } from "../lib/paths"
import { sdk } from "../lib/sdk"
import type { Invoice } from "../lib/types"
import { useAction } from "../lib/use-action"

type Row = { name: string; price: string }

function inDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)
}

/** The shop's customers whose email or name matches what the admin typed (two characters at least). */
function useCustomerSearch(search: string, enabled: boolean) {
  return useQuery({
    queryKey: ["instantmerchant", "customer-search", search],
    queryFn: () => sdk.admin.customer.list({ q: search, limit: 5, offset: 0 }),
    enabled: enabled && search.length >= 2,
  })
}

/**
 * A pay-later invoice for a customer (POST /admin/instantmerchant/invoices):
 * the customer, the items, the due date, and whether to email it now. The
 * route checks everything again and its message is shown as is.
 */
export function CreateInvoiceForm({ onCreated, onClose }: { onCreated: (invoice: Invoice) => void; onClose: () => void }) {
  const [search, setSearch] = useState("")
  const [customer, setCustomer] = useState<{ id: string; email: string } | null>(null)
  const [description, setDescription] = useState("")
  const [rows, setRows] = useState<Row[]>([{ name: "", price: "" }])
  const [dateDue, setDateDue] = useState(inDays(14))
  const [sendNow, setSendNow] = useState(true)
  const [sendTo, setSendTo] = useState("")
  const [formError, setFormError] = useState<string | null>(null)
  const customers = useCustomerSearch(search, !customer)
  const create = useAction<Record<string, unknown>, { invoice: Invoice }>(api.invoices)

  const items = rows.map((r) => ({ name: r.name.trim(), price: toCents(r.price) }))
  const total = items.reduce((sum, i) => sum + (Number.isNaN(i.price) ? 0 : i.price), 0)

  const submit = async () => {
    setFormError(null)
    if (!customer) return setFormError("customer: choose the customer to invoice")
    const bad = items.findIndex((i) => !i.name || Number.isNaN(i.price))
    if (bad >= 0) return setFormError(`items[${bad}]: give a name and a price in dollars, such as 12.50`)
    const body = {
      customer_id: customer.id,
      items,
      date_due: dateDue,
      send_now: sendNow,
      ...(description.trim() ? { description: description.trim() } : {}),
      ...(sendTo.trim() ? { send_invoice_to: sendTo.trim() } : {}),
    }
    const answer = await create.run(body, { done: "Invoice created" })
    if (answer) onCreated(answer.invoice)
  }

  return (
    <Container className="flex flex-col gap-y-4" data-testid="create-invoice-form">
      <Heading level="h2">New invoice</Heading>
      <div className="flex flex-col gap-y-2">
        <Label htmlFor="invoice-customer">Customer</Label>
        {customer ? (
          <div className="flex items-center gap-x-2">
            <Text size="small" data-testid="chosen-customer">
              {customer.email}
            </Text>
            <Button size="small" variant="transparent" onClick={() => setCustomer(null)}>
              Change
            </Button>
          </div>
        ) : (
          <>
            <Input id="invoice-customer" placeholder="Search by email or name" value={search} onChange={(e) => setSearch(e.target.value)} />
            <div className="flex flex-col">
              {(customers.data?.customers ?? []).map((c) => (
                <Button key={c.id} size="small" variant="transparent" className="justify-start" data-testid="customer-option" onClick={() => setCustomer({ id: c.id, email: c.email })}>
                  {c.email}
                  {c.first_name ? ` (${c.first_name} ${c.last_name ?? ""})` : ""}
                </Button>
              ))}
            </div>
          </>
        )}
      </div>
      <div className="flex flex-col gap-y-2">
        <Label htmlFor="invoice-description">Description</Label>
        <Textarea id="invoice-description" value={description} onChange={(e) => setDescription(e.target.value)} />
      </div>
      <div className="flex flex-col gap-y-2">
        <Label>Items</Label>
        {rows.map((row, i) => (
          <div key={i} className="flex gap-x-2">
            <Input
              placeholder="Item"
              aria-label={`Item ${i + 1} name`}
              value={row.name}
              onChange={(e) => setRows(rows.map((r, j) => (j === i ? { ...r, name: e.target.value } : r)))}
            />
            <Input
              placeholder="Price in $"
              aria-label={`Item ${i + 1} price`}
              value={row.price}
              onChange={(e) => setRows(rows.map((r, j) => (j === i ? { ...r, price: e.target.value } : r)))}
            />
            <Button variant="transparent" size="small" disabled={rows.length === 1} onClick={() => setRows(rows.filter((_, j) => j !== i))}>
              Remove
            </Button>
          </div>
        ))}
        <div className="flex items-center justify-between">
          <Button variant="secondary" size="small" onClick={() => setRows([...rows, { name: "", price: "" }])}>
            Add item
          </Button>
          <Text size="small">Total {money(total)}</Text>
        </div>
      </div>
      <div className="flex gap-x-4">
        <div className="flex flex-col gap-y-2">
          <Label htmlFor="invoice-due">Due date</Label>
          <Input id="invoice-due" type="date" value={dateDue} onChange={(e) => setDateDue(e.target.value)} />
        </div>
        <div className="flex flex-col gap-y-2">
          <Label htmlFor="invoice-send-to">Send to (optional)</Label>
          <Input id="invoice-send-to" type="email" placeholder="the customer's email" value={sendTo} onChange={(e) => setSendTo(e.target.value)} />
        </div>
      </div>
      <div className="flex items-center gap-x-2">
        <Checkbox id="invoice-send-now" checked={sendNow} onCheckedChange={(v) => setSendNow(v === true)} />
        <Label htmlFor="invoice-send-now">Email the invoice now</Label>
      </div>
      {formError && <ErrorNote error={{ message: formError }} />}
      <ErrorNote error={create.error} />
      <div className="flex justify-end gap-x-2">
        <Button variant="secondary" onClick={onClose}>
          Cancel
        </Button>
        <Button onClick={submit} isLoading={create.isLoading}>
          Create invoice
        </Button>
      </div>
    </Container>
  )
}
