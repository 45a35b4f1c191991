/** Writes the workbook that the benchmark recalculates with `spm calc`. */
const ExcelJS = require("exceljs");
const { makeBenchmarkSeries } = require("./series");

const SERIES_COUNT = 20;
const SERIES_LENGTH = 120;
const HORIZON = 12;
const FORMULAS_PER_ROW = 50;
const CALC_FORMULA_COUNT = 2000;

/** Formula templates cycled over the series, with the R case that computes the same fit. */
const FORMULA_MIX = [
  { template: (range) => `SPM.FORECAST.SES(${range},${HORIZON})`, rCase: "ses_optimized" },
  { template: (range) => `SPM.FORECAST.HOLT(${range},${HORIZON})`, rCase: "holt_optimized" },
  {
    template: (range) => `SPM.FORECAST.HOLTWINTERS(${range},${HORIZON},12)`,
    rCase: "hw_additive_optimized",
  },
  { template: (range) => `SPM.FORECAST.SEASONALNAIVE(${range},${HORIZON},12)`, rCase: "snaive" },
];

function columnLetter(index) {
  let letters = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/**
 * Writes SERIES_COUNT monthly series to sheet Data and CALC_FORMULA_COUNT spilling forecast
 * formulas to sheet Forecasts, each with room for its HORIZON rows. Returns how many formulas
 * of each R case the workbook holds.
 */
async function writeCalcWorkbook(filePath) {
  const workbook = new ExcelJS.Workbook();
  const data = workbook.addWorksheet("Data");
  const series = Array.from({ length: SERIES_COUNT }, (_, i) =>
    makeBenchmarkSeries(SERIES_LENGTH, 12, 7000 + i),
  );
  for (let row = 0; row < SERIES_LENGTH; row++) {
    data.addRow(series.map((values) => values[row]));
  }

  const sheet = workbook.addWorksheet("Forecasts");
  const counts = new Map();
  for (let k = 0; k < CALC_FORMULA_COUNT; k++) {
    const column = columnLetter(k % SERIES_COUNT);
    const range = `Data!${column}1:${column}${SERIES_LENGTH}`;
    const entry = FORMULA_MIX[k % FORMULA_MIX.length];
    const row = Math.floor(k / FORMULAS_PER_ROW) * (HORIZON + 1) + 1;
    const cell = sheet.getCell(row, (k % FORMULAS_PER_ROW) + 1);
    cell.value = { formula: entry.template(range) };
    counts.set(entry.rCase, (counts.get(entry.rCase) ?? 0) + 1);
  }

  await workbook.xlsx.writeFile(filePath);
  return [...counts].map(([rCase, count]) => ({ rCase, count }));
}

module.exports = { writeCalcWorkbook, CALC_FORMULA_COUNT };
