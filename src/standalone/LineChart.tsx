/**
 * A line chart of a built sheet, the standalone host's stand-in for the native Excel chart that a
 * workbook action adds. It draws categories along the x axis and one line per series column with
 * the LineChart of @fluentui/react-charts, which adds tooltips and keyboard access to the points.
 */
import * as React from "react";
import { LineChart as FluentLineChart } from "@fluentui/react-charts";
import { Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import type { EngineValue } from "../headless/engine";
import type { LineChartSpec } from "../workbook/actions/sheetWriter";
import { readChartLines } from "./chartSeries";

const WIDTH = 480;
const HEIGHT = 260;

/** Maximum number of category labels on the x axis, an estimate of what fits WIDTH pixels. */
const MAX_X_TICKS = 8;

const useStyles = makeStyles({
  figure: {
    margin: 0,
    padding: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    flexShrink: 0,
  },
});

/** Picks evenly spaced category indexes for the x axis labels, the first one included. */
function tickIndexes(categoryCount: number): number[] {
  const step = Math.max(1, Math.ceil(categoryCount / MAX_X_TICKS));
  return Array.from({ length: Math.ceil(categoryCount / step) }, (_, i) => i * step);
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
  const { lines, categoryLabels } = readChartLines(values, chart.categories, chart.series);
  const formatTick = (x: number | Date): string =>
    typeof x === "number" ? (categoryLabels[x] ?? "") : "";

  return (
    <figure className={styles.figure} aria-label={`Line chart: ${chart.title}`}>
      <Subtitle2 as="h2">{chart.title}</Subtitle2>
      <FluentLineChart
        data={{ chartTitle: chart.title, lineChartData: lines }}
        width={WIDTH}
        height={HEIGHT}
        tickValues={tickIndexes(categoryLabels.length)}
        tickFormat={formatTick}
        xMinValue={0}
        xMaxValue={Math.max(0, categoryLabels.length - 1)}
      />
    </figure>
  );
}
