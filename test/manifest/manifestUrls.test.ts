import * as fs from "fs";
import * as path from "path";
import { descendants, parseXmlDocument } from "./manifestTree";

const manifestUrls = require("../../scripts/manifest-urls") as {
  DEV_BASE_URL: string;
  readPublicBaseUrl(env: Record<string, string | undefined>): string | undefined;
  rewriteManifestUrls(manifestXml: string, baseUrl: string): string;
};

const manifestXml = fs.readFileSync(path.resolve(__dirname, "..", "..", "manifest.xml"), "utf8");

describe("readPublicBaseUrl", () => {
  test.each([
    ["unset variable", undefined, undefined],
    ["empty variable", "", undefined],
    ["blank variable", "  ", undefined],
    ["path with slash", "https://addins.example.com/spm/", "https://addins.example.com/spm/"],
    ["path without slash", "https://addins.example.com/spm", "https://addins.example.com/spm/"],
    ["bare host", "https://addins.example.com", "https://addins.example.com/"],
  ])("accepts %s", (_case, value, expected) => {
    expect(manifestUrls.readPublicBaseUrl({ SPM_PUBLIC_URL: value })).toBe(expected);
  });

  test.each([
    ["plain http", "http://addins.example.com/spm/", /only over https/],
    ["relative path", "/spm/", /not a URL/],
  ])("rejects %s", (_case, value, message) => {
    expect(() => manifestUrls.readPublicBaseUrl({ SPM_PUBLIC_URL: value })).toThrow(message);
  });
});

describe("rewriteManifestUrls", () => {
  const devUrlCount = manifestXml.split(manifestUrls.DEV_BASE_URL).length - 1;

  test("replaces every dev URL", () => {
    const rewritten = manifestUrls.rewriteManifestUrls(
      manifestXml,
      "https://addins.example.com/spm/",
    );

    expect(devUrlCount).toBeGreaterThan(1);
    expect(rewritten).not.toContain("localhost");
    expect(rewritten.split("https://addins.example.com/spm/").length - 1).toBe(devUrlCount);
  });

  test("escapes ampersand for XML", () => {
    const baseUrl = "https://addins.example.com/spm/?tenant=a&ring=b/";
    const rewritten = manifestUrls.rewriteManifestUrls(manifestXml, baseUrl);
    const iconUrl = descendants(parseXmlDocument(rewritten)).find(
      (element) => element.name === "IconUrl",
    );

    expect(rewritten).toContain("tenant=a&amp;ring=b/");
    expect(iconUrl?.attributes.DefaultValue).toBe(`${baseUrl}assets/icon-64.png`);
  });
});
