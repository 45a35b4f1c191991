/**
 * The headless spreadsheet engine: HyperFormula with the SPM custom functions registered as Excel
 * names them, for tests, the `spm` command, the standalone host and benchmarks.
 *
 * HyperFormula is GPL-3.0 licensed (used here under the "gpl-v3" license key). It must never be
 * imported from code the Excel add-in bundle loads: only `src/headless`, `src/cli`,
 * `src/standalone`, tests and benchmarks use it, and a build test checks the Excel bundles.
 */
import { DetailedCellError, HyperFormula } from "hyperformula";
import { FunctionCatalog } from "./catalog";
import { CatalogFunction, CatalogPluginContext, createCatalogPlugin } from "./functionPlugin";
import { calledFunctionNames, normalizeFormula, storedCustomFunctionKey } from "./formulaText";
import { BlankCells } from "./marshalling";
import { toSerialDate } from "./serialDates";
import { FormulaAddress, SpillSizeRegistry } from "./spillSizes";

/** Rows and columns of an Excel worksheet. */
export const EXCEL_MAX_ROWS = 1_048_576;
export const EXCEL_MAX_COLUMNS = 16_384;

/** Sheet content that is text even when it starts with "=", as a text cell of a workbook. */
export interface LiteralText {
  text: string;
}

/** True when `cell` is sheet content marked as literal text. */
export function isLiteralText(cell: unknown): cell is LiteralText {
  return (
    typeof cell === "object" &&
    cell !== null &&
    !(cell instanceof Date) &&
    typeof (cell as { text?: unknown }).text === "string" &&
    Object.keys(cell).length === 1
  );
}

export { loadCatalogFromSource } from "./catalog";
export type { FunctionCatalog } from "./catalog";

/** Namespace of the add-in's functions, from the manifest: Excel shows `SPM.FORECAST.SES`. */
export const FUNCTION_NAMESPACE = "SPM";

/** Options of the engine. */
export interface EngineOptions {
  /** Blank-cell marshalling: 0 as in desktop Excel (default) or null as in Excel on the web. */
  blanks?: BlankCells;
}

/** An error value in a cell: its code ("#VALUE!", "#N/A", ...) and message. */
export interface EngineError {
  error: string;
  message: string;
}

/** A cell value, or a spilled result as a 2-D array. */
export type EngineValue = number | string | boolean | null | EngineError | EngineValue[][];

/**
 * Rounds of re-entering formulas whose spilled size changed. A chain of spills feeding each
 * other's sizes needs one round per link; a longer chain ends with #SPILL! in its last cells.
 */
const MAX_SPILL_ROUNDS = 8;

/** Functions HyperFormula rewrites while parsing, so its registry does not list them. */
const PARSER_FUNCTIONS = ["OFFSET"];

/** Name of the sheet `evaluate` uses when the engine has none. */
const DEFAULT_SHEET = "Sheet1";

/** True when a value is an {@link EngineError}. */
export function isEngineError(value: unknown): value is EngineError {
  return typeof value === "object" && value !== null && "error" in value && "message" in value;
}

/** A spreadsheet with the catalog's functions, evaluating formulas as Excel would. */
export class SpreadsheetEngine {
  private readonly hf: HyperFormula;
  private readonly spills: SpillSizeRegistry;
  private readonly storedNames: ReadonlyMap<string, string>;

  private constructor(
    hf: HyperFormula,
    spills: SpillSizeRegistry,
    storedNames: Map<string, string>,
  ) {
    this.hf = hf;
    this.spills = spills;
    this.storedNames = storedNames;
  }

