/**
 * Result sizes of custom function calls, for spilled results whose size depends on argument
 * values.
 *
 * HyperFormula 3.5 fixes the size of a formula's result array when it parses the formula, by
 * calling the function's `sizeOfResultArrayMethod` before any value is known. Its own SEQUENCE
 * handles only literal arguments. A forecast's size depends on `horizon`, which is often a cell
 * reference, so the engine works in rounds instead. The size method returns the size the call had
 * when it last ran (one cell before its first run), and each run records its real size. A call
 * whose real size differs from the parsed one makes the engine re-enter that formula, which
 * parses it again with the real size. The rounds end when every size agrees.
 */

/** Rows and columns of a result. */
export interface ResultSize {
  width: number;
  height: number;
}

/** Address of a formula cell in HyperFormula: sheet id, column and row (0-based). */
export interface FormulaAddress {
  sheet: number;
  col: number;
  row: number;
}

/** Size of a single-cell result, assumed for a call that has not run yet. */
const SINGLE_CELL: ResultSize = { width: 1, height: 1 };

function addressKey(address: FormulaAddress): string {
  return `${address.sheet}:${address.col}:${address.row}`;
}

function sameSize(a: ResultSize, b: ResultSize): boolean {
  return a.width === b.width && a.height === b.height;
}

/** Predicted and observed result sizes of custom function calls, per formula cell. */
export class SpillSizeRegistry {
  /** Last observed size of each call, keyed by formula address and call text. */
  private readonly observed = new Map<string, ResultSize>();

  /** Sizes HyperFormula parsed each formula cell's calls with, by address key and call key. */
  private readonly predicted = new Map<string, Map<string, ResultSize>>();

  /** Addresses of formulas whose calls ran with a size other than the parsed one. */
  private readonly mismatched = new Map<string, FormulaAddress>();

  /** Returns the size HyperFormula should reserve for a call, and remembers it as predicted. */
  predict(address: FormulaAddress, callKey: string): ResultSize {
    const size = this.observed.get(`${addressKey(address)}|${callKey}`) ?? SINGLE_CELL;
    const key = addressKey(address);
    const calls = this.predicted.get(key) ?? new Map<string, ResultSize>();
    calls.set(callKey, size);
    this.predicted.set(key, calls);
    return size;
  }

  /**
   * Records the size a call produced. Returns false when HyperFormula parsed the call with
   * another size, in which case the formula is queued to be entered again.
   */
  observe(address: FormulaAddress, callKey: string, size: ResultSize): boolean {
    const key = addressKey(address);
    this.observed.set(`${key}|${callKey}`, size);
    const prediction = this.predicted.get(key)?.get(callKey);
    if (prediction === undefined || sameSize(prediction, size)) {
      return true;
    }
    this.mismatched.set(key, { ...address });
    return false;
  }

  /** Returns and clears the formula addresses that need to be entered again. */
  takeMismatched(): FormulaAddress[] {
    const addresses = [...this.mismatched.values()];
    this.mismatched.clear();
    return addresses;
  }

  /** Forgets the predictions of a cell, before its formula is parsed again or replaced. */
  forgetPredictions(address: FormulaAddress): void {
    this.predicted.delete(addressKey(address));
  }

  /** Forgets the predictions of every cell of a sheet, before its content is replaced. */
  forgetSheet(sheet: number): void {
    for (const key of [...this.predicted.keys()]) {
      if (key.startsWith(`${sheet}:`)) {
        this.predicted.delete(key);
      }
    }
  }
}
