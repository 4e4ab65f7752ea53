/** The fault matrix's cells, and the table printed at the end of the run. */
export interface CellResult {
  ok: boolean
  /** Why it failed, or what the person was told. */
  note: string
}

export class FaultMatrix {
  private readonly cells = new Map<string, Map<string, CellResult>>()

  constructor(
    private readonly ops: string[],
    private readonly faultNames: string[]
  ) {}

  record(op: string, fault: string, result: CellResult): void {
    if (!this.cells.has(op)) this.cells.set(op, new Map())
    this.cells.get(op)!.set(fault, result)
  }

  failures(fault?: string): string[] {
    const out: string[] = []
    for (const op of this.ops) {
      for (const f of this.faultNames) {
        const cell = this.cells.get(op)?.get(f)
        if (cell && !cell.ok && (fault === undefined || f === fault)) out.push(`${op} × ${f}: ${cell.note}`)
      }
    }
    return out
  }

  /** What each cell saw: `maybe → succeeded`, or why it failed. */
  notes(): string[] {
    const out: string[] = []
    for (const op of this.ops) {
      for (const f of this.faultNames) {
        const cell = this.cells.get(op)?.get(f)
        if (cell) out.push(`${cell.ok ? "✓" : "✗"} ${op} × ${f}: ${cell.note}`)
      }
    }
    return out
  }

  counts(): { passing: number; run: number; total: number } {
    let passing = 0
    let run = 0
    for (const row of this.cells.values()) {
      for (const cell of row.values()) {
        run++
        if (cell.ok) passing++
      }
    }
    return { passing, run, total: this.ops.length * this.faultNames.length }
  }

  /** Markdown: one row per operation, ✓/✗ per fault, and passing/total. */
  table(): string {
    const header = ["operation", ...this.faultNames, "pass"]
    const lines = [`| ${header.join(" | ")} |`, `|${header.map(() => "---").join("|")}|`]
    for (const op of this.ops) {
      const row = this.faultNames.map((f) => {
        const cell = this.cells.get(op)?.get(f)
        return cell ? (cell.ok ? "✓" : "✗") : "·"
      })
      const passing = row.filter((c) => c === "✓").length
      lines.push(`| ${op} | ${row.join(" | ")} | ${passing}/${this.faultNames.length} |`)
    }
    const { passing, run, total } = this.counts()
    lines.push("", `${passing}/${total} cells pass${run < total ? ` (${total - run} not run)` : ""}.`)
    return lines.join("\n")
  }
}
