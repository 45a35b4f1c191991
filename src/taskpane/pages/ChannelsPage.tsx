/**
 * Channels: a list and an editor with conditions, effectiveness figures and forecast method,
 * then the channel's targets, stimulation actions and forecast sheet.
 */
import * as React from "react";
import { Button } from "@fluentui/react-components";
import { AddRegular, DeleteRegular, SaveRegular } from "@fluentui/react-icons";
import { CHANNEL_TYPES, Channel, RecordInput, SalesSystemSnapshot } from "../../model";
import { ChoiceField, MultiChoiceField, NumberField, TextField } from "../components/fields";
import { FailureBar, SuccessBar } from "../components/feedback";
import { ForecastSheetPanel } from "../components/ForecastSheetPanel";
import { RecordList, Section, useLayoutStyles } from "../components/layout";
import { StimulationActionsPanel } from "../components/StimulationActionsPanel";
import { TargetsPanel } from "../components/TargetsPanel";
import { messageFor, numberText, optionalInput, parseNumberInput, savedNotice } from "../formState";
import { CHANNEL_TYPE_LABELS, CHANNEL_TYPE_OPTIONS, FORECAST_METHOD_OPTIONS } from "../labels";
import { useServices } from "../services";
import { useSave } from "../useSave";
import { SnapshotState } from "../useSnapshot";

const FIELD_LABELS: Record<string, string> = {
  name: "Name",
  "conditions.discountPercent": "Discount",
  "conditions.marginPercent": "Margin",
  "conditions.paymentTermsDays": "Payment terms",
  "conditions.minimumOrder": "Minimum order",
  "effectiveness.outletsCovered": "Outlets covered",
  "effectiveness.salesPerOutlet": "Sales per outlet",
  "effectiveness.channelCost": "Channel cost",
  salesHistorySource: "Sales history range",
  salesHistoryStart: "Month of the first value",
};

/** Number fields of the conditions and the effectiveness figures, with their labels. */
const CONDITION_NUMBERS = [
  ["discountPercent", "Discount %"],
  ["marginPercent", "Margin %"],
  ["paymentTermsDays", "Payment terms (days)"],
  ["minimumOrder", "Minimum order"],
] as const;
const CONDITION_TEXTS = [
  ["listingTerms", "Listing terms"],
  ["rebateTerms", "Rebate terms"],
  ["notes", "Notes on conditions"],
] as const;
const EFFECTIVENESS_NUMBERS = [
  ["outletsCovered", "Outlets covered"],
  ["salesPerOutlet", "Sales per outlet"],
  ["channelCost", "Channel cost"],
] as const;

/** A channel as the editor keeps it: every field as text, nested groups keyed by field name. */
interface ChannelDraft {
  name: string;
  type: string;
  targetGroupIds: string[];
  salesHistorySource: string;
  salesHistoryStart: string;
  forecastMethod: string;
  conditions: Record<string, string>;
  effectiveness: Record<string, string>;
}

function toDraft(channel: Channel | undefined): ChannelDraft {
  const conditions = channel?.conditions;
  const effectiveness = channel?.effectiveness;
  return {
    name: channel?.name ?? "",
    type: channel?.type ?? CHANNEL_TYPES[0],
    targetGroupIds: [...(channel?.targetGroupIds ?? [])],
    salesHistorySource: channel?.salesHistorySource ?? "",
    salesHistoryStart: channel?.salesHistoryStart ?? "",
    forecastMethod: channel?.forecastMethod ?? "",
    conditions: {
      ...Object.fromEntries(CONDITION_NUMBERS.map(([f]) => [f, numberText(conditions?.[f])])),
      ...Object.fromEntries(CONDITION_TEXTS.map(([f]) => [f, conditions?.[f] ?? ""])),
    },
    effectiveness: Object.fromEntries(
      EFFECTIVENESS_NUMBERS.map(([f]) => [f, numberText(effectiveness?.[f])]),
    ),
  };
}

function toInput(draft: ChannelDraft): RecordInput<"channel"> {
  const numbers = (
    fields: readonly (readonly [string, string])[],
    values: Record<string, string>,
  ) => Object.fromEntries(fields.map(([f]) => [f, parseNumberInput(values[f])]));
  return {
    name: draft.name,
    type: draft.type as Channel["type"],
    targetGroupIds: draft.targetGroupIds,
    salesHistorySource: draft.salesHistorySource,
    salesHistoryStart: draft.salesHistoryStart.trim(),
    forecastMethod: optionalInput(draft.forecastMethod) as Channel["forecastMethod"],
    conditions: {
      ...numbers(CONDITION_NUMBERS, draft.conditions),
      ...Object.fromEntries(CONDITION_TEXTS.map(([f]) => [f, draft.conditions[f]])),
    },
    effectiveness: numbers(EFFECTIVENESS_NUMBERS, draft.effectiveness),
  } as RecordInput<"channel">;
}

