/**
 * The sales organisation: units and roles with their tasks, and people with their stage from
 * hiring to active, their quota and the targets of their scorecard.
 */
import * as React from "react";
import { Button } from "@fluentui/react-components";
import { AddRegular, DeleteRegular, SaveRegular } from "@fluentui/react-icons";
import { Person, RecordInput, SalesSystemSnapshot } from "../../model";
import {
  ChoiceField,
  DateField,
  MultiChoiceField,
  NumberField,
  TextField,
} from "../components/fields";
import { FailureBar, SuccessBar } from "../components/feedback";
import { RecordList, Section, useLayoutStyles } from "../components/layout";
import { TargetsPanel } from "../components/TargetsPanel";
import { messageFor, numberText, optionalInput, parseNumberInput, savedNotice } from "../formState";
import { PERSON_STAGE_LABELS, PERSON_STAGE_OPTIONS } from "../labels";
import { useServices } from "../services";
import { SaveState, useSave } from "../useSave";
import { SnapshotState } from "../useSnapshot";

/** Record types of this page edited as plain text fields. */
type TextRecordType = "organisationUnit" | "role";

/** The text fields of a unit or role, with their labels. */
const TEXT_FIELDS: Record<TextRecordType, readonly (readonly [string, string, boolean])[]> = {
  organisationUnit: [
    ["name", "Unit name", false],
    ["description", "Unit description", true],
  ],
  role: [
    ["name", "Role name", false],
    ["tasks", "Tasks", true],
    ["functions", "Functions", true],
  ],
};

/** Buttons to save and delete, and the outcome of the last attempt. */
function EditorActions(props: {
  save: SaveState;
  canDelete: boolean;
  noun: string;
  onSave(): void;
  onDelete(): void;
}): React.JSX.Element {
  const styles = useLayoutStyles();
  return (
    <>
      <div className={styles.row}>
        <Button
          appearance="primary"
          icon={<SaveRegular />}
          onClick={props.onSave}
          disabled={props.save.busy}
        >
          Save {props.noun}
        </Button>
        {props.canDelete && (
          <Button icon={<DeleteRegular />} onClick={props.onDelete} disabled={props.save.busy}>
            Delete {props.noun}
          </Button>
        )}
      </div>
      <FailureBar failure={props.save.failure} onDismiss={props.save.clear} />
      <SuccessBar message={props.save.notice} />
    </>
  );
}

/** Editor of a unit or role; a unit also chooses its parent unit. */
function TextRecordEditor(props: {
  type: TextRecordType;
  noun: string;
  record: Record<string, unknown> & { id: string };
  snapshot: SalesSystemSnapshot;
  isNew: boolean;
  onDone(id: string | undefined): void;
}): React.JSX.Element {
  const { store } = useServices();
  const save = useSave();
  const [base] = React.useState(props.record);
  const [draft, setDraft] = React.useState<Record<string, string>>(() =>
    Object.fromEntries(
      [...TEXT_FIELDS[props.type].map(([f]) => f), "parentId"].map((f) => [
        f,
        String(props.record[f] ?? ""),
      ]),
    ),
  );
  const labels = Object.fromEntries(TEXT_FIELDS[props.type].map(([f, label]) => [f, label]));

  const input = (): Record<string, unknown> => {
    const fields = Object.fromEntries(TEXT_FIELDS[props.type].map(([f]) => [f, draft[f]]));
    return props.type === "organisationUnit"
      ? { ...fields, parentId: optionalInput(draft.parentId) }
      : fields;
  };

  const submit = async (): Promise<void> => {
    let id: string | undefined;
    const saved = await save.run(
      `Saving the ${props.noun}`,
      async () => {
        if (props.isNew) {
          id = (await store.create(props.type, input() as RecordInput<TextRecordType>)).id;
          return undefined;
        } else {
          await store.update(props.type, props.record.id, input(), { base: base as never });
          id = props.record.id;
        }
      },
      { labels, notice: `The ${props.noun} is saved.` },
    );
    if (saved) props.onDone(id);
  };

  const remove = async (): Promise<void> => {
    const removed = await save.run(`Deleting the ${props.noun}`, () =>
      store.delete(props.type, props.record.id),
    );
    if (removed) props.onDone(undefined);
  };

  const parents = props.snapshot.organisationUnit
    .filter((unit) => unit.id !== props.record.id)
    .map((unit) => ({ value: unit.id, label: unit.name }));

  return (
    <div className={useLayoutStyles().nested}>
      {TEXT_FIELDS[props.type].map(([field, label, multiline]) => (
        <TextField
          key={field}
          label={label}
          multiline={multiline}
          required={field === "name"}
          value={draft[field]}
          message={messageFor(save.messages, field)}
          onChange={(value) => setDraft((previous) => ({ ...previous, [field]: value }))}
        />
      ))}
      {props.type === "organisationUnit" && (
        <ChoiceField
          label="Parent unit"
          emptyLabel="(none)"
          options={parents}
          value={draft.parentId}
          message={messageFor(save.messages, "parentId")}
          onChange={(parentId) => setDraft((previous) => ({ ...previous, parentId }))}
        />
      )}
      <EditorActions
        save={save}
        canDelete={!props.isNew}
        noun={props.noun}
        onSave={submit}
        onDelete={remove}
      />
    </div>
  );
}

