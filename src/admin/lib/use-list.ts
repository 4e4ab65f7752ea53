import { useAdminCustomQuery } from "medusa-react"
import { useState } from "react"

type Query = Record<string, string | number>

/** What a plugin list route answers: the rows under their own name, and for a paged route the total. */
type ListAnswer = Record<string, unknown> & { count?: number }

export type ListOptions = {
  /**
   * Rows a page. Given, the list is paged and filtered by status
   * (`offset`, `limit` and `status` in the query, the previous page kept on
   * screen while the next one loads); omitted, it is one request, shown whole.
   */
  pageSize?: number
  /** The query of a list that is not paged (e.g. `{ customer_id, limit: 50 }`). */
  query?: Query
}

export type ListState<T> = {
  /** The rows, once the first answer came. */
  rows: T[] | undefined
  /** How many rows the route holds in all (paged routes answer it). */
  count: number | undefined
  error: unknown
  isLoading: boolean
  /** The status filter ("" for all) and the first row shown. */
  status: string
  offset: number
  pageSize: number
  /** Filters by a status, from its first page. */
  filter: (status: string) => void
  goTo: (offset: number) => void
}

/**
 * One list from a plugin admin route, as the Invoices and Subscriptions pages
 * and the customer widget show it: its rows, and for a paged list its status
 * filter and page. `field` names the answer's array (`"invoices"`, `"cards"`);
 * `queryKey` is medusa-react's key after the path.
 */
export function useList<T>(path: string, field: string, queryKey: unknown[], options: ListOptions = {}): ListState<T> {
  const [status, setStatus] = useState("")
  const [offset, setOffset] = useState(0)
  const pageSize = options.pageSize ?? 0
  const query = pageSize ? { offset, limit: pageSize, ...(status ? { status } : {}) } : options.query
  const { data, error, isLoading } = useAdminCustomQuery<Query, ListAnswer>(path, queryKey, query, pageSize ? { keepPreviousData: true } : undefined)
  return {
    rows: data?.[field] as T[] | undefined,
    count: data?.count,
    error,
    isLoading,
    status,
    offset,
    pageSize,
    filter: (value) => {
      setStatus(value)
      setOffset(0)
    },
    goTo: setOffset,
  }
}
