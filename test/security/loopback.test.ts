/**
 * Local servers listen on the loopback interface only: the static server of the standalone host
 * (scripts/serve.js, which `npm start` and the end-to-end tests use) and the webpack dev server
 * that Excel sideloads the add-in from.
 */
import * as dns from "dns";
import * as fs from "fs";
import type { Server } from "http";
import type { AddressInfo } from "net";
import * as net from "net";
import * as os from "os";
import * as path from "path";
import type webpack from "webpack";

jest.mock("office-addin-dev-certs", () => ({
  // The real function reads, and on first use installs, a certificate in the user's store.
  getHttpsServerOptions: async () => ({ cert: "test certificate", key: "test key" }),
}));

const { HOST, startStaticServer } = require("../../scripts/serve.js") as {
  HOST: string;
  startStaticServer(options: { root: string; port?: number }): Promise<{
    server: Server;
    url: string;
  }>;
};

type ConfigFactory = (
  env: Record<string, unknown>,
  argv: { mode: string },
) => Promise<webpack.Configuration & { devServer?: { host?: string } }>;

const createConfig = require("../../webpack.config.js") as ConfigFactory;

/** Loopback addresses of IPv4 and IPv6. */
const LOOPBACK_ADDRESSES = ["127.0.0.1", "::1"];

/** Returns an IPv4 address of this machine outside the loopback interface, if it has one. */
function externalAddress(): string | undefined {
  return Object.values(os.networkInterfaces())
    .flat()
    .find((entry) => entry !== undefined && !entry.internal && entry.family === "IPv4")?.address;
}

/** Connects to `host:port` and returns "connected", or the error code when it fails. */
function tryConnect(host: string, port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    socket.once("connect", () => {
      socket.destroy();
      resolve("connected");
    });
    socket.once("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}

describe("static server binding", () => {
  let folder = "";
  let server: Server;

  beforeAll(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), "spm-loopback-"));
    fs.writeFileSync(path.join(folder, "index.html"), "<!doctype html><title>t</title>");
    ({ server } = await startStaticServer({ root: folder, port: 0 }));
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    fs.rmSync(folder, { recursive: true, force: true });
  });

  test("server binds a loopback address", () => {
    const address = server.address() as AddressInfo;

    expect(LOOPBACK_ADDRESSES).toContain(address.address);
    expect(LOOPBACK_ADDRESSES).toContain(HOST);
    expect(address.port).toBeGreaterThan(0);
  });

  test("server accepts loopback connections", async () => {
    const { address, port } = server.address() as AddressInfo;

    await expect(tryConnect(address, port)).resolves.toBe("connected");
  });

  const lanAddress = externalAddress();
  (lanAddress === undefined ? test.skip : test)("server refuses external address", async () => {
    // A connection to this machine's own network address, which stays on the machine.
    const { port } = server.address() as AddressInfo;

    await expect(tryConnect(lanAddress!, port)).resolves.toBe("ECONNREFUSED");
  });
});

describe("dev server binding", () => {
  test("dev server host is localhost", async () => {
    const config = await createConfig({ WEBPACK_SERVE: true }, { mode: "development" });

    expect(config.devServer?.host).toBe("localhost");
  });

  test("localhost resolves to loopback only", async () => {
    const addresses = await dns.promises.lookup("localhost", { all: true });

    expect(addresses.length).toBeGreaterThan(0);
    for (const { address } of addresses) {
      expect(LOOPBACK_ADDRESSES).toContain(address);
    }
  });
});
