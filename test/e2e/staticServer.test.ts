/** The static server of the standalone host: files of its folder only, GET and HEAD only. */
import * as fs from "fs";
import type { Server } from "http";
import * as os from "os";
import * as path from "path";

const { startStaticServer } = require("../../scripts/serve.js") as {
  startStaticServer(options: { root: string; port?: number }): Promise<{
    server: Server;
    url: string;
  }>;
};

describe("static server", () => {
  let folder = "";
  let server: Server;
  let url = "";

  beforeAll(async () => {
    const parent = fs.mkdtempSync(path.join(os.tmpdir(), "spm-serve-"));
    folder = path.join(parent, "site");
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, "index.html"), "<!doctype html><title>t</title>");
    fs.writeFileSync(path.join(parent, "secret.txt"), "outside the served folder");
    ({ server, url } = await startStaticServer({ root: folder }));
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    fs.rmSync(path.dirname(folder), { recursive: true, force: true });
  });

  test("server listens on loopback only", () => {
    expect(new URL(url).hostname).toBe("127.0.0.1");
  });

  test("root path serves index.html", async () => {
    const response = await fetch(url);

    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  });

  test.each(["../secret.txt", "%2e%2e/secret.txt", "..%2fsecret.txt", "missing.js"])(
    "path %p is not found",
    async (requestPath) => {
      const response = await fetch(`${url}${requestPath}`);

      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain("outside the served folder");
    },
  );

  test("POST request is rejected", async () => {
    const response = await fetch(url, { method: "POST", body: "x" });

    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, HEAD");
  });

  test("missing folder is rejected", async () => {
    await expect(startStaticServer({ root: path.join(folder, "absent") })).rejects.toThrow(
      "does not exist",
    );
  });
});
