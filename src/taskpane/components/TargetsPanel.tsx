/** The targets of one person, channel or target group: a scorecard list and a form to add one. */
import * as React from "react";
import {
  Button,
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
import { useServices } from "../services";
import { useSave } from "../useSave";
import { ChoiceField, NumberField, TextField } from "./fields";
import { FailureBar } from "./feedback";
import { Section, useLayoutStyles } from "./layout";

const FIELD_LABELS: Record<string, string> = {
  period: "Period",
  metric: "Metric",
  value: "Value",
  customMetricName: "Custom metric name",
};

/** Orders targets by period, then metric. */
function byPeriod(a: Target, b: Target): number {
  return a.period.localeCompare(b.period) || a.metric.localeCompare(b.metric);
}

/** Names a target's metric, the custom name for a custom metric. */
function metricName(target: Target): string {
  return target.metric === "custom" ? target.customMetricName : TARGET_METRIC_LABELS[target.metric];
}

/** Lists the subject's targets and adds or deletes them. */
export function TargetsPanel(props: {
  subjectType: TargetSubjectType;
  subjectId: string;
  targets: readonly Target[];
  title: string;
}): React.JSX.Element {
  const styles = useLayoutStyles();
  const { store } = useServices();
  const save = useSave();
  const [period, setPeriod] = React.useState(String(new Date().getFullYear()));
  const [metric, setMetric] = React.useState<string>("revenue");
  const [customName, setCustomName] = React.useState("");
  const [value, setValue] = React.useState("");
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
        }),
      { labels: FIELD_LABELS },
    );
    if (added) setValue("");
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
      <NumberField
        label="Target value"
        required
        value={value}
        message={messageFor(save.messages, "value")}
        onChange={setValue}
      />
      <Button icon={<AddRegular />} onClick={add} disabled={save.busy}>
        Add target
      </Button>
      <FailureBar failure={save.failure} onDismiss={save.clear} />
    </Section>
  );
}
