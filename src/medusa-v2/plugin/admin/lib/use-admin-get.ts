import { keepPreviousData, useQuery } from "@tanstack/react-query"
import { sdk } from "./sdk"

type Query = Record<string, string | number | undefined>

/**
 * A GET of one of the plugin's admin routes, cached under "instantmerchant"
 * (which every action refreshes), keeping the previous page on screen while
 * the next one loads.
 */
export function useAdminGet<T>(path: string, query?: Query, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: ["instantmerchant", path, query ?? {}],
    queryFn: () => sdk.client.fetch<T>(path, { query }),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  })
}
