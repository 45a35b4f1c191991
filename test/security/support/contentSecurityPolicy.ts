/** Reading the Content-Security-Policy of an HTML page from its <meta http-equiv> element. */

/** Directives of a policy, each with its source expressions in written order. */
export type PolicyDirectives = Map<string, string[]>;

/** Fetch directives that fall back to default-src when absent. */
export const FETCH_DIRECTIVES = [
  "script-src",
  "style-src",
  "img-src",
  "font-src",
  "connect-src",
  "media-src",
  "object-src",
  "frame-src",
  "worker-src",
  "manifest-src",
];

/**
 * Reads the content of every `<meta http-equiv="Content-Security-Policy">` element of a page.
 * Attribute values may be quoted with " or ', or unquoted as html-webpack-plugin's minifier
 * writes them.
 */
export function metaPolicies(html: string): string[] {
  const metas = html.match(/<meta\b[^>]*>/gi) ?? [];
  return metas
    .filter((meta) => /http-equiv=["']?Content-Security-Policy\b/i.test(meta))
    .map((meta) => {
      const match = /\bcontent=(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(meta);
      return match ? (match[1] ?? match[2] ?? match[3]) : "";
    });
}

/**
 * Splits a policy into its directives. A repeated directive keeps its first value, as it does in
 * browsers.
 */
export function parsePolicy(policy: string): PolicyDirectives {
  const directives: PolicyDirectives = new Map();
  for (const part of policy.split(";")) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name && !directives.has(name.toLowerCase())) {
      directives.set(name.toLowerCase(), sources);
    }
  }
  return directives;
}

/** Returns the sources that govern a fetch directive: its own, or default-src's when absent. */
export function effectiveSources(directives: PolicyDirectives, name: string): string[] | undefined {
  return directives.get(name) ?? directives.get("default-src");
}
