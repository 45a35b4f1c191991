/**
 * Builds what Excel loads: the task pane page (which in the shared runtime also runs the
 * custom functions), functions.js, functions.json generated from the JSDoc of the function
 * families, a local copy of Office.js, the icons and the manifest.
 *
 *   npm run build        production build into dist/ (manifest URLs from SPM_PUBLIC_URL)
 *   npm run build:dev    development build into dist/
 *   npm run dev-server   https dev server on port 3000 for sideloading
 *
 * With `--env standalone` it builds the standalone browser host instead (see
 * standaloneConfig), into out/standalone/.
 */
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const webpack = require("webpack");

const functionSources = require("./scripts/function-sources");
const {
  DEV_BASE_URL,
  PUBLIC_URL_VARIABLE,
  readPublicBaseUrl,
  rewriteManifestUrls,
} = require("./scripts/manifest-urls");

const DEV_SERVER_PORT = 3000;
/** Host name of the dev server, the host that the manifest's https://localhost:3000 URLs name. */
const DEV_SERVER_HOST = "localhost";
const STANDALONE_OUTPUT_DIR = path.resolve(__dirname, "out", "standalone");
const OFFICE_JS_DIR = path.dirname(require.resolve("@microsoft/office-js/dist/office.js"));

/**
 * Files of the Office.js package that Excel does not request: other hosts, debug builds, type
 * and IntelliSense files. The rest (office.js, the Excel host files, the custom functions
 * runtime and the per-locale string files) is 12.9 MiB, as webpack reports it for
 * @microsoft/office-js 1.1.110.
 */
const OFFICE_JS_IGNORED = [
  "**/*.debug.js",
  "**/*vsdoc*",
  "**/*.d.ts",
  "**/outlook*",
  "**/word*",
  "**/powerpoint*",
  "**/onenote*",
  "**/project*",
  "**/access*",
];

/**
 * Returns the production base URL for the manifest, or undefined to keep the dev URL, printing
 * a notice in that case so a localhost manifest does not go out unnoticed.
 * @param {boolean} isProduction
 * @returns {string | undefined}
 */
function manifestBaseUrl(isProduction) {
  if (!isProduction) {
    return undefined;
  }
  const baseUrl = readPublicBaseUrl(process.env);
  if (baseUrl === undefined) {
    console.warn(
      `NOTICE: ${PUBLIC_URL_VARIABLE} is not set, so dist/manifest.xml keeps ${DEV_BASE_URL}. ` +
        `Set ${PUBLIC_URL_VARIABLE}=https://your.host/path/ to build a manifest for deployment.`,
    );
  }
  return baseUrl;
}

/**
 * Returns the dev server options: https with the Office Add-in development certificate,
 * which is read (and installed on first use) only when serving. The server listens on the
 * loopback interface only, because webpack-dev-server 5 listens on every interface when no host
 * is given.
 * @param {boolean} isServing
 * @returns {Promise<object | undefined>}
 */
async function devServerOptions(isServing) {
  if (!isServing) {
    return undefined;
  }
  const devCerts = require("office-addin-dev-certs");
  return {
    host: DEV_SERVER_HOST,
    port: DEV_SERVER_PORT,
    server: { type: "https", options: await devCerts.getHttpsServerOptions() },
  };
}

/**
 * Lists the files copied unchanged (or with the manifest rewritten) into the output folder.
 * @param {string | undefined} baseUrl production base URL, or undefined to keep the dev URL
 * @returns {object[]} CopyWebpackPlugin patterns
 */
function copyPatterns(baseUrl) {
  return [
    { from: "assets/*.png", to: "assets/[name][ext]" },
    { from: "src/taskpane/support.html", to: "support.html" },
    {
      from: OFFICE_JS_DIR,
      to: "office-js",
      globOptions: { ignore: OFFICE_JS_IGNORED },
      // Office.js ships minified. Minifying it again made the production build about five times
      // slower (105 s instead of 20 s, measured once on one machine).
      info: { minimized: true },
    },
    {
      from: "manifest.xml",
      to: "manifest.xml",
      transform: (content) =>
        baseUrl === undefined ? content : rewriteManifestUrls(content.toString(), baseUrl),
    },
  ];
}

/** Compiles TypeScript with ts-loader, shared by the Excel and the standalone builds. */
const typescriptRule = {
  test: /\.tsx?$/,
  exclude: /node_modules/,
  use: {
    loader: "ts-loader",
    // Type checking runs separately in `npm run lint` (tsc --noEmit). ES modules let
    // webpack drop the unused parts of Fluent UI.
    options: {
      transpileOnly: true,
      compilerOptions: { module: "es2020", sourceMap: true },
    },
  },
};

/**
 * Builds the standalone browser host: a grid backed by the headless engine (HyperFormula) and
 * the task pane, for machines without Excel and for the end-to-end tests. HyperFormula is
 * GPL-3.0, so this bundle goes to its own folder and never into dist/, which Excel loads.
 * @param {boolean} isProduction
 * @returns {object} webpack configuration
 */
function standaloneConfig(isProduction) {
  return {
    mode: isProduction ? "production" : "development",
    devtool: "source-map",
    entry: { standalone: "./src/standalone/index.tsx" },
    output: { path: STANDALONE_OUTPUT_DIR, filename: "[name].js", clean: true },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: { rules: [typescriptRule] },
    plugins: [
      // The engine re-exports the Node catalog loader (fs, path and the TypeScript-based
      // metadata generator); the browser builds its catalog from functions.json instead.
      new webpack.NormalModuleReplacementPlugin(
        /[\\/]src[\\/]headless[\\/]catalog\.ts$/,
        path.resolve(__dirname, "src", "standalone", "nodeCatalogStub.ts"),
      ),
      new CustomFunctionsMetadataPlugin({
        input: functionSources.map((file) => path.resolve(__dirname, file)),
        output: "functions.json",
      }),
      new HtmlWebpackPlugin({
        filename: "index.html",
        template: "./src/standalone/standalone.html",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "examples/sales-example.xlsx", to: "sales-example.xlsx" },
          { from: "assets/icon-32.png", to: "favicon.png" },
        ],
      }),
    ],
    performance: { hints: false },
  };
}

module.exports = async (env, argv) => {
  const isProduction = argv.mode === "production";
  if (env.standalone) {
    return standaloneConfig(isProduction);
  }
  const baseUrl = manifestBaseUrl(isProduction);

  return {
    mode: isProduction ? "production" : "development",
    // Eval-based source maps would need 'unsafe-eval' in the page's Content-Security-Policy.
    devtool: "source-map",
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      functions: "./src/functions/index.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
    },
    module: {
      rules: [typescriptRule],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({
        input: functionSources.map((file) => path.resolve(__dirname, file)),
        output: "functions.json",
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // The shared runtime loads the custom functions from the task pane page.
        chunks: ["taskpane", "functions"],
      }),
      new CopyWebpackPlugin({ patterns: copyPatterns(baseUrl) }),
    ],
    performance: {
      // React and Fluent UI make the task pane bundle larger than webpack's 244 KB default hint.
      // The bundle is loaded once per workbook session from the add-in's own host.
      hints: false,
    },
    devServer: await devServerOptions(Boolean(env.WEBPACK_SERVE)),
  };
};
