import { request } from "node:http"
import { isLoopbackHost } from "../controls/control-guard"
import { exposureWarning } from "../start-sandbox"
import { control, useSandbox } from "./http-kit"

/**
 * A web page can make a browser send a cross-origin POST as text/plain or a
 * form without asking first, and it always sends Origin. These are exactly
 * the requests the controls must refuse, so the tests send them raw.
 */
function raw(url: string, method: string, path: string, headers: Record<string, string>, body = ""): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}/_sandbox/${path}`, { method, headers: { ...headers, "Content-Length": String(Buffer.byteLength(body)) } }, (res) => {
      let text = ""
      res.on("data", (chunk) => (text += chunk))
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }))
    })
    req.on("error", reject)
    req.end(body)
  })
}

describe("the controls refuse what a web page can send", () => {
  const sandbox = useSandbox()

  it.each([
    ["text/plain", "text/plain;charset=UTF-8"],
    ["a form (what curl -d sends)", "application/x-www-form-urlencoded"],
    ["multipart", "multipart/form-data; boundary=x"],
  ])("a POST as %s is a 415 naming Content-Type, and the clock does not move", async (_label, type) => {
    const before = sandbox().controls.now()
    const reply = await raw(sandbox().url, "POST", "clock/advance", { "Content-Type": type }, '{"days": 31}')
    expect(reply.status).toBe(415)
    expect(reply.body.error.code).toBe("unsupported_media_type")
    expect(reply.body.error.message).toMatch(/^Content-Type: control POSTs must send application\/json/)
    expect(sandbox().controls.now() - before).toBeLessThan(24 * 3600)
  })

  it("a POST with no Content-Type is refused too, even without a body: reset keeps the data", async () => {
    sandbox().controls.injectFault({ path: "charge", type: "500" })
    const reply = await raw(sandbox().url, "POST", "reset", {})
    expect([reply.status, reply.body.error.message]).toEqual([415, expect.stringContaining("got none")])
    expect(sandbox().controls.listFaults()).toHaveLength(1)
  })

  it("a foreign Origin is a 403, even with application/json: the allowlist stays", async () => {
    sandbox().controls.setAllowlist("test", ["10.0.0.5"])
    for (const origin of ["https://evil.example", "http://127.0.0.1.evil.example:80", "null", `http://192.168.1.9:${new URL(sandbox().url).port}`]) {
      const reply = await raw(sandbox().url, "POST", "allowlist", { "Content-Type": "application/json", Origin: origin }, '{"env": "test", "ips": null}')
      expect([origin, reply.status, reply.body.error.code]).toEqual([origin, 403, "origin_not_allowed"])
      expect(reply.body.error.message.startsWith(`Origin ${origin}:`)).toBe(true)
    }
    expect((await raw(sandbox().url, "GET", "charges", { Origin: "https://evil.example" })).status).toBe(403)
    expect((await raw(sandbox().url, "GET", "charges", { Origin: "http://localhost:1" })).status).toBe(403)
    expect(sandbox().controls.list("requests")).toEqual([])
    expect((await control(sandbox(), "POST", "allowlist", { env: "test", ips: ["10.0.0.6"] })).status).toBe(200)
  })

  it("the sandbox's own origin, by any loopback name, and requests without Origin pass", async () => {
    const port = new URL(sandbox().url).port
    for (const origin of [new URL(sandbox().url).origin, `http://localhost:${port}`, `http://[::1]:${port}`]) {
      const reply = await raw(sandbox().url, "POST", "clock/advance", { "Content-Type": "application/json; charset=utf-8", Origin: origin }, '{"seconds": 60}')
      expect([origin, reply.status]).toEqual([origin, 200])
    }
    expect((await control(sandbox(), "POST", "reset")).status).toBe(200)
    expect((await control(sandbox(), "GET", "clock")).status).toBe(200)
    expect((await control(sandbox(), "DELETE", "faults")).status).toBe(200)
  })
})

describe("binding beyond loopback", () => {
  it.each(["127.0.0.1", "127.4.5.6", "::1", "[::1]", "localhost", "LOCALHOST", "::ffff:127.0.0.1"])("%s is loopback: no warning", (host) => {
    expect(isLoopbackHost(host)).toBe(true)
    expect(exposureWarning(host, 4010, true)).toBeNull()
  })

  it.each(["0.0.0.0", "::", "192.168.1.5", "10.0.0.1", "sandbox.internal", "128.0.0.1"])("%s is not: the warning names the address and the controls", (host) => {
    expect(isLoopbackHost(host)).toBe(false)
    expect(exposureWarning(host, 4010, true)).toMatch(new RegExp(`^WARNING: .* bound to ${host.replace(/\./g, "\\.")}:4010, beyond loopback: the API and the unauthenticated /_sandbox/ controls`))
    expect(exposureWarning(host, 4010, false)).toMatch(/beyond loopback: the API can be reached/)
  })
})
