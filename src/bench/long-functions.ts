/**
 * `node dist/bench/long-functions.js [src]`: lists the functions (declarations,
 * methods, arrows, function expressions, accessors, constructors) longer than
 * 60 lines, and the files longer than 250, in `src/**\/*.ts(x)` outside
 * `admin/`, `demo/` and tests: the limits ARCHITECTURE.md sets. A function's
 * length counts its whole span, nested functions included. Exits 1 if any.
 */
import fs from "node:fs"
import path from "node:path"
import ts from "typescript"

const MAX_FUNCTION_LINES = 60
const MAX_FILE_LINES = 250

function* sourceFiles(dir: string, root: string): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name)
    const relative = path.relative(root, file)
    if (/(^|\/)(admin|demo)(\/|$)|(^|\/)(__tests__|__fixtures__)(\/|$)/.test(relative)) continue
    if (entry.isDirectory()) yield* sourceFiles(file, root)
    else if (/\.tsx?$/.test(entry.name) && !/\.(d|test)\.tsx?$/.test(entry.name)) yield file
  }
}

function nameOf(node: ts.SignatureDeclaration): string {
  const parent = node.parent
  const named = node.name ?? ((ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) ? parent.name : undefined)
  return named ? named.getText() : "<anonymous>"
}

export function overLimits(root: string): string[] {
  const found: string[] = []
  for (const file of sourceFiles(root, root)) {
    const text = fs.readFileSync(file, "utf8")
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true)
    const lineOf = (pos: number) => source.getLineAndCharacterOfPosition(pos).line
    const fileLines = lineOf(text.length) + (text.endsWith("\n") ? 0 : 1)
    if (fileLines > MAX_FILE_LINES) found.push(`${file}: the file has ${fileLines} lines`)
    const visit = (node: ts.Node): void => {
      if (ts.isFunctionLike(node) && "body" in node && node.body) {
        const lines = lineOf(node.end) - lineOf(node.getStart(source)) + 1
        if (lines > MAX_FUNCTION_LINES) found.push(`${file}:${lineOf(node.getStart(source)) + 1}: ${nameOf(node)} has ${lines} lines`)
      }
      ts.forEachChild(node, visit)
    }
    visit(source)
  }
  return found
}

if (require.main === module) {
  const found = overLimits(process.argv[2] ?? "src")
  for (const line of found) console.log(line)
  console.log(found.length ? `${found.length} over the limits (functions ${MAX_FUNCTION_LINES} lines, files ${MAX_FILE_LINES})` : "nothing over the limits")
  process.exitCode = found.length ? 1 : 0
}