  /**
   * Creates an engine with the catalog's functions and optional sheets of raw content (see
   * {@link SpreadsheetEngine.setSheetContent}).
   */
  static create(
    catalog: FunctionCatalog,
    sheets: Record<string, unknown[][]> = {},
    options: EngineOptions = {},
  ): SpreadsheetEngine {
    const functions = catalogFunctions(catalog);
    const spills = new SpillSizeRegistry();
    const context: CatalogPluginContext = {
      functions,
      spills,
      blanks: options.blanks ?? "zero",
      formatAddress: () => "",
    };
    const plugin = createCatalogPlugin(context);
    registerFunctionNames(functions);
    const hf = HyperFormula.buildEmpty({
      licenseKey: "gpl-v3",
      functionPlugins: [...HyperFormula.getAllFunctionPlugins(), plugin],
      // Excel 365 evaluates every formula with dynamic arrays, so `=A1:A3*2` spills.
      useArrayArithmetic: true,
      // A reference to a blank cell reads as 0 in Excel (`=A1` shows 0).
      evaluateNullToZero: true,
      // Keep the doubles the functions return; Excel rounds only for display.
      smartRounding: false,
      undoLimit: 0,
      // Excel's sheet size; HyperFormula's defaults stop at 40,000 rows and 18,278 columns.
      maxRows: EXCEL_MAX_ROWS,
      maxColumns: EXCEL_MAX_COLUMNS,
    });
    // Excel reads TRUE and FALSE typed in a formula as logical constants, but HyperFormula accepts
    // them only as the functions TRUE() and FALSE().
    hf.addNamedExpression("TRUE", "=TRUE()");
    hf.addNamedExpression("FALSE", "=FALSE()");
    // The plugin is built before the engine, so the address formatter is connected afterwards.
    context.formatAddress = (address) =>
      hf.simpleCellAddressToString(address, { includeSheetName: true }) ?? "";
    const storedNames = new Map(
      functions.map((fn) => [storedCustomFunctionKey(fn.fullName), fn.fullName]),
    );
    const engine = new SpreadsheetEngine(hf, spills, storedNames);
    for (const [name, rows] of Object.entries(sheets)) {
      engine.setSheetContent(name, rows);
    }
    return engine;
  }

  /**
   * Replaces a sheet's content, adding the sheet if needed. Cells are numbers, booleans, text,
   * `Date`s (stored as serial numbers), null for blank, or formulas as strings starting with "=".
   * Any other string is text, even "12": it is never parsed as a number or a formula. Text that
   * starts with "=" is passed as a {@link LiteralText} so it stays text.
   */
  setSheetContent(sheet: string, rows: unknown[][]): void {
    const sheetId = this.sheetIdOrAdd(sheet);
    this.spills.forgetSheet(sheetId);
    this.hf.setSheetContent(
      sheetId,
      rows.map((row) => row.map((cell) => this.toRawContent(cell))),
    );
    this.settleSpillSizes();
  }

  /**
   * Replaces one cell's content, as `setSheetContent` reads cells; the engine then recalculates
   * only the formulas that depend on the cell.
   */
  setCellContent(sheet: string, row: number, col: number, content: unknown): void {
    const address = { sheet: this.sheetIdOrAdd(sheet), row, col };
    this.spills.forgetPredictions(address);
    this.hf.setCellContents(address, [[this.toRawContent(content)]]);
    this.settleSpillSizes();
  }

  /**
   * Evaluates a formula as if typed into an empty cell of `sheet` (default: the first sheet).
   * A spilled result comes back as a 2-D array.
   */
  evaluate(formula: string, sheet?: string): EngineValue {
    const sheetId = sheet === undefined ? this.firstSheetId() : this.sheetId(sheet);
    const text = this.normalize(formula.startsWith("=") ? formula : `=${formula}`);
    if (!this.hf.validateFormula(text)) {
      return { error: "#ERROR!", message: `The formula cannot be parsed: ${formula}` };
    }
    return toEngineValue(this.hf.calculateFormula(text, sheetId));
  }

  /**
   * Explains why the engine cannot evaluate a formula (a syntax HyperFormula does not parse, or a
   * function it does not have), or returns undefined when it can.
   */
  explainUnsupportedFormula(formula: string): string | undefined {
    const text = this.normalize(formula.startsWith("=") ? formula : `=${formula}`);
    if (!this.hf.validateFormula(text)) {
      return "the engine cannot parse it";
    }
    const known = new Set([...this.hf.getRegisteredFunctionNames(), ...PARSER_FUNCTIONS]);
    const unknown = [...new Set(calledFunctionNames(text))].filter((name) => !known.has(name));
    if (unknown.length > 0) {
      return `the engine has no function ${unknown.join(", ")}`;
    }
    return undefined;
  }

  /** Returns the values of a sheet, spilled results laid out in their cells. */
  getSheetValues(sheet: string): EngineValue[][] {
    const values = this.hf.getSheetValues(this.sheetId(sheet));
    return values.map((row) => row.map((cell) => toEngineValue(cell) as EngineValue));
  }

  /** Returns the names of the sheets, in order. */
  getSheetNames(): string[] {
    return this.hf.getSheetNames();
  }

