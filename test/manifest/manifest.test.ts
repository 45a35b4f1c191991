/**
 * Offline checks of manifest.xml against the rules of the add-in only manifest (schema
 * OfficeAppManifestV1_1 and TaskPaneAppVersionOverridesV1_0) that Office would otherwise report
 * only at sideload time. `npm run validate` runs Microsoft's online validator on top.
 */
import * as fs from "fs";
import * as path from "path";
import { XmlElement, childAt, descendants, readXmlFile } from "./manifestTree";

const REPOSITORY_ROOT = path.resolve(__dirname, "..", "..");
const manifest = readXmlFile(path.join(REPOSITORY_ROOT, "manifest.xml"));
const DEV_BASE_URL = "https://localhost:3000/";

/**
 * Order of the children of <OfficeApp xsi:type="TaskPaneApp">: the OfficeApp sequence of
 * OfficeAppManifestV1_1.xsd followed by its TaskPaneApp extension. Optional elements may be
 * missing, but those present must keep this order.
 */
const OFFICE_APP_CHILD_ORDER = [
  "Id",
  "AlternateId",
  "Version",
  "ProviderName",
  "DefaultLocale",
  "DisplayName",
  "Description",
  "IconUrl",
  "HighResolutionIconUrl",
  "SupportUrl",
  "AppDomains",
  "Hosts",
  "Requirements",
  "DefaultSettings",
  "Permissions",
  "Dictionary",
  "VersionOverrides",
];

/** Maximum length of a resource id (`resid` and the `id` it names), per the Runtime element docs. */
const MAX_RESOURCE_ID_LENGTH = 32;

/** Size in pixels of the PNG image at `file`, read from its IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = fs.readFileSync(file);
  const signature = bytes.subarray(0, 8).toString("hex");
  if (signature !== "89504e470d0a1a0a" || bytes.subarray(12, 16).toString("ascii") !== "IHDR") {
    throw new Error(`${file} is not a PNG file.`);
  }
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Maps a URL of the manifest to the repository file the build serves at that URL. */
function localFileForUrl(url: string): string {
  if (!url.startsWith(DEV_BASE_URL)) {
    throw new Error(`${url} is not served by the dev server at ${DEV_BASE_URL}.`);
  }
  return path.join(REPOSITORY_ROOT, url.slice(DEV_BASE_URL.length));
}

/** Resource definitions of VersionOverrides, keyed by id. */
function resourcesById(): Map<string, XmlElement> {
  const resources = childAt(manifest, "VersionOverrides", "Resources");
  const definitions = resources.children.flatMap((group) => group.children);
  return new Map(definitions.map((definition) => [definition.attributes.id, definition]));
}

/** Value of the resource that `resid` names. */
function resourceValue(resid: string): string {
  const definition = resourcesById().get(resid);
  if (!definition) {
    throw new Error(`No resource has the id "${resid}".`);
  }
  return definition.attributes.DefaultValue;
}

/** Lists every attribute value and text node of the manifest, except namespace declarations. */
function contentValues(): string[] {
  return descendants(manifest).flatMap((element) => {
    const attributes = Object.entries(element.attributes).filter(
      ([name]) => name !== "xmlns" && !name.startsWith("xmlns:"),
    );
    return [...attributes.map(([, value]) => value), element.text];
  });
}

