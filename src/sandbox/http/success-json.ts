import type { EndpointAnswer } from "../endpoints/endpoint"

/**
 * The body of a success, `[{"status":true,"message":…,…data}]`: byte for
 * byte `JSON.stringify([{ status: true, message, ...data }])`, without the
 * merged object (a spread into a fresh object per answer, a few percent of
 * the sandbox's CPU per request). No endpoint's data has a `status` or a
 * `message` field, which the spread would have overwritten, or an
 * integer-like field, which the spread would have put before them.
 */
export function successJson(answer: EndpointAnswer): string {
  const head = `[{"status":true,"message":${JSON.stringify(answer.message)}`
  const data = answer.data === undefined ? "{}" : JSON.stringify(answer.data)
  return data === "{}" ? `${head}}]` : `${head},${data.slice(1)}]`
}
