/**
 * Reads the lines of a workbook action's chart from the values of its sheet, in the shape that
 * the LineChart of @fluentui/react-charts draws.
 */
import type { LineChartPoints } from "@fluentui/react-charts";
import type { EngineValue } from "../headless/engine";
import type { CellRange } from "../workbook/actions/sheetWriter";
import { formatCellValue, formatGeneralNumber } from "./cellFormat";

/** The lines of a chart and the labels of its categories, indexed by x from 0. */
export interface ChartLines {
  lines: LineChartPoints[];
  categoryLabels: string[];
}

function cellsOf(values: EngineValue[][], range: CellRange): EngineValue[][] {
  return Array.from({ length: range.rowCount }, (_, row) =>
    Array.from(
      { length: range.columnCount },
      (_, col) => values[range.row + row]?.[range.column + col] ?? null,
    ),
  );
}

/**
 * Reads the lines of a chart: the first row of `series` names the lines and the rows below are
 * the points, one per category. Blank and non-numeric cells are left out rather than read as
 * zeros, so a line joins the points on either side of them. A line without any number is left
 * out. Each point's x is the index of its category.
 */
export function readChartLines(
  values: EngineValue[][],
  categories: CellRange,
  series: CellRange,
): ChartLines {
  const categoryLabels = cellsOf(values, categories).map((row) => formatCellValue(row[0] ?? null));
  const cells = cellsOf(values, series);
  const names = cells[0] ?? [];

  const lines = names.map((name, col) => {
    const legend = formatCellValue(name);
    const data = cells.slice(1).flatMap((row, x) => {
      const y = row[col];
      if (typeof y !== "number" || !Number.isFinite(y)) {
        return [];
      }
      const label = categoryLabels[x] ?? String(x + 1);
      return [{ x, y, xAxisCalloutData: label, yAxisCalloutData: formatGeneralNumber(y) }];
    });
    return { legend, data };
  });
  return { lines: lines.filter((line) => line.data.length > 0), categoryLabels };
}
