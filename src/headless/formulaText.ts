/**
 * Text-level handling of formulas as Excel stores them in .xlsx files, before HyperFormula parses
 * them: the prefixes Excel writes in front of some function names, and the names a formula calls.
 */

/**
 * Prefixes Excel writes in files before functions added after Excel 2007 (`_xlfn.IFS`) and before
 * worksheet-only functions (`_xlws.FILTER`). The formula bar shows the name without them, and
 * HyperFormula 3.5's lexer rejects a function name that starts with "_", so they are removed.
 */
const FUTURE_FUNCTION_PREFIX = /^_xl(fn|ws)\./i;

/**
 * Prefix Excel writes in files before JavaScript custom functions: `SPM.FORECAST.SES(...)` is
 * stored as `_xldudf_SPM_FORECAST_SES(...)`.
 * NOTE: Microsoft does not document the mapping. The dots-to-underscores form is inferred from
 * workbooks published in public repositories (`_xldudf_CX_GET` for `CX.GET`) and from the
 * office-js issues about the prefix, so a file that spells it otherwise is not recognised.
 */
const CUSTOM_FUNCTION_PREFIX = /^_xldudf_/i;

/** A function-name token directly followed by "(", as HyperFormula's lexer reads one. */
const FUNCTION_CALL = /[A-Za-z_\u00C0-\u02AF][A-Za-z0-9_.\u00C0-\u02AF]*(?=\()/y;

/** One piece of a formula: text inside quotes, a function name, or anything else. */
interface FormulaToken {
  kind: "quoted" | "function" | "other";
  text: string;
}

/** Splits a formula into quoted strings, sheet names, function names and the text between. */
function tokenizeFormula(formula: string): FormulaToken[] {
  const tokens: FormulaToken[] = [];
  let other = "";
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"' || ch === "'") {
      const end = closingQuoteIndex(formula, i);
      tokens.push({ kind: "other", text: other }, { kind: "quoted", text: formula.slice(i, end) });
      other = "";
      i = end;
      continue;
    }
    FUNCTION_CALL.lastIndex = i;
    const match = isNameStart(formula, i) ? FUNCTION_CALL.exec(formula) : null;
    if (match) {
      tokens.push({ kind: "other", text: other }, { kind: "function", text: match[0] });
      other = "";
      i += match[0].length;
      continue;
    }
    other += ch;
    i += 1;
  }
  tokens.push({ kind: "other", text: other });
  return tokens.filter((token) => token.text.length > 0);
}

/** Index just past the quote that closes the one at `start`; a doubled quote is an escape. */
function closingQuoteIndex(formula: string, start: number): number {
  const quote = formula[start];
  let i = start + 1;
  while (i < formula.length) {
    if (formula[i] === quote && formula[i + 1] === quote) {
      i += 2;
    } else if (formula[i] === quote) {
      return i + 1;
    } else {
      i += 1;
    }
  }
  return formula.length;
}

/** True when a name may start at `index`, i.e. the previous character is not part of a name. */
function isNameStart(formula: string, index: number): boolean {
  return index === 0 || !/[A-Za-z0-9_.$\u00C0-\u02AF]/.test(formula[index - 1]);
}

/**
 * Rewrites the function names of a formula read from a file into the names HyperFormula registers:
 * `_xlfn.` and `_xlws.` prefixes are dropped, and `_xldudf_` names are mapped through
 * `customFunctionNames` (keys: the stored name without the prefix, upper case). Text inside
 * string literals and quoted sheet names is left alone.
 */
export function normalizeFormula(
  formula: string,
  customFunctionNames: ReadonlyMap<string, string>,
): string {
  return tokenizeFormula(formula)
    .map((token) =>
      token.kind === "function"
        ? normalizeFunctionName(token.text, customFunctionNames)
        : token.text,
    )
    .join("");
}

function normalizeFunctionName(
  name: string,
  customFunctionNames: ReadonlyMap<string, string>,
): string {
  if (FUTURE_FUNCTION_PREFIX.test(name)) {
    return name.replace(FUTURE_FUNCTION_PREFIX, "");
  }
  if (CUSTOM_FUNCTION_PREFIX.test(name)) {
    const stored = name.replace(CUSTOM_FUNCTION_PREFIX, "").toUpperCase();
    return customFunctionNames.get(stored) ?? name;
  }
  return name;
}

/** Returns the key under which the stored `_xldudf_` name of `fullName` is looked up. */
export function storedCustomFunctionKey(fullName: string): string {
  return fullName.replace(/\./g, "_").toUpperCase();
}

/** Returns the upper-case names of the functions a formula calls, in order of appearance. */
export function calledFunctionNames(formula: string): string[] {
  return tokenizeFormula(formula)
    .filter((token) => token.kind === "function")
    .map((token) => token.text.toUpperCase());
}