function ChannelEditor(props: {
  channel: Channel | undefined;
  snapshot: SalesSystemSnapshot;
  onSaved(id: string | undefined): void;
}): React.JSX.Element {
  const styles = useLayoutStyles();
  const { store } = useServices();
  const save = useSave();
  const [base] = React.useState(props.channel);
  const [draft, setDraft] = React.useState(() => toDraft(props.channel));
  const message = (field: string): string | undefined => messageFor(save.messages, field);
  const set = (changes: Partial<ChannelDraft>): void =>
    setDraft((previous) => ({ ...previous, ...changes }));
  const setGroupField = (group: "conditions" | "effectiveness", field: string, value: string) =>
    setDraft((previous) => ({ ...previous, [group]: { ...previous[group], [field]: value } }));

  const submit = async (): Promise<void> => {
    let id: string | undefined;
    const saved = await save.run(
      "Saving the channel",
      async () => {
        if (props.channel === undefined) {
          id = (await store.create("channel", toInput(draft))).id;
          return undefined;
        } else {
          const result = await store.update("channel", props.channel.id, toInput(draft), { base });
          id = props.channel.id;
          return savedNotice("The channel is saved.", result.conflicts);
        }
      },
      { labels: FIELD_LABELS, notice: "The channel is saved." },
    );
    if (saved) props.onSaved(id);
  };

  const remove = async (): Promise<void> => {
    const id = props.channel?.id;
    if (id === undefined) return;
    const removed = await save.run("Deleting the channel", () => store.delete("channel", id));
    if (removed) props.onSaved(undefined);
  };

  const groupOptions = props.snapshot.targetGroup.map((g) => ({ value: g.id, label: g.name }));

  return (
    <Section id="channel-editor" title={props.channel ? props.channel.name : "New channel"}>
      <TextField
        label="Name"
        required
        value={draft.name}
        message={message("name")}
        onChange={(name) => set({ name })}
      />
      <ChoiceField
        label="Type"
        options={CHANNEL_TYPE_OPTIONS}
        value={draft.type}
        message={message("type")}
        onChange={(type) => set({ type })}
      />
      <MultiChoiceField
        label="Target groups served"
        options={groupOptions}
        values={draft.targetGroupIds}
        message={message("targetGroupIds")}
        onChange={(targetGroupIds) => set({ targetGroupIds })}
      />

      <Section id="channel-conditions" title="Conditions">
        <div className={styles.row}>
          {CONDITION_NUMBERS.map(([field, label]) => (
            <NumberField
              key={field}
              label={label}
              value={draft.conditions[field]}
              message={message(`conditions.${field}`)}
              onChange={(value) => setGroupField("conditions", field, value)}
            />
          ))}
        </div>
        {CONDITION_TEXTS.map(([field, label]) => (
          <TextField
            key={field}
            label={label}
            multiline
            value={draft.conditions[field]}
            message={message(`conditions.${field}`)}
            onChange={(value) => setGroupField("conditions", field, value)}
          />
        ))}
      </Section>

      <Section id="channel-effectiveness" title="Effectiveness">
        <div className={styles.row}>
          {EFFECTIVENESS_NUMBERS.map(([field, label]) => (
            <NumberField
              key={field}
              label={label}
              value={draft.effectiveness[field]}
              message={message(`effectiveness.${field}`)}
              onChange={(value) => setGroupField("effectiveness", field, value)}
            />
          ))}
        </div>
      </Section>

      <Section id="channel-forecast" title="Forecast">
        <TextField
          label="Sales history range"
          hint="Such as 'Sales by channel'!B2:B61."
          value={draft.salesHistorySource}
          message={message("salesHistorySource")}
          onChange={(salesHistorySource) => set({ salesHistorySource })}
        />
        <TextField
          label="Month of the first value"
          hint="Such as 2021-01; the range holds one value per month from then on."
          value={draft.salesHistoryStart}
          message={message("salesHistoryStart")}
          onChange={(salesHistoryStart) => set({ salesHistoryStart })}
        />
        <ChoiceField
          label="Forecast method"
          emptyLabel="(not chosen)"
          options={FORECAST_METHOD_OPTIONS}
          value={draft.forecastMethod}
          message={message("forecastMethod")}
          onChange={(forecastMethod) => set({ forecastMethod })}
        />
      </Section>

      <div className={styles.row}>
        <Button appearance="primary" icon={<SaveRegular />} onClick={submit} disabled={save.busy}>
          Save
        </Button>
        {props.channel && (
          <Button icon={<DeleteRegular />} onClick={remove} disabled={save.busy}>
            Delete
          </Button>
        )}
      </div>
      <FailureBar failure={save.failure} onDismiss={save.clear} />
      <SuccessBar message={save.notice} />

      {props.channel && (
        <>
          <TargetsPanel
            title="Targets"
            subjectType="channel"
            subjectId={props.channel.id}
            targets={props.snapshot.target}
          />
          <StimulationActionsPanel
            channelId={props.channel.id}
            actions={props.snapshot.stimulationAction}
          />
          <ForecastSheetPanel
            key={`${props.channel.salesHistorySource}|${props.channel.forecastMethod}`}
            subject={{ type: "channel", id: props.channel.id }}
            historySource={props.channel.salesHistorySource}
            method={props.channel.forecastMethod}
          />
        </>
      )}
    </Section>
  );
}

/** Renders the channels page. */
export function ChannelsPage(props: { data: SnapshotState }): React.JSX.Element {
  const styles = useLayoutStyles();
  const { snapshot } = props.data;
  const [selected, setSelected] = React.useState<string | undefined>();
  const selectedChannel = snapshot.channel.find((channel) => channel.id === selected);

  return (
    <div className={styles.section}>
      <Section id="channel-list" title="Channels">
        <RecordList
          label="Channels"
          entries={snapshot.channel.map((channel) => ({
            id: channel.id,
            title: channel.name,
            detail: CHANNEL_TYPE_LABELS[channel.type],
          }))}
          selectedId={selected}
          emptyText="No channels yet."
          onSelect={setSelected}
        />
        <Button icon={<AddRegular />} onClick={() => setSelected("new")}>
          New channel
        </Button>
      </Section>
      {(selected === "new" || selectedChannel !== undefined) && (
        <ChannelEditor
          key={selected}
          channel={selectedChannel}
          snapshot={snapshot}
          onSaved={setSelected}
        />
      )}
    </div>
  );
}
