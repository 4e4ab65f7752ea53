/**
 * A growing array of numbers in fixed pages of one typed-array type. Pages
 * are added, never copied or freed: doubling one array and dropping the old
 * one left freed blocks that the allocator kept resident, several MB at
 * 100,000 charges. A page not yet written costs no resident memory.
 */
export interface Paged {
  get(i: number): number
  set(i: number, value: number): void
  /** Makes room for indexes below `capacity`. */
  grow(capacity: number): void
}

export const PAGE_BITS = 14
const PAGE = 1 << PAGE_BITS
const MASK = PAGE - 1

type NumberArray = Int32Array | Uint32Array | Uint16Array | Uint8Array | Float64Array

/**
 * A class per element type, each with its own methods (and so its own type
 * feedback): one class shared by every type would make each element access
 * polymorphic.
 */
function pagedClass(make: (n: number) => NumberArray): new () => Paged {
  return class implements Paged {
    private readonly pages: NumberArray[] = []
    get(i: number): number {
      return this.pages[i >>> PAGE_BITS][i & MASK]
    }
    set(i: number, value: number): void {
      this.pages[i >>> PAGE_BITS][i & MASK] = value
    }
    grow(capacity: number): void {
      while (this.pages.length * PAGE < capacity) this.pages.push(make(PAGE))
    }
  }
}

export const PagedInt32 = pagedClass((n) => new Int32Array(n))
export const PagedUint32 = pagedClass((n) => new Uint32Array(n))
export const PagedUint16 = pagedClass((n) => new Uint16Array(n))
export const PagedUint8 = pagedClass((n) => new Uint8Array(n))
export const PagedFloat64 = pagedClass((n) => new Float64Array(n))
