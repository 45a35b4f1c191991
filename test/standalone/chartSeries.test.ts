import type { EngineValue } from "../../src/headless/engine";
import { readChartLines } from "../../src/standalone/chartSeries";

/**
 * A forecast sheet as the forecast sheet action lays it out, shortened: periods in column A,
 * the actual sales in B, the spilled holdout forecast in C and the forecast in D.
 */
const FORECAST_SHEET: EngineValue[][] = [
  ["Period", "Actual", "Holdout forecast", "Forecast"],
  [1, 10, null, null],
  [2, 12, 11.5, null],
  [3, 14, 12.5, null],
  [4, null, null, 15],
  [5, null, null, { error: "#N/A", message: "The forecast has no value here." }],
];

const CATEGORIES = { row: 1, column: 0, rowCount: 5, columnCount: 1 };
const SERIES = { row: 0, column: 1, rowCount: 6, columnCount: 3 };

describe("readChartLines", () => {
  test("category labels from cells", () => {
    const { categoryLabels } = readChartLines(FORECAST_SHEET, CATEGORIES, SERIES);

    expect(categoryLabels).toEqual(["1", "2", "3", "4", "5"]);
  });

  test("lines named by header row", () => {
    const { lines } = readChartLines(FORECAST_SHEET, CATEGORIES, SERIES);

    expect(lines.map((line) => line.legend)).toEqual(["Actual", "Holdout forecast", "Forecast"]);
  });

  test("blank and error cells skipped", () => {
    const { lines } = readChartLines(FORECAST_SHEET, CATEGORIES, SERIES);
    const points = lines.map((line) => line.data.map((point) => [point.x, point.y]));

    expect(points[0]).toEqual([
      [0, 10],
      [1, 12],
      [2, 14],
    ]);
    expect(points[1]).toEqual([
      [1, 11.5],
      [2, 12.5],
    ]);
    expect(points[2]).toEqual([[3, 15]]);
  });

  test("callout shows category label", () => {
    const quarters: EngineValue[][] = [
      ["Quarter", "Target"],
      ["Q1", 100],
      ["Q2", 120],
    ];
    const { lines } = readChartLines(
      quarters,
      { row: 1, column: 0, rowCount: 2, columnCount: 1 },
      { row: 0, column: 1, rowCount: 3, columnCount: 1 },
    );

    expect(lines[0].data.map((point) => point.xAxisCalloutData)).toEqual(["Q1", "Q2"]);
  });

  test("line without numbers omitted", () => {
    const sheet: EngineValue[][] = [
      ["Year", "Score", "Notes"],
      [2024, 3.5, "first review"],
      [2025, 4, null],
    ];
    const { lines } = readChartLines(
      sheet,
      { row: 1, column: 0, rowCount: 2, columnCount: 1 },
      { row: 0, column: 1, rowCount: 3, columnCount: 2 },
    );

    expect(lines.map((line) => line.legend)).toEqual(["Score"]);
  });
});
