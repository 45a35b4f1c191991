/**
 * Static scan of a JavaScript bundle with the TypeScript parser: the absolute URLs inside string
 * and template literals, and the uses of the browser's network APIs. Comments are skipped, so a
 * URL in a licence or documentation comment is never reported.
 */
import ts from "typescript";

/** Browser APIs that send a request, called or constructed by these names. */
export const NETWORK_APIS = [
  "fetch",
  "XMLHttpRequest",
  "WebSocket",
  "EventSource",
  "sendBeacon",
  "importScripts",
] as const;

/** Name of a browser API that sends a request. */
export type NetworkApi = (typeof NETWORK_APIS)[number];

/** Absolute http(s) and ws(s) URLs; the match ends at a space, quote, bracket or backslash. */
const ABSOLUTE_URL = /\b(?:https?|wss?):\/\/[^\s"'`<>()\\]*/gi;

/** What a scan finds in one bundle. */
export interface BundleScan {
  /** Each absolute URL found in a literal, with how many literals contain it. */
  urls: Map<string, number>;
  /** Calls and `new` expressions of each network API, as `fetch(...)` or `x.fetch(...)`. */
  networkCalls: Map<NetworkApi, number>;
}

/** Returns the text of a literal that contains source text: strings and template pieces. */
function literalText(node: ts.Node): string | undefined {
  if (
    ts.isStringLiteral(node) ||
    ts.isNoSubstitutionTemplateLiteral(node) ||
    ts.isTemplateHead(node) ||
    ts.isTemplateMiddle(node) ||
    ts.isTemplateTail(node)
  ) {
    return node.text;
  }
  return undefined;
}

/** Returns the API a call or `new` expression reaches by name, e.g. `navigator.sendBeacon`. */
function calledApi(node: ts.Node): NetworkApi | undefined {
  if (!ts.isCallExpression(node) && !ts.isNewExpression(node)) {
    return undefined;
  }
  let callee: ts.Expression = node.expression;
  // Minified code calls through `(0, x.fetch)(...)`, whose value is the comma's right operand.
  while (
    ts.isParenthesizedExpression(callee) ||
    (ts.isBinaryExpression(callee) && callee.operatorToken.kind === ts.SyntaxKind.CommaToken)
  ) {
    callee = ts.isParenthesizedExpression(callee) ? callee.expression : callee.right;
  }
  const name = ts.isIdentifier(callee)
    ? callee.text
    : ts.isPropertyAccessExpression(callee)
      ? callee.name.text
      : undefined;
  return NETWORK_APIS.find((api) => api === name);
}

/**
 * Scans a bundle's source text.
 * NOTE: a network API reached through an alias (`const f = fetch; f(url)`) or a computed name
 * (`window["fet" + "ch"]`) is not counted. The end-to-end request guard covers those at run time.
 * @throws {Error} when the text does not parse as JavaScript
 */
export function scanBundle(fileName: string, source: string): BundleScan {
  const file = ts.createSourceFile(
    fileName,
    source,
    ts.ScriptTarget.Latest,
    false,
    ts.ScriptKind.JS,
  );
  const diagnostics = (file as unknown as { parseDiagnostics: ts.Diagnostic[] }).parseDiagnostics;
  if (diagnostics.length > 0) {
    const message = ts.flattenDiagnosticMessageText(diagnostics[0].messageText, " ");
    throw new Error(`${fileName} does not parse as JavaScript: ${message}`);
  }
  const scan: BundleScan = { urls: new Map(), networkCalls: new Map() };
  const visit = (node: ts.Node): void => {
    const text = literalText(node);
    for (const match of text?.matchAll(ABSOLUTE_URL) ?? []) {
      scan.urls.set(match[0], (scan.urls.get(match[0]) ?? 0) + 1);
    }
    const api = calledApi(node);
    if (api !== undefined) {
      scan.networkCalls.set(api, (scan.networkCalls.get(api) ?? 0) + 1);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return scan;
}
