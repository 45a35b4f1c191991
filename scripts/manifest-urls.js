/**
 * URL handling for the add-in manifest: the development manifest points at the dev server
 * (`https://localhost:3000/`), and the production build rewrites every such URL to the address
 * where the built files are hosted, read from `SPM_PUBLIC_URL`.
 */

/** Base URL of the webpack dev server, used throughout manifest.xml. */
const DEV_BASE_URL = "https://localhost:3000/";

/** Environment variable containing the production base URL of the built files. */
const PUBLIC_URL_VARIABLE = "SPM_PUBLIC_URL";

/**
 * Reads and checks the production base URL from the environment.
 * @param {Record<string, string | undefined>} env usually `process.env`
 * @returns {string | undefined} the URL with a trailing slash, or undefined when the variable is
 *   unset or empty
 * @throws {Error} when the value is not an absolute https URL
 */
function readPublicBaseUrl(env) {
  const value = (env[PUBLIC_URL_VARIABLE] ?? "").trim();
  if (value === "") {
    return undefined;
  }

  let url;
  try {
    url = new URL(value);
  } catch {
    throw new Error(
      `${PUBLIC_URL_VARIABLE} is "${value}", which is not a URL. ` +
        "Set it to the https address of the built files, e.g. https://addins.example.com/spm/.",
    );
  }
  if (url.protocol !== "https:") {
    throw new Error(
      `${PUBLIC_URL_VARIABLE} is "${value}", but Office loads add-ins only over https. ` +
        "Set it to an https:// address.",
    );
  }
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}

/**
 * Replaces every occurrence of the dev server base URL in the manifest text.
 * @param {string} manifestXml text of manifest.xml
 * @param {string} baseUrl production base URL ending in "/"
 * @returns {string} the rewritten manifest
 */
function rewriteManifestUrls(manifestXml, baseUrl) {
  // URL.href percent-encodes quotes and angle brackets but keeps "&", which XML must escape.
  return manifestXml.replaceAll(DEV_BASE_URL, baseUrl.replaceAll("&", "&amp;"));
}

module.exports = { DEV_BASE_URL, PUBLIC_URL_VARIABLE, readPublicBaseUrl, rewriteManifestUrls };
