/**
 * No telemetry and no outside service: a static scan of the bundles the page loads. Every
 * absolute URL in a string or template literal must be on {@link TEXT_ONLY_URLS}, each with the
 * reason it is text and never a request target, and the calls of the browser's network APIs
 * must match {@link EXPECTED_NETWORK_CALLS}, each a request to the page's own origin. The
 * end-to-end request guard checks the same at run time for the standalone host.
 */
import * as fs from "fs";
import * as path from "path";
import { sharedStandaloneBuild } from "../e2e/support/standaloneBuild";
import { SESSION_TIMEOUT_MS } from "../e2e/support/host";
import { BundleScan, NETWORK_APIS, NetworkApi, scanBundle } from "./support/bundleScan";
import { EXCEL_BUILD_TIMEOUT_MS, sharedExcelBuild } from "./support/excelBuild";

/** A URL prefix that may appear in a bundle's literals, with the reason it is only text. */
interface TextOnlyUrl {
  prefix: string;
  reason: string;
}

const XML_NAMESPACE = "XML namespace name, an identifier written into documents, never fetched";
const OOXML_NAME =
  "Office Open XML namespace or relationship type that ExcelJS writes into .xlsx parts";
const ERROR_LINK = "link inside an error or warning message, shown to the developer as text";

/**
 * URL prefixes allowed in literals. The standalone bundle is a development build, so it keeps
 * the development-only warnings of React and the messages of HyperFormula, ExcelJS and their
 * libraries, which the production Excel bundles do not contain.
 */
const TEXT_ONLY_URLS: TextOnlyUrl[] = [
  { prefix: "http://www.w3.org/", reason: `${XML_NAMESPACE} (SVG, XLink, MathML, XHTML, XML)` },
  { prefix: "http://schemas.openxmlformats.org/", reason: OOXML_NAME },
  { prefix: "http://schemas.microsoft.com/office/", reason: OOXML_NAME },
  { prefix: "http://purl.org/dc/", reason: `${XML_NAMESPACE} (Dublin Core, .xlsx properties)` },
  { prefix: "https://react.dev/", reason: `${ERROR_LINK}: React's error decoder and warnings` },
  { prefix: "https://reactjs.org/", reason: `${ERROR_LINK}: React's older warnings` },
  { prefix: "https://aka.ms/fluentui-", reason: `${ERROR_LINK}: Fluent UI warnings` },
  { prefix: "https://aka.ms/griffel-", reason: `${ERROR_LINK}: Griffel (Fluent UI styles)` },
  { prefix: "https://griffel.js.org/", reason: `${ERROR_LINK}: Griffel (Fluent UI styles)` },
  { prefix: "https://github.com/microsoft/griffel/", reason: `${ERROR_LINK}: Griffel` },
  { prefix: "https://github.com/facebook/react/", reason: `${ERROR_LINK}: React` },
  { prefix: "https://github.com/jsx-eslint/", reason: `${ERROR_LINK}: React's autofocus warning` },
  { prefix: "https://github.com/tc39/", reason: `${ERROR_LINK}: React's import warning` },
  { prefix: "https://developer.mozilla.org/", reason: `${ERROR_LINK}: React` },
  { prefix: "https://bugs.webkit.org/", reason: `${ERROR_LINK}: React's Safari workaround` },
  { prefix: "https://hyperformula.handsontable.com", reason: `${ERROR_LINK}: HyperFormula` },
  { prefix: "https://sap.github.io/chevrotain/", reason: `${ERROR_LINK}: Chevrotain parser` },
  { prefix: "https://github.com/SAP/chevrotain/", reason: `${ERROR_LINK}: Chevrotain parser` },
  { prefix: "https://github.com/bd82/", reason: `${ERROR_LINK}: Chevrotain's regexp-to-ast` },
  { prefix: "https://en.wikipedia.org/wiki/LL_parser", reason: `${ERROR_LINK}: Chevrotain` },
  {
    prefix: "https://unpkg.com/chevrotain@",
    reason:
      "script URL in the HTML that Chevrotain's createSyntaxDiagramsCode writes; nothing calls " +
      "it, and script-src 'self' would block the script",
  },
  { prefix: "https://github.com/exceljs/", reason: `${ERROR_LINK}: ExcelJS` },
  { prefix: "https://stuk.github.io/jszip/", reason: `${ERROR_LINK}: JSZip, in ExcelJS` },
  { prefix: "https://github.com/uuidjs/", reason: `${ERROR_LINK}: uuid, in ExcelJS` },
  {
    prefix: "https://github.com/indutny/elliptic",
    reason: "bugs and homepage fields of elliptic's package.json, in ExcelJS's browser build",
  },
  {
    prefix: "https://github.com/crypto-browserify/",
    reason: `${ERROR_LINK}: crypto-browserify, in ExcelJS's browser build`,
  },
  {
    prefix: "https://github.com/zloirock/core-js",
    reason: "licence and source fields of core-js's version record, in ExcelJS's browser build",
  },
];

