/**
 * One browser session for the end-to-end tests: the shared development build of the standalone
 * host, served on 127.0.0.1, and Debian's Chromium driven by playwright-core with a
 * fresh profile. A request guard aborts and records every request outside the page's origin.
 */
import * as fs from "fs";
import type { Server } from "http";
import * as os from "os";
import * as path from "path";
import { BrowserContext, chromium } from "playwright-core";
import { sharedStandaloneBuild } from "./support/standaloneBuild";

/** Chromium from Debian's package, which .ci/run installs; nothing is downloaded. */
export const CHROMIUM_PATH = "/usr/bin/chromium";

/**
 * Flags that keep Chromium from reaching any network service of its own (updates, sync, field
 * trials, QUIC probes), so every request the guard intercepts comes from the page.
 */
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Page size of the session, wide enough for the grid and a 350 px task pane. */
export const VIEWPORT = { width: 1400, height: 860 };

const { startStaticServer } = require("../../scripts/serve.js") as {
  startStaticServer(options: { root: string; port?: number }): Promise<{
    server: Server;
    url: string;
  }>;
};

/** A running session: the server's base URL, the browser context and the blocked requests. */
export interface BrowserSession {
  url: string;
  /** Temporary folder of the session, removed on close. */
  workDir: string;
  context: BrowserContext;
  /** URLs of requests outside the page's origin, which the guard aborted. */
  foreignRequests: string[];
  close(): Promise<void>;
}

/**
 * Builds and serves the standalone host and launches Chromium with the request guard.
 * @throws {Error} when Chromium is not installed at {@link CHROMIUM_PATH}
 */
export async function startBrowserSession(): Promise<BrowserSession> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium is missing at ${CHROMIUM_PATH}. Install Debian's package: apt-get install chromium.`,
    );
  }
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "spm-e2e-"));
  const siteDir = await sharedStandaloneBuild();
  const { server, url } = await startStaticServer({ root: siteDir });

  const context = await chromium.launchPersistentContext(path.join(workDir, "profile"), {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    viewport: VIEWPORT,
    acceptDownloads: true,
  });
  const origin = new URL(url).origin;
  const foreignRequests: string[] = [];
  await context.route("**/*", (route) => {
    const requestUrl = route.request().url();
    if (new URL(requestUrl).origin === origin) {
      return route.continue();
    }
    foreignRequests.push(requestUrl);
    return route.abort("blockedbyclient");
  });

  return {
    url,
    workDir,
    context,
    foreignRequests,
    close: async () => {
      await context.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      fs.rmSync(workDir, { recursive: true, force: true });
    },
  };
}
