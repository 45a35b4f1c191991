/**
 * Security posture of the add-in manifest: the least document permission that the task pane's
 * record store needs, no extra domains, and every URL on the add-in's own origin, both in the
 * development manifest and after the production build rewrites it.
 */
import * as fs from "fs";
import * as path from "path";
import { XmlElement, childAt, descendants, parseXmlDocument } from "../manifest/manifestTree";
import { PUBLIC_URL, EXCEL_BUILD_TIMEOUT_MS, sharedExcelBuild } from "./support/excelBuild";

const manifestUrls = require("../../scripts/manifest-urls") as {
  DEV_BASE_URL: string;
  rewriteManifestUrls(manifestXml: string, baseUrl: string): string;
};

const REPOSITORY_ROOT = path.resolve(__dirname, "..", "..");
const manifestXml = fs.readFileSync(path.join(REPOSITORY_ROOT, "manifest.xml"), "utf8");

/** Any absolute URL: a scheme followed by "://". */
const ABSOLUTE_URL = /^[a-z][a-z0-9+.-]*:\/\//i;

/** Lists the absolute URLs in a manifest's attribute values and text, except namespace names. */
function manifestUrlValues(root: XmlElement): string[] {
  const values = descendants(root).flatMap((element) => [
    ...Object.entries(element.attributes)
      .filter(([name]) => name !== "xmlns" && !name.startsWith("xmlns:"))
      .map(([, value]) => value),
    element.text.trim(),
  ]);
  return values.filter((value) => ABSOLUTE_URL.test(value));
}

/** Returns the URLs of a manifest that are not under `baseUrl` (same origin and path prefix). */
function urlsOutside(root: XmlElement, baseUrl: string): string[] {
  const base = new URL(baseUrl);
  return manifestUrlValues(root).filter((value) => {
    const url = new URL(value);
    return url.origin !== base.origin || !url.pathname.startsWith(base.pathname);
  });
}

/** Returns the <AppDomain> values of a manifest, empty when it has no <AppDomains>. */
function appDomains(root: XmlElement): string[] {
  return descendants(root)
    .filter((element) => element.name === "AppDomain")
    .map((element) => element.text.trim());
}

describe("manifest security posture", () => {
  const manifest = parseXmlDocument(manifestXml);

  test("permission is ReadWriteDocument only", () => {
    const permissions = descendants(manifest).filter((element) => element.name === "Permissions");

    // ReadWriteDocument is the least level that lets the pane keep records in the workbook;
    // ReadWriteMailbox and the like do not apply to Excel, and no feature needs more.
    expect(permissions.map((element) => element.text.trim())).toEqual(["ReadWriteDocument"]);
    expect(childAt(manifest, "Permissions").text.trim()).toBe("ReadWriteDocument");
  });

  test("manifest lists no app domains", () => {
    expect(appDomains(manifest)).toEqual([]);
  });

  test("development URLs stay on localhost:3000", () => {
    expect(manifestUrlValues(manifest).length).toBeGreaterThan(0);
    expect(urlsOutside(manifest, manifestUrls.DEV_BASE_URL)).toEqual([]);
  });

  test("rewritten URLs stay on public origin", () => {
    const rewritten = parseXmlDocument(manifestUrls.rewriteManifestUrls(manifestXml, PUBLIC_URL));

    expect(manifestUrlValues(rewritten)).toHaveLength(manifestUrlValues(manifest).length);
    expect(urlsOutside(rewritten, PUBLIC_URL)).toEqual([]);
  });

  test("url check flags foreign origin", () => {
    // A case the check must reject, so the tests above cannot pass by finding no URLs.
    const foreign = manifestXml.replace(
      `${manifestUrls.DEV_BASE_URL}support.html`,
      "https://help.example.net/support.html",
    );

    expect(urlsOutside(parseXmlDocument(foreign), manifestUrls.DEV_BASE_URL)).toEqual([
      "https://help.example.net/support.html",
    ]);
  });

  describe("built manifest", () => {
    let built: XmlElement;

    beforeAll(async () => {
      const outputDir = await sharedExcelBuild();
      built = parseXmlDocument(fs.readFileSync(path.join(outputDir, "manifest.xml"), "utf8"));
    }, EXCEL_BUILD_TIMEOUT_MS);

    test("built URLs stay on public origin", () => {
      expect(manifestUrlValues(built)).toHaveLength(manifestUrlValues(manifest).length);
      expect(urlsOutside(built, PUBLIC_URL)).toEqual([]);
    });

    test("built manifest keeps permission, domains", () => {
      expect(childAt(built, "Permissions").text.trim()).toBe("ReadWriteDocument");
      expect(appDomains(built)).toEqual([]);
    });
  });
});