  /**
   * Returns the result of the formula at a cell (0-based row and column): a 2-D array when it
   * spills, its value otherwise. Returns undefined when the cell has no formula.
   */
  getFormulaResult(sheet: string, row: number, col: number): EngineValue | undefined {
    const address = { sheet: this.sheetId(sheet), row, col };
    if (this.hf.getCellFormula(address) === undefined) {
      return undefined;
    }
    const height = this.spillExtent(address, 1, 0);
    const width = this.spillExtent(address, 0, 1);
    if (height === 1 && width === 1) {
      return toEngineValue(this.hf.getCellValue(address));
    }
    const range = {
      start: address,
      end: { ...address, row: row + height - 1, col: col + width - 1 },
    };
    return this.hf
      .getRangeValues(range)
      .map((cells) => cells.map((cell) => toEngineValue(cell) as EngineValue));
  }

  /**
   * Number of cells a spilled result covers from its anchor along one direction: the anchor plus
   * the following cells that belong to an array and hold no formula of their own.
   */
  private spillExtent(anchor: FormulaAddress, rowStep: number, colStep: number): number {
    if (!this.hf.isCellPartOfArray(anchor)) {
      return 1;
    }
    let count = 1;
    for (;;) {
      const next = {
        ...anchor,
        row: anchor.row + rowStep * count,
        col: anchor.col + colStep * count,
      };
      if (!this.hf.isCellPartOfArray(next) || this.hf.getCellFormula(next) !== undefined) {
        return count;
      }
      count += 1;
    }
  }

  /** Re-enters formulas whose spilled size changed until every size agrees. */
  private settleSpillSizes(): void {
    for (let round = 0; round < MAX_SPILL_ROUNDS; round++) {
      const addresses = this.spills.takeMismatched();
      if (addresses.length === 0) {
        return;
      }
      this.hf.batch(() => {
        for (const address of addresses) {
          const formula = this.hf.getCellFormula(address);
          this.spills.forgetPredictions(address);
          if (formula !== undefined) {
            this.hf.setCellContents(address, [[formula]]);
          }
        }
      });
    }
  }

  private toRawContent(cell: unknown): string | number | boolean | null {
    if (cell === null || cell === undefined || cell === "") {
      return null;
    }
    if (cell instanceof Date) {
      return toSerialDate(cell);
    }
    if (typeof cell === "number" || typeof cell === "boolean") {
      return cell;
    }
    if (isLiteralText(cell)) {
      return `'${cell.text}`;
    }
    const text = String(cell);
    // HyperFormula stores a string starting with an apostrophe as the text after it.
    return text.startsWith("=") ? this.normalize(text) : `'${text}`;
  }

  private normalize(formula: string): string {
    return normalizeFormula(formula, this.storedNames);
  }

  private sheetIdOrAdd(sheet: string): number {
    const existing = this.hf.getSheetId(sheet);
    return existing ?? (this.hf.getSheetId(this.hf.addSheet(sheet)) as number);
  }

  private sheetId(sheet: string): number {
    const id = this.hf.getSheetId(sheet);
    if (id === undefined) {
      throw new Error(`The sheet does not exist: ${sheet}.`);
    }
    return id;
  }

  private firstSheetId(): number {
    const names = this.hf.getSheetNames();
    return names.length > 0 ? this.sheetId(names[0]) : this.sheetIdOrAdd(DEFAULT_SHEET);
  }
}

/** Pairs each metadata entry with its implementation and its name in formulas. */
function catalogFunctions(catalog: FunctionCatalog): CatalogFunction[] {
  return catalog.metadata.functions.map((metadata) => {
    if (metadata.options?.stream === true) {
      throw new Error(
        `The engine cannot run ${metadata.id}: streaming functions return their values over time.`,
      );
    }
    const implementation = catalog.implementations[metadata.id];
    if (implementation === undefined) {
      throw new Error(`The catalog has metadata for ${metadata.id} but no implementation.`);
    }
    // Formulas call a custom function by its metadata name (equal to the id unless the JSDoc
    // gives both), prefixed with the manifest's namespace.
    const fullName = `${FUNCTION_NAMESPACE}.${metadata.name}`.toUpperCase();
    return { fullName, metadata, implementation };
  });
}

/** HyperFormula calls only functions with a name in the language; English names them as is. */
function registerFunctionNames(functions: CatalogFunction[]): void {
  const names = Object.fromEntries(functions.map((fn) => [fn.fullName, fn.fullName]));
  HyperFormula.getLanguage("enGB").extendFunctions(names);
}

/** Converts a HyperFormula value (or 2-D array of them) into the engine's value type. */
function toEngineValue(value: unknown): EngineValue {
  if (Array.isArray(value)) {
    return value.map((row: unknown[]) => row.map((cell) => toEngineValue(cell)));
  }
  if (value instanceof DetailedCellError) {
    return { error: value.value, message: value.message ?? "" };
  }
  if (value === undefined) {
    return null;
  }
  return value as EngineValue;
}
