/**
 * Content-Security-Policy of every page the builds produce: the task pane page (which in the
 * shared runtime also runs the custom functions, so it is the functions page too), the help
 * page and the standalone host. Scripts may come only from the page's own origin, with no eval
 * and no inline script, and nothing is fetched from another origin.
 */
import * as fs from "fs";
import * as path from "path";
import HtmlWebpackPlugin from "html-webpack-plugin";
import type webpack from "webpack";
import { sharedStandaloneBuild } from "../e2e/support/standaloneBuild";
import { SESSION_TIMEOUT_MS } from "../e2e/support/host";
import {
  FETCH_DIRECTIVES,
  effectiveSources,
  metaPolicies,
  parsePolicy,
} from "./support/contentSecurityPolicy";
import { EXCEL_BUILD_TIMEOUT_MS, sharedExcelBuild } from "./support/excelBuild";

type ConfigFactory = (
  env: Record<string, unknown>,
  argv: { mode: string },
) => Promise<webpack.Configuration>;

const createConfig = require("../../webpack.config.js") as ConfigFactory;

const REPOSITORY_ROOT = path.resolve(__dirname, "..", "..");

/**
 * Sources a fetch directive may list. 'unsafe-inline' is allowed for styles only, because
 * Fluent UI (Griffel) inserts its generated rules into <style> elements at run time.
 */
const ALLOWED_SOURCES: Record<string, string[]> = {
  "script-src": ["'self'", "'none'"],
  "style-src": ["'self'", "'unsafe-inline'"],
  "object-src": ["'none'"],
};

/** Sources of any other fetch directive: the page's origin, or nothing. */
const DEFAULT_ALLOWED_SOURCES = ["'self'", "'none'"];

/** Lists what breaks the posture in one page's policy, or nothing when it holds. */
function policyFindings(html: string): string[] {
  const policies = metaPolicies(html);
  if (policies.length !== 1) {
    return [`expected one Content-Security-Policy meta element, found ${policies.length}`];
  }
  const directives = parsePolicy(policies[0]);
  const findings: string[] = [];
  for (const name of FETCH_DIRECTIVES) {
    const sources = effectiveSources(directives, name);
    if (sources === undefined) {
      findings.push(`${name} is unrestricted (no ${name} and no default-src)`);
      continue;
    }
    const allowed = ALLOWED_SOURCES[name] ?? DEFAULT_ALLOWED_SOURCES;
    for (const source of sources.filter((source) => !allowed.includes(source))) {
      findings.push(`${name} allows ${source}`);
    }
  }
  if (directives.get("base-uri")?.join(" ") !== "'self'") {
    findings.push("base-uri is not 'self'");
  }
  return findings;
}

/** Returns the `<script>` elements of a page that have no src attribute (inline scripts). */
function inlineScripts(html: string): string[] {
  return (html.match(/<script\b[^>]*>/gi) ?? []).filter((tag) => !/\ssrc=/i.test(tag));
}

/** Lists the HTML templates that a webpack configuration renders. */
function htmlTemplates(config: webpack.Configuration): string[] {
  return (config.plugins ?? [])
    .filter((plugin): plugin is HtmlWebpackPlugin => plugin instanceof HtmlWebpackPlugin)
    .map((plugin) => path.resolve(REPOSITORY_ROOT, String(plugin.userOptions.template)));
}

describe("content security policy", () => {
  test("policy check flags remote script", () => {
    // A case the check must reject, so the tests below cannot pass by parsing nothing.
    const html =
      '<meta http-equiv="Content-Security-Policy" ' +
      "content=\"default-src 'self'; script-src 'self' 'unsafe-eval' https://cdn.example.net; " +
      "object-src 'none'; base-uri 'self'\">";

    expect(policyFindings(html)).toEqual([
      "script-src allows 'unsafe-eval'",
      "script-src allows https://cdn.example.net",
    ]);
  });

  test.each([
    ["Excel, production", {}, "production"],
    ["Excel, development", {}, "development"],
    ["standalone, production", { standalone: true }, "production"],
    ["standalone, development", { standalone: true }, "development"],
  ])("%s templates carry policy", async (_case, env, mode) => {
    const templates = htmlTemplates(await createConfig(env, { mode }));

    expect(templates.length).toBeGreaterThan(0);
    for (const template of templates) {
      const html = fs.readFileSync(template, "utf8");
      expect({ template, findings: policyFindings(html) }).toEqual({ template, findings: [] });
    }
  });

  test.each([
    ["Excel, production", {}, "production"],
    ["Excel, development", {}, "development"],
    ["standalone, production", { standalone: true }, "production"],
    ["standalone, development", { standalone: true }, "development"],
  ])("%s source maps avoid eval", async (_case, env, mode) => {
    // webpack's eval-based devtools wrap each module in eval(), which script-src 'self' blocks.
    const config = await createConfig(env, { mode });

    expect(String(config.devtool)).not.toMatch(/eval/);
  });

  test("help page carries policy", () => {
    const html = fs.readFileSync(path.join(REPOSITORY_ROOT, "src/taskpane/support.html"), "utf8");

    expect(policyFindings(html)).toEqual([]);
    expect(inlineScripts(html)).toEqual([]);
  });

  describe("built pages", () => {
    let excelDir = "";
    let standaloneDir = "";

    beforeAll(async () => {
      [excelDir, standaloneDir] = await Promise.all([sharedExcelBuild(), sharedStandaloneBuild()]);
    }, EXCEL_BUILD_TIMEOUT_MS + SESSION_TIMEOUT_MS);

    test.each([
      ["task pane", "excel", "taskpane.html"],
      ["help page", "excel", "support.html"],
      ["standalone host", "standalone", "index.html"],
    ])("%s allows own scripts only", (_case, build, file) => {
      const html = fs.readFileSync(
        path.join(build === "excel" ? excelDir : standaloneDir, file),
        "utf8",
      );

      expect(policyFindings(html)).toEqual([]);
      expect(inlineScripts(html)).toEqual([]);
    });
  });
});
