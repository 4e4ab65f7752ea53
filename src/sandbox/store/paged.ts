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

/*
 * One class per element type, each written out. They must not come from one
 * factory function: closures made from the same function literal share one
 * feedback vector in V8, so the five classes' get and set saw all five
 * typed-array kinds and went megamorphic (about 5 % of the sandbox's busy
 * time under `npm run bench`). Written out, each element access sees one
 * kind.
 */

export class PagedInt32 implements Paged {
  private readonly pages: Int32Array[] = []
  get(i: number): number {
    return this.pages[i >>> PAGE_BITS][i & MASK]
  }
  set(i: number, value: number): void {
    this.pages[i >>> PAGE_BITS][i & MASK] = value
  }
  grow(capacity: number): void {
    while (this.pages.length * PAGE < capacity) this.pages.push(new Int32Array(PAGE))
  }
}

export class PagedUint32 implements Paged {
  private readonly pages: Uint32Array[] = []
  get(i: number): number {
    return this.pages[i >>> PAGE_BITS][i & MASK]
  }
  set(i: number, value: number): void {
    this.pages[i >>> PAGE_BITS][i & MASK] = value
  }
  grow(capacity: number): void {
    while (this.pages.length * PAGE < capacity) this.pages.push(new Uint32Array(PAGE))
  }
}

export class PagedUint16 implements Paged {
  private readonly pages: Uint16Array[] = []
  get(i: number): number {
    return this.pages[i >>> PAGE_BITS][i & MASK]
  }
  set(i: number, value: number): void {
    this.pages[i >>> PAGE_BITS][i & MASK] = value
  }
  grow(capacity: number): void {
    while (this.pages.length * PAGE < capacity) this.pages.push(new Uint16Array(PAGE))
  }
}

export class PagedUint8 implements Paged {
  private readonly pages: Uint8Array[] = []
  get(i: number): number {
    return this.pages[i >>> PAGE_BITS][i & MASK]
  }
  set(i: number, value: number): void {
    this.pages[i >>> PAGE_BITS][i & MASK] = value
  }
  grow(capacity: number): void {
    while (this.pages.length * PAGE < capacity) this.pages.push(new Uint8Array(PAGE))
  }
}

export class PagedFloat64 implements Paged {
  private readonly pages: Float64Array[] = []
  get(i: number): number {
    return this.pages[i >>> PAGE_BITS][i & MASK]
  }
  set(i: number, value: number): void {
    this.pages[i >>> PAGE_BITS][i & MASK] = value
  }
  grow(capacity: number): void {
    while (this.pages.length * PAGE < capacity) this.pages.push(new Float64Array(PAGE))
  }
}
