/** The targets of one person, channel or target group: a scorecard list and a form to add one. */
import * as React from "react";
import {
  Button,
  Caption1,
  Input,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@fluentui/react-components";
import { AddRegular, DeleteRegular } from "@fluentui/react-icons";
import { Target, TargetMetric, TargetSubjectType } from "../../model";
import { messageFor, parseNumberInput } from "../formState";
import { TARGET_METRIC_LABELS, TARGET_METRIC_OPTIONS } from "../labels";
import { scoresByPeriod, targetAttainment } from "../scorecard";
import { useServices } from "../services";
import { useSave } from "../useSave";
import { ChoiceField, NumberField, TextField } from "./fields";
import { FailureBar } from "./feedback";
import { Section, useLayoutStyles } from "./layout";

const FIELD_LABELS: Record<string, string> = {
  period: "Period",
  metric: "Metric",
  value: "Value",
  actual: "Actual",
  weight: "Weight",
  customMetricName: "Custom metric name",
};

/** Attainment of a target as a percentage text, or a dash without an actual. */
function attainmentText(target: Target): string {
  const attainment = targetAttainment(target);
  return attainment === undefined ? "–" : `${(attainment * 100).toFixed(1)} %`;
}

/** Orders targets by period, then metric. */
function byPeriod(a: Target, b: Target): number {
  return a.period.localeCompare(b.period) || a.metric.localeCompare(b.metric);
}

/** Names a target's metric, the custom name for a custom metric. */
function metricName(target: Target): string {
  return target.metric === "custom" ? target.customMetricName : TARGET_METRIC_LABELS[target.metric];
}

/**
 * Lists the subject's targets with their actuals, adds, updates or deletes them, and with
 * `showScores` shows the weighted score of each period.
 */
export function TargetsPanel(props: {
  subjectType: TargetSubjectType;
  subjectId: string;
  targets: readonly Target[];
  title: string;
  showScores?: boolean;
}): React.JSX.Element {
  const styles = useLayoutStyles();
  const { store } = useServices();
  const save = useSave();
  const [period, setPeriod] = React.useState(String(new Date().getFullYear()));
  const [metric, setMetric] = React.useState<string>("revenue");
  const [customName, setCustomName] = React.useState("");
  const [value, setValue] = React.useState("");
  const [weight, setWeight] = React.useState("");
  const own = props.targets.filter((target) => target.subjectId === props.subjectId).sort(byPeriod);
  const id = `targets-${props.subjectId}`;

  const add = async (): Promise<void> => {
    const added = await save.run(
      "Adding the target",
      () =>
        store.create("target", {
          subjectType: props.subjectType,
          subjectId: props.subjectId,
          period,
          metric: metric as TargetMetric,
          customMetricName: customName,
          value: parseNumberInput(value) as number,
          weight: parseNumberInput(weight) as number | undefined,
        }),
      { labels: FIELD_LABELS },
    );
    if (added) {
      setValue("");
      setWeight("");
    }
  };

  const saveActual = (target: Target, text: string): void => {
    const actual = parseNumberInput(text) as number | undefined;
    if (actual === target.actual) {
      return;
    }
    void save.run("Saving the actual", () => store.update("target", target.id, { actual }), {
      labels: FIELD_LABELS,
    });
  };

  return (
    <Section id={id} title={props.title}>
      {own.length > 0 && (
        <Table size="small" aria-labelledby={id}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Period</TableHeaderCell>
              <TableHeaderCell>Metric</TableHeaderCell>
              <TableHeaderCell>Target</TableHeaderCell>
              <TableHeaderCell>Actual</TableHeaderCell>
              <TableHeaderCell>Attainment</TableHeaderCell>
              <TableHeaderCell>Delete</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {own.map((target) => (
              <TableRow key={target.id}>
                <TableCell>{target.period}</TableCell>
                <TableCell>{metricName(target)}</TableCell>
                <TableCell>{target.value.toLocaleString()}</TableCell>
                <TableCell>
                  <Input
                    key={`${target.id}-${target.actual ?? ""}`}
                    size="small"
                    inputMode="decimal"
                    className={styles.narrowInput}
                    defaultValue={target.actual === undefined ? "" : String(target.actual)}
                    aria-label={`Actual of the ${target.period} ${metricName(target)} target`}
                    onBlur={(event) => saveActual(target, event.currentTarget.value)}
                  />
                </TableCell>
                <TableCell>{attainmentText(target)}</TableCell>
                <TableCell>
                  <Button
                    appearance="subtle"
                    icon={<DeleteRegular />}
                    aria-label={`Delete the ${target.period} ${metricName(target)} target`}
                    onClick={() =>
                      save.run("Deleting the target", () => store.delete("target", target.id))
                    }
                  />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <div className={styles.row}>
        <TextField
          label="Period"
          hint="2025, 2025-H1, 2025-Q1, 2025-03 or 2025-W09"
          value={period}
          message={messageFor(save.messages, "period")}
          onChange={setPeriod}
        />
        <ChoiceField
          label="Metric"
          options={TARGET_METRIC_OPTIONS}
          value={metric}
          message={messageFor(save.messages, "metric")}
          onChange={setMetric}
        />
      </div>
      {metric === "custom" && (
        <TextField
          label="Custom metric name"
          value={customName}
          message={messageFor(save.messages, "customMetricName")}
          onChange={setCustomName}
        />
      )}
      <div className={styles.row}>
        <NumberField
          label="Target value"
          required
          value={value}
          message={messageFor(save.messages, "value")}
          onChange={setValue}
        />
        <NumberField
          label="Weight"
          hint="Blank counts as 1"
          value={weight}
          message={messageFor(save.messages, "weight")}
          onChange={setWeight}
        />
      </div>
      <Button icon={<AddRegular />} onClick={add} disabled={save.busy}>
        Add target
      </Button>
      <FailureBar failure={save.failure} onDismiss={save.clear} />
      {props.showScores && <PeriodScores targets={own} />}
    </Section>
  );
}

/** Renders the weighted score of each period whose targets have actuals. */
function PeriodScores(props: { targets: readonly Target[] }): React.JSX.Element {
  const scores = scoresByPeriod(props.targets);
  if (scores.length === 0) {
    return <Caption1>Enter actuals to see the weighted score of each period.</Caption1>;
  }
  return (
    <Table size="small" aria-label="Scorecard scores">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Period</TableHeaderCell>
          <TableHeaderCell>Metrics with actuals</TableHeaderCell>
          <TableHeaderCell>Weighted score</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {scores.map((row) => (
          <TableRow key={row.period}>
            <TableCell>{row.period}</TableCell>
            <TableCell>{row.metrics}</TableCell>
            <TableCell>
              {row.score === undefined ? row.problem : `${(row.score * 100).toFixed(1)} %`}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
