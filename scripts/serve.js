/**
 * A static file server for a built folder, on 127.0.0.1 only, with Node's http module. It serves
 * the standalone host (out/standalone/) for `npm start`, the end-to-end tests and the bundle
 * benchmark. It serves GET and HEAD of files inside the folder and nothing else. There is no
 * directory listing, and "/" serves index.html.
 *
 *   node scripts/serve.js [folder] [--port N]     default: out/standalone on port 3100
 */
const fs = require("fs");
const http = require("http");
const path = require("path");

/** Interface the server listens on: the loopback address, never reachable from another host. */
const HOST = "127.0.0.1";

/** Port of the standalone host when none is given; SPM_STANDALONE_PORT overrides it. */
const DEFAULT_PORT = 3100;

/** Content types of the files the builds produce. */
const CONTENT_TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".xml": "application/xml; charset=utf-8",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/**
 * Maps a request path to a file inside `root`, or returns undefined when it leaves the folder or
 * is not a file.
 * @param {string} root absolute folder
 * @param {string} requestUrl path and query of the request
 * @returns {string | undefined}
 */
function resolveFile(root, requestUrl) {
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(requestUrl, "http://localhost").pathname);
  } catch {
    return undefined;
  }
  const relative = pathname.endsWith("/") ? `${pathname}index.html` : pathname;
  const file = path.resolve(root, `.${relative}`);
  if (file !== root && !file.startsWith(root + path.sep)) {
    return undefined;
  }
  return fs.existsSync(file) && fs.statSync(file).isFile() ? file : undefined;
}

/** Sends a short plain-text response. */
function sendText(response, status, text) {
  response.writeHead(status, { "Content-Type": "text/plain; charset=utf-8" });
  response.end(`${text}\n`);
}

/**
 * Handles one request: a file of the folder, 404 when there is none, 405 for other methods.
 * @param {string} root absolute folder
 */
function handleRequest(root, request, response) {
  if (request.method !== "GET" && request.method !== "HEAD") {
    response.setHeader("Allow", "GET, HEAD");
    sendText(response, 405, "Only GET and HEAD are supported.");
    return;
  }
  const file = resolveFile(root, request.url ?? "/");
  if (file === undefined) {
    sendText(response, 404, `Not found: ${request.url}`);
    return;
  }
  response.writeHead(200, {
    "Content-Type": CONTENT_TYPES[path.extname(file)] ?? "application/octet-stream",
    "Content-Length": fs.statSync(file).size,
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
  });
  if (request.method === "HEAD") {
    response.end();
    return;
  }
  fs.createReadStream(file).pipe(response);
}

/**
 * Starts serving `root` on 127.0.0.1.
 * @param {{ root: string, port?: number }} options port 0 picks a free port
 * @returns {Promise<{ server: http.Server, url: string }>} the server and its base URL
 */
function startStaticServer({ root, port = 0 }) {
  const folder = path.resolve(root);
  if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) {
    return Promise.reject(
      new Error(`The folder to serve does not exist: ${folder}. Build it first (npm start).`),
    );
  }
  const server = http.createServer((request, response) => handleRequest(folder, request, response));
  return new Promise((resolve, reject) => {
    server.once("error", (error) => {
      const hint =
        error.code === "EADDRINUSE"
          ? ` Port ${port} is in use; set SPM_STANDALONE_PORT to another port.`
          : "";
      reject(new Error(`Serving ${folder} failed: ${error.message}.${hint}`));
    });
    server.listen(port, HOST, () => {
      const address = server.address();
      resolve({ server, url: `http://${HOST}:${address.port}/` });
    });
  });
}

/**
 * Reads the port from --port N, SPM_STANDALONE_PORT or the default.
 * @returns {number}
 */
function portFromArguments(args, env) {
  const index = args.indexOf("--port");
  const text = index >= 0 ? args[index + 1] : env.SPM_STANDALONE_PORT;
  if (text === undefined) {
    return DEFAULT_PORT;
  }
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`The port must be a whole number from 0 to 65535, not "${text}".`);
  }
  return port;
}

module.exports = { DEFAULT_PORT, HOST, portFromArguments, startStaticServer };

if (require.main === module) {
  const args = process.argv.slice(2);
  const folder = args.find((arg, i) => !arg.startsWith("--") && args[i - 1] !== "--port");
  const root = folder ?? path.resolve(__dirname, "..", "out", "standalone");
  startStaticServer({ root, port: portFromArguments(args, process.env) }).then(
    ({ url }) => process.stdout.write(`Serving ${root} at ${url} (Ctrl+C stops it).\n`),
    (error) => {
      process.stderr.write(`${error.message}\n`);
      process.exitCode = 1;
    },
  );
}
