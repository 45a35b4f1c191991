/**
 * No secrets in the repository. Every file git tracks is scanned for private keys and for the
 * access tokens of npm, GitHub, Azure, AWS, Google and Slack, and no key or certificate file may
 * be tracked.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

const REPOSITORY_ROOT = path.resolve(__dirname, "..", "..");

/**
 * Size above which a file is skipped as data, not configuration. No tracked file is above 1 MB
 * now, so the limit only keeps a large data file added later from slowing the scan.
 */
const MAX_SCANNED_BYTES = 5 * 1024 * 1024;

/** Patterns of secrets, each named for the failure message. */
const SECRET_PATTERNS: { name: string; pattern: RegExp }[] = [
  { name: "private key", pattern: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/ },
  { name: "npm token", pattern: /\bnpm_[A-Za-z0-9]{36}\b/ },
  { name: "npm auth setting", pattern: /_auth(?:Token)?\s*=\s*\S/ },
  { name: "GitHub token", pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{40,})/ },
  { name: "AWS access key id", pattern: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/ },
  { name: "Google API key", pattern: /\bAIza[0-9A-Za-z_-]{35}\b/ },
  { name: "Slack token", pattern: /\bxox[abposr]-[0-9A-Za-z-]{10,}/ },
  { name: "Azure storage key", pattern: /AccountKey=[A-Za-z0-9+/]{40,}={0,2}/ },
  { name: "Azure SAS signature", pattern: /[?&]sig=[A-Za-z0-9%+/]{30,}/ },
  {
    name: "JSON web token",
    pattern: /\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/,
  },
];

/** Extensions of key stores and certificates, which never belong in the repository. */
const KEY_FILE_EXTENSIONS = [".pem", ".key", ".pfx", ".p12", ".jks", ".keystore", ".crt", ".cer"];

/** Lists the files git tracks, relative to the repository root. */
function trackedFiles(): string[] {
  const output = execFileSync("git", ["ls-files", "-z"], {
    cwd: REPOSITORY_ROOT,
    encoding: "utf8",
  });
  return output.split("\0").filter((file) => file !== "");
}

/** Returns the names of the secret patterns that match `text`. */
function secretsIn(text: string): string[] {
  return SECRET_PATTERNS.filter(({ pattern }) => pattern.test(text)).map(({ name }) => name);
}

/** Reads a tracked file as text, or returns undefined for a binary, large or deleted file. */
function readTextFile(file: string): string | undefined {
  const absolute = path.join(REPOSITORY_ROOT, file);
  const stat = fs.statSync(absolute, { throwIfNoEntry: false });
  if (stat === undefined || !stat.isFile() || stat.size > MAX_SCANNED_BYTES) {
    return undefined;
  }
  const bytes = fs.readFileSync(absolute);
  return bytes.includes(0) ? undefined : bytes.toString("utf8");
}

describe("secret scan", () => {
  test.each([
    ["private key", `-----BEGIN RSA ${"PRIVATE"} KEY-----`],
    ["npm token", `npm_${"a1B2".repeat(9)}`],
    ["npm auth setting", `//registry.npmjs.org/:_auth${"Token"}=abc`],
    ["GitHub token", `ghp_${"Z9y8".repeat(9)}`],
    ["AWS access key id", `AKIA${"ABCD2345".repeat(2)}`],
    [
      "JSON web token",
      `eyJ${"hbGciOiJIUzI1NiJ9"}.eyJ${"zdWIiOiIxMjM0NTY3ODkwIn0"}.${"c2lnbmF0dXJlMTIz"}`,
    ],
  ])("scan flags %s", (name, sample) => {
    // Samples are assembled at run time, so this file itself contains no match.
    expect(secretsIn(sample)).toEqual([name]);
  });

  test("tracked files contain no secrets", () => {
    const files = trackedFiles();
    const findings = files.flatMap((file) => {
      const text = readTextFile(file);
      return text === undefined ? [] : secretsIn(text).map((name) => `${file}: ${name}`);
    });

    expect(files.length).toBeGreaterThan(0);
    expect(findings).toEqual([]);
  });

  test("no key files are tracked", () => {
    const keyFiles = trackedFiles().filter((file) =>
      KEY_FILE_EXTENSIONS.includes(path.extname(file).toLowerCase()),
    );

    expect(keyFiles).toEqual([]);
  });
});