/** Renders a list of units or roles with an editor for the chosen one. */
function TextRecordSection(props: {
  type: TextRecordType;
  title: string;
  noun: string;
  snapshot: SalesSystemSnapshot;
}): React.JSX.Element {
  const [selected, setSelected] = React.useState<string | undefined>();
  const records = props.snapshot[props.type] as readonly (Record<string, unknown> & {
    id: string;
    name: string;
  })[];
  const record = records.find((candidate) => candidate.id === selected);

  return (
    <Section id={`${props.type}-list`} title={props.title}>
      <RecordList
        label={props.title}
        entries={records.map((candidate) => ({ id: candidate.id, title: candidate.name }))}
        selectedId={selected}
        emptyText={`No ${props.noun}s yet.`}
        onSelect={setSelected}
      />
      <Button icon={<AddRegular />} onClick={() => setSelected("new")}>
        New {props.noun}
      </Button>
      {(selected === "new" || record !== undefined) && (
        <TextRecordEditor
          key={selected}
          type={props.type}
          noun={props.noun}
          record={record ?? { id: "new" }}
          isNew={record === undefined}
          snapshot={props.snapshot}
          onDone={setSelected}
        />
      )}
    </Section>
  );
}

const PERSON_LABELS: Record<string, string> = {
  name: "Name",
  hireDate: "Hire date",
  quota: "Quota",
};

type PersonDraft = Record<"name" | "roleId" | "unitId" | "stage" | "hireDate" | "quota", string> & {
  channelIds: string[];
  targetGroupIds: string[];
};

function toPersonDraft(person: Person | undefined): PersonDraft {
  return {
    name: person?.name ?? "",
    roleId: person?.roleId ?? "",
    unitId: person?.unitId ?? "",
    stage: person?.stage ?? "hiring",
    hireDate: person?.hireDate ?? "",
    quota: numberText(person?.quota),
    channelIds: [...(person?.channelIds ?? [])],
    targetGroupIds: [...(person?.targetGroupIds ?? [])],
  };
}

function toPersonInput(draft: PersonDraft): RecordInput<"person"> {
  return {
    name: draft.name,
    roleId: optionalInput(draft.roleId),
    unitId: optionalInput(draft.unitId),
    stage: draft.stage as Person["stage"],
    hireDate: optionalInput(draft.hireDate),
    quota: parseNumberInput(draft.quota) as number | undefined,
    channelIds: draft.channelIds,
    targetGroupIds: draft.targetGroupIds,
  };
}

