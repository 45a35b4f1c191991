/** Reading a sales history from the workbook for a forecast sheet. */
import { WorkbookActionError } from "./errors";
import { SheetValue, SheetWriter } from "./sheetWriter";

/** True for a cell that counts as blank: empty, or text of spaces only. */
function isBlank(value: SheetValue): boolean {
  return value === null || (typeof value === "string" && value.trim() === "");
}

/** Flattens a single row or column of cells, or throws when the range is wider in both ways. */
function singleLine(values: SheetValue[][], reference: string): SheetValue[] {
  const rowCount = values.length;
  const columnCount = rowCount > 0 ? values[0].length : 0;
  if (rowCount > 1 && columnCount > 1) {
    throw new WorkbookActionError(
      `The history source ${reference} is ${rowCount} rows by ${columnCount} columns; ` +
        "give one row or one column of sales values.",
    );
  }
  return values.flat();
}

/**
 * Reads the sales values of `reference` in time order. Blank cells at the end are ignored, as the
 * SPM.FORECAST functions do; any other cell must be a number.
 *
 * @throws WorkbookActionError naming the reference and the cell to fix.
 */
export async function readHistory(writer: SheetWriter, reference: string): Promise<number[]> {
  const cells = singleLine(await writer.readValues(reference), reference);

  let end = cells.length;
  while (end > 0 && isBlank(cells[end - 1])) {
    end -= 1;
  }

  const history: number[] = [];
  for (let index = 0; index < end; index++) {
    const cell = cells[index];
    if (typeof cell !== "number" || !Number.isFinite(cell)) {
      const shown = isBlank(cell) ? "blank" : JSON.stringify(cell);
      throw new WorkbookActionError(
        `Value ${index + 1} of the history source ${reference} is ${shown}; ` +
          "every cell before the last value must be a number.",
      );
    }
    history.push(cell);
  }
  return history;
}
