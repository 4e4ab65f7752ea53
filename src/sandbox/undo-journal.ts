/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * A view of `root` that records every write made through it, so that a
 * change that fails half-way can be undone exactly.
 *
 * It replaces a deep copy of the whole environment before each request,
 * which made every request cost as much as the state it held (measured by
 * `npm run bench`: 17 ms a request at 8,000 charges, and growing). The journal
 * costs only the writes a request makes. The state is plain objects and
 * arrays, which is all a Proxy needs to see every write.
 */
export function journaled<T extends object>(root: T): { draft: T; undo(): void } {
  const undo: Array<() => void> = []
  const proxyOf = new WeakMap<object, object>()
  const targetOf = new WeakMap<object, object>()
  // A value read through the view and stored again must be stored as itself, not as its view.
  const raw = (value: unknown): unknown => (value !== null && typeof value === "object" && targetOf.has(value) ? targetOf.get(value) : value)

  const view = <U extends object>(target: U): U => {
    const known = proxyOf.get(target)
    if (known) return known as U
    const proxy = new Proxy(target, {
      get(t, key) {
        const value = (t as any)[key]
        return value !== null && typeof value === "object" ? view(value) : value
      },
      set(t, key, value) {
        const had = Object.prototype.hasOwnProperty.call(t, key)
        const old = (t as any)[key]
        // Writing past an array's end grows its length without a write to "length".
        const length = Array.isArray(t) ? t.length : undefined
        undo.push(() => {
          if (had) (t as any)[key] = old
          else delete (t as any)[key]
          if (length !== undefined) (t as any[]).length = length
        })
        ;(t as any)[key] = raw(value)
        return true
      },
      deleteProperty(t, key) {
        if (!Object.prototype.hasOwnProperty.call(t, key)) return true
        const old = (t as any)[key]
        undo.push(() => ((t as any)[key] = old))
        delete (t as any)[key]
        return true
      },
    })
    proxyOf.set(target, proxy)
    targetOf.set(proxy, target)
    return proxy as U
  }

  return {
    draft: view(root),
    undo() {
      // Newest first: an array's length is restored before the index it grew by is removed.
      for (let i = undo.length - 1; i >= 0; i--) undo[i]()
      undo.length = 0
    },
  }
}