function PersonEditor(props: {
  person: Person | undefined;
  snapshot: SalesSystemSnapshot;
  onDone(id: string | undefined): void;
}): React.JSX.Element {
  const styles = useLayoutStyles();
  const { store } = useServices();
  const save = useSave();
  const [base] = React.useState(props.person);
  const [draft, setDraft] = React.useState(() => toPersonDraft(props.person));
  const text = (name: Exclude<keyof PersonDraft, "channelIds" | "targetGroupIds">) => ({
    value: draft[name],
    message: messageFor(save.messages, name),
    onChange: (value: string) => setDraft((previous) => ({ ...previous, [name]: value })),
  });
  const { snapshot } = props;

  const submit = async (): Promise<void> => {
    let id: string | undefined;
    const saved = await save.run(
      "Saving the person",
      async () => {
        if (props.person === undefined) {
          id = (await store.create("person", toPersonInput(draft))).id;
          return undefined;
        } else {
          const result = await store.update("person", props.person.id, toPersonInput(draft), {
            base,
          });
          id = props.person.id;
          return savedNotice("The person is saved.", result.conflicts);
        }
      },
      { labels: PERSON_LABELS, notice: "The person is saved." },
    );
    if (saved) props.onDone(id);
  };

  const remove = async (): Promise<void> => {
    const id = props.person?.id;
    if (id === undefined) return;
    const removed = await save.run("Deleting the person", () => store.delete("person", id));
    if (removed) props.onDone(undefined);
  };

  return (
    <div className={styles.nested}>
      <TextField label="Name" required {...text("name")} />
      <div className={styles.row}>
        <ChoiceField
          label="Role"
          emptyLabel="(none)"
          options={snapshot.role.map((r) => ({ value: r.id, label: r.name }))}
          {...text("roleId")}
        />
        <ChoiceField
          label="Unit"
          emptyLabel="(none)"
          options={snapshot.organisationUnit.map((u) => ({ value: u.id, label: u.name }))}
          {...text("unitId")}
        />
      </div>
      <div className={styles.row}>
        <ChoiceField label="Stage" options={PERSON_STAGE_OPTIONS} {...text("stage")} />
        <DateField label="Hire date" {...text("hireDate")} />
      </div>
      <NumberField label="Quota" {...text("quota")} />
      <MultiChoiceField
        label="Channels"
        options={snapshot.channel.map((c) => ({ value: c.id, label: c.name }))}
        values={draft.channelIds}
        message={messageFor(save.messages, "channelIds")}
        onChange={(channelIds) => setDraft((previous) => ({ ...previous, channelIds }))}
      />
      <MultiChoiceField
        label="Target groups"
        options={snapshot.targetGroup.map((g) => ({ value: g.id, label: g.name }))}
        values={draft.targetGroupIds}
        message={messageFor(save.messages, "targetGroupIds")}
        onChange={(targetGroupIds) => setDraft((previous) => ({ ...previous, targetGroupIds }))}
      />
      <EditorActions
        save={save}
        canDelete={props.person !== undefined}
        noun="person"
        onSave={submit}
        onDelete={remove}
      />
      {props.person && (
        <TargetsPanel
          title="Scorecard"
          showScores
          subjectType="person"
          subjectId={props.person.id}
          targets={snapshot.target}
        />
      )}
    </div>
  );
}

/** Renders the people page: units, roles and people. */
export function PeoplePage(props: { data: SnapshotState }): React.JSX.Element {
  const styles = useLayoutStyles();
  const { snapshot } = props.data;
  const [selected, setSelected] = React.useState<string | undefined>();
  const person = snapshot.person.find((candidate) => candidate.id === selected);

  return (
    <div className={styles.section}>
      <Section id="person-list" title="People">
        <RecordList
          label="People"
          entries={snapshot.person.map((candidate) => ({
            id: candidate.id,
            title: candidate.name,
            detail: PERSON_STAGE_LABELS[candidate.stage],
          }))}
          selectedId={selected}
          emptyText="No people yet."
          onSelect={setSelected}
        />
        <Button icon={<AddRegular />} onClick={() => setSelected("new")}>
          New person
        </Button>
        {(selected === "new" || person !== undefined) && (
          <PersonEditor key={selected} person={person} snapshot={snapshot} onDone={setSelected} />
        )}
      </Section>
      <TextRecordSection
        type="organisationUnit"
        title="Organisation units"
        noun="unit"
        snapshot={snapshot}
      />
      <TextRecordSection type="role" title="Roles" noun="role" snapshot={snapshot} />
    </div>
  );
}