describe("manifest.xml", () => {
  test("URLs all use https", () => {
    const urls = contentValues().filter((value) => /^[a-z][a-z0-9+.-]*:\/\//i.test(value));

    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) {
      expect(url).toMatch(/^https:\/\//);
    }
  });

  test("Id is a GUID", () => {
    expect(childAt(manifest, "Id").text).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
    );
  });

  test("Version has four parts", () => {
    expect(childAt(manifest, "Version").text).toMatch(/^\d{1,5}\.\d{1,5}\.\d{1,5}\.\d{1,5}$/);
  });

  test("OfficeApp children follow schema order", () => {
    const names = manifest.children.map((child) => child.name);
    const positions = names.map((name) => OFFICE_APP_CHILD_ORDER.indexOf(name));

    expect(positions).not.toContain(-1);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  test("host is Workbook only", () => {
    const hosts = childAt(manifest, "Hosts").children;
    const overrideHosts = childAt(manifest, "VersionOverrides", "Hosts").children;

    expect(hosts.map((host) => host.attributes.Name)).toEqual(["Workbook"]);
    expect(overrideHosts.map((host) => host.attributes["xsi:type"])).toEqual(["Workbook"]);
  });

  test("AppDomains element is absent", () => {
    expect(manifest.children.map((child) => child.name)).not.toContain("AppDomains");
  });

  test("permissions are ReadWriteDocument", () => {
    expect(childAt(manifest, "Permissions").text).toBe("ReadWriteDocument");
  });

  test("requirements name runtime sets", () => {
    const sets = childAt(manifest, "Requirements", "Sets").children;
    const versions = Object.fromEntries(
      sets.map((set) => [set.attributes.Name, set.attributes.MinVersion]),
    );

    // CustomFunctions.Error came in CustomFunctionsRuntime 1.2 and more ErrorCode values in 1.3,
    // per the "Custom Functions requirement sets" page of the Office Add-ins docs.
    expect(versions).toEqual({ SharedRuntime: "1.1", CustomFunctionsRuntime: "1.3" });
  });

  test("shared runtime is long-lived", () => {
    const host = childAt(manifest, "VersionOverrides", "Hosts", "Host");
    const runtime = childAt(host, "Runtimes", "Runtime");
    const functionsPage = childAt(
      host,
      "AllFormFactors",
      "ExtensionPoint",
      "Page",
      "SourceLocation",
    );

    expect(runtime.attributes.lifetime).toBe("long");
    // The shared runtime loads only when the functions page and the runtime use the same resid.
    expect(functionsPage.attributes.resid).toBe(runtime.attributes.resid);
    expect(resourceValue(runtime.attributes.resid)).toBe(`${DEV_BASE_URL}taskpane.html`);
  });

  test("custom functions namespace is SPM", () => {
    const extensionPoint = childAt(
      manifest,
      "VersionOverrides",
      "Hosts",
      "Host",
      "AllFormFactors",
      "ExtensionPoint",
    );
    const namespace = childAt(extensionPoint, "Namespace");
    const script = childAt(extensionPoint, "Script", "SourceLocation");
    const metadata = childAt(extensionPoint, "Metadata", "SourceLocation");

    expect(extensionPoint.attributes["xsi:type"]).toBe("CustomFunctions");
    expect(resourceValue(namespace.attributes.resid)).toBe("SPM");
    expect(resourceValue(script.attributes.resid)).toBe(`${DEV_BASE_URL}functions.js`);
    expect(resourceValue(metadata.attributes.resid)).toBe(`${DEV_BASE_URL}functions.json`);
  });

  test("resource ids fit 32 characters", () => {
    const ids = [...resourcesById().keys()];
    const references = descendants(manifest)
      .map((element) => element.attributes.resid)
      .filter((resid) => resid !== undefined);

    for (const id of [...ids, ...references]) {
      expect(id.length).toBeLessThanOrEqual(MAX_RESOURCE_ID_LENGTH);
    }
  });

  test("every resid is defined", () => {
    const defined = resourcesById();
    const references = descendants(manifest)
      .map((element) => element.attributes.resid)
      .filter((resid) => resid !== undefined);

    expect(references.length).toBeGreaterThan(0);
    for (const resid of references) {
      expect(defined.has(resid)).toBe(true);
    }
  });

  test("icon files match declared sizes", () => {
    const ribbonImages = descendants(manifest).filter(
      (element) => element.name === "bt:Image" && element.attributes.size !== undefined,
    );
    const icons = [
      { url: childAt(manifest, "IconUrl").attributes.DefaultValue, size: 64 },
      { url: childAt(manifest, "HighResolutionIconUrl").attributes.DefaultValue, size: 128 },
      ...ribbonImages.map((image) => ({
        url: resourceValue(image.attributes.resid),
        size: Number(image.attributes.size),
      })),
    ];

    expect(ribbonImages.map((image) => image.attributes.size)).toEqual(
      expect.arrayContaining(["16", "32", "80"]),
    );
    for (const { url, size } of icons) {
      const file = localFileForUrl(url);
      expect(fs.existsSync(file)).toBe(true);
      expect(pngSize(file)).toEqual({ width: size, height: size });
    }
  });
});
