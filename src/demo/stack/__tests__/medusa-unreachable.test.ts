import http from "node:http"
import { AddressInfo } from "node:net"
import { freePort } from "../free-port"
import { MedusaRest, MedusaUnreachable } from "../medusa-rest"

/** A request that gets no answer names itself and the connection's error, never a bare `fetch failed`. */
describe("MedusaRest without an answer", () => {
  it("names the request, the code and the address when nothing listens", async () => {
    const port = await freePort()
    const error = await new MedusaRest(`http://127.0.0.1:${port}`).post("/admin/auth/token", {}).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(MedusaUnreachable)
    expect((error as Error).message).toMatch(new RegExp(`^POST http://127\\.0\\.0\\.1:${port}/admin/auth/token got no answer: fetch failed: .*ECONNREFUSED.*127\\.0\\.0\\.1:${port}`))
  })

  it("names the socket when the server closes the connection without answering", async () => {
    const server = http.createServer((req) => req.socket.destroy())
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
    const { port } = server.address() as AddressInfo
    try {
      const error = await new MedusaRest(`http://127.0.0.1:${port}`).get("/health").catch((e: unknown) => e)
      expect((error as Error).message).toMatch(new RegExp(`^GET http://127\\.0\\.0\\.1:${port}/health got no answer: fetch failed: other side closed \\(UND_ERR_SOCKET, 127\\.0\\.0\\.1:\\d+ → 127\\.0\\.0\\.1:${port}\\)`))
    } finally {
      server.close()
    }
  })
})