/**
 * Calls of network APIs each bundle may contain. Every one is a `fetch` of a file beside the
 * page, by a relative URL: functions.json (src/taskpane/functionCatalog.ts in the task pane,
 * and src/standalone/browserCatalog.ts too in the standalone host) and sales-example.xlsx
 * (src/standalone/index.tsx).
 */
const EXPECTED_NETWORK_CALLS: Record<string, Partial<Record<NetworkApi, number>>> = {
  "taskpane.js": { fetch: 1 },
  "functions.js": {},
  "standalone.js": { fetch: 3 },
};

/** Returns the URLs of a scan that no allow-list entry covers. */
function unexplainedUrls(scan: BundleScan): string[] {
  return [...scan.urls.keys()].filter(
    (url) => !TEXT_ONLY_URLS.some((entry) => url.startsWith(entry.prefix)),
  );
}

/** Returns the counts of every network API, zero included, so a new API shows in a failure. */
function networkCallCounts(scan: BundleScan): Record<NetworkApi, number> {
  return Object.fromEntries(
    NETWORK_APIS.map((api) => [api, scan.networkCalls.get(api) ?? 0]),
  ) as Record<NetworkApi, number>;
}

/** Returns the counts a bundle is expected to have, zero for every API not listed. */
function expectedCounts(file: string): Record<NetworkApi, number> {
  return Object.fromEntries(
    NETWORK_APIS.map((api) => [api, EXPECTED_NETWORK_CALLS[file][api] ?? 0]),
  ) as Record<NetworkApi, number>;
}

describe("bundle scan", () => {
  test("scan finds URLs and calls", () => {
    // Cases the scan must report, so the checks below cannot pass by finding nothing.
    const source = [
      "// https://comment.example.net/ is only a comment",
      'navigator.sendBeacon("https://telemetry.example.net/collect", data);',
      "new WebSocket(`wss://live.example.net/${room}`);",
      "(0, window.fetch)(url);",
    ].join("\n");

    const scan = scanBundle("sample.js", source);

    expect([...scan.urls.keys()]).toEqual([
      "https://telemetry.example.net/collect",
      "wss://live.example.net/",
    ]);
    expect(Object.fromEntries(scan.networkCalls)).toEqual({
      sendBeacon: 1,
      WebSocket: 1,
      fetch: 1,
    });
  });

  test("scan rejects text that is not JavaScript", () => {
    expect(() => scanBundle("broken.js", "function (")).toThrow("does not parse");
  });

  describe("built bundles", () => {
    const scans = new Map<string, BundleScan>();

    beforeAll(async () => {
      const [excelDir, standaloneDir] = await Promise.all([
        sharedExcelBuild(),
        sharedStandaloneBuild(),
      ]);
      const files: [string, string][] = [
        ["taskpane.js", excelDir],
        ["functions.js", excelDir],
        ["standalone.js", standaloneDir],
      ];
      for (const [file, folder] of files) {
        scans.set(file, scanBundle(file, fs.readFileSync(path.join(folder, file), "utf8")));
      }
    }, EXCEL_BUILD_TIMEOUT_MS + SESSION_TIMEOUT_MS);

    test.each(Object.keys(EXPECTED_NETWORK_CALLS))("%s URLs are only text", (file) => {
      expect(unexplainedUrls(scans.get(file)!)).toEqual([]);
    });

    test.each(Object.keys(EXPECTED_NETWORK_CALLS))("%s network calls as reviewed", (file) => {
      expect(networkCallCounts(scans.get(file)!)).toEqual(expectedCounts(file));
    });

    test("allow-list has no unused entries", () => {
      const urls = [...scans.values()].flatMap((scan) => [...scan.urls.keys()]);
      const unused = TEXT_ONLY_URLS.filter(
        (entry) => !urls.some((url) => url.startsWith(entry.prefix)),
      );

      expect(unused.map((entry) => entry.prefix)).toEqual([]);
    });
  });
});
