/**
 * A line chart drawn as SVG from a sheet's cells, the standalone host's stand-in for the native
 * Excel chart a workbook action adds: categories along the x axis, one line per series column.
 *
 * TODO: draw these with @fluentui/react-charts once it is a dependency. This plain SVG labels
 * only the lowest and highest values and has no tooltips or keyboard access to the points.
 */
import * as React from "react";
import { Caption1, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import type { EngineValue } from "../headless/engine";
import type { CellRange, LineChartSpec } from "../workbook/actions/sheetWriter";
import { formatCellValue, formatGeneralNumber } from "./cellFormat";

const WIDTH = 480;
const HEIGHT = 220;
const MARGIN = 36;

/** Line colours from Fluent's palette tokens, in series order. */
const SERIES_COLORS = [
  tokens.colorPaletteBlueForeground2,
  tokens.colorPaletteDarkOrangeForeground2,
  tokens.colorPaletteGreenForeground2,
  tokens.colorPaletteBerryForeground2,
];

const useStyles = makeStyles({
  figure: {
    margin: 0,
    padding: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  legend: {
    display: "flex",
    columnGap: tokens.spacingHorizontalM,
  },
  axis: {
    stroke: tokens.colorNeutralStroke1,
  },
  label: {
    fill: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase100,
  },
});

/** One line: its name and its points, blank or non-numeric cells left out. */
interface Series {
  name: string;
  points: { index: number; value: number }[];
}

function cellsOf(values: EngineValue[][], range: CellRange): EngineValue[][] {
  return Array.from({ length: range.rowCount }, (_, row) =>
    Array.from(
      { length: range.columnCount },
      (_, col) => values[range.row + row]?.[range.column + col] ?? null,
    ),
  );
}

/** Reads the series of a chart: the first row names the lines, the rows below are the points. */
function readSeries(values: EngineValue[][], range: CellRange): Series[] {
  const cells = cellsOf(values, range);
  const names = cells[0] ?? [];
  return names.map((name, col) => ({
    name: formatCellValue(name),
    points: cells.slice(1).flatMap((row, index) => {
      const value = row[col];
      return typeof value === "number" ? [{ index, value }] : [];
    }),
  }));
}

/** Properties of {@link LineChart}. */
export interface LineChartProps {
  chart: LineChartSpec;
  /** Values of the chart's sheet. */
  values: EngineValue[][];
}

/** Draws one chart of a built sheet. */
export function LineChart({ chart, values }: LineChartProps): React.JSX.Element {
  const styles = useStyles();
  const series = readSeries(values, chart.series);
  const count = Math.max(1, chart.categories.rowCount);
  const all = series.flatMap((line) => line.points.map((point) => point.value));
  const low = all.length > 0 ? Math.min(...all) : 0;
  const high = all.length > 0 ? Math.max(...all) : 1;
  const span = high - low || 1;
  const x = (index: number): number =>
    MARGIN + (index / Math.max(1, count - 1)) * (WIDTH - 2 * MARGIN);
  const y = (value: number): number =>
    HEIGHT - MARGIN - ((value - low) / span) * (HEIGHT - 2 * MARGIN);

  return (
    <figure className={styles.figure}>
      <Subtitle2 as="h2">{chart.title}</Subtitle2>
      <svg width={WIDTH} height={HEIGHT} role="img" aria-label={`Line chart: ${chart.title}`}>
        <line
          className={styles.axis}
          x1={MARGIN}
          y1={HEIGHT - MARGIN}
          x2={WIDTH - MARGIN}
          y2={HEIGHT - MARGIN}
        />
        <line className={styles.axis} x1={MARGIN} y1={MARGIN} x2={MARGIN} y2={HEIGHT - MARGIN} />
        <text className={styles.label} x={2} y={MARGIN}>
          {formatGeneralNumber(Number(high.toPrecision(4)))}
        </text>
        <text className={styles.label} x={2} y={HEIGHT - MARGIN}>
          {formatGeneralNumber(Number(low.toPrecision(4)))}
        </text>
        {series.map((line, i) => (
          <polyline
            key={line.name + i}
            fill="none"
            stroke={SERIES_COLORS[i % SERIES_COLORS.length]}
            strokeWidth={2}
            points={line.points.map((point) => `${x(point.index)},${y(point.value)}`).join(" ")}
          />
        ))}
      </svg>
      <div className={styles.legend}>
        {series.map((line, i) => (
          <Caption1 key={line.name + i} style={{ color: SERIES_COLORS[i % SERIES_COLORS.length] }}>
            ― {line.name}
          </Caption1>
        ))}
      </div>
    </figure>
  );
}
