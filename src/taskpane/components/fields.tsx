/**
 * Labelled form fields of the editors. Each shows the store's message for its field under the
 * control, and text fields warn when Excel would read their text as a formula.
 */
import * as React from "react";
import { Checkbox, Field, Input, Select, Textarea } from "@fluentui/react-components";
import { formulaTextHint } from "../formState";

/** Properties every field shares. */
interface FieldProps {
  label: string;
  /** Message of the store about this field; shown as an error. */
  message?: string;
  required?: boolean;
  disabled?: boolean;
  /** Help shown under the control when there is no message. */
  hint?: string;
}

/** Properties of a field edited as text. */
interface TextFieldProps extends FieldProps {
  value: string;
  onChange(value: string): void;
}

/** Builds the validation properties of a Fluent `Field`. */
function validation(message: string | undefined, info: string | undefined) {
  if (message !== undefined) {
    return { validationState: "error" as const, validationMessage: message };
  }
  if (info !== undefined) {
    return { validationState: "none" as const, validationMessage: info };
  }
  return {};
}

/** Renders a single-line or multi-line text field. */
export function TextField(props: TextFieldProps & { multiline?: boolean }): React.JSX.Element {
  const info = formulaTextHint(props.value) ?? props.hint;
  const change = (_: unknown, data: { value: string }): void => props.onChange(data.value);
  return (
    <Field label={props.label} required={props.required} {...validation(props.message, info)}>
      {props.multiline ? (
        <Textarea
          value={props.value}
          onChange={change}
          disabled={props.disabled}
          resize="vertical"
        />
      ) : (
        <Input value={props.value} onChange={change} disabled={props.disabled} />
      )}
    </Field>
  );
}

/**
 * Renders a number field. It takes any text, so that the store names a mistyped value ("abc") at the
 * field instead of the browser dropping it silently.
 */
export function NumberField(props: TextFieldProps): React.JSX.Element {
  return (
    <Field label={props.label} required={props.required} {...validation(props.message, props.hint)}>
      <Input
        inputMode="decimal"
        value={props.value}
        onChange={(_, data) => props.onChange(data.value)}
        disabled={props.disabled}
      />
    </Field>
  );
}

/** Renders a date field; the browser's date input gives YYYY-MM-DD, as the records store dates. */
export function DateField(props: TextFieldProps): React.JSX.Element {
  return (
    <Field label={props.label} required={props.required} {...validation(props.message, props.hint)}>
      <Input
        type="date"
        value={props.value}
        onChange={(_, data) => props.onChange(data.value)}
        disabled={props.disabled}
      />
    </Field>
  );
}

/** One option of a choice field. */
export interface ChoiceOption {
  value: string;
  label: string;
}

/** Renders a choice among options; `emptyLabel` adds an empty first option. */
export function ChoiceField(
  props: TextFieldProps & { options: readonly ChoiceOption[]; emptyLabel?: string },
): React.JSX.Element {
  return (
    <Field label={props.label} required={props.required} {...validation(props.message, props.hint)}>
      <Select
        value={props.value}
        onChange={(_, data) => props.onChange(data.value)}
        disabled={props.disabled}
      >
        {props.emptyLabel !== undefined && <option value="">{props.emptyLabel}</option>}
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </Select>
    </Field>
  );
}

/** Renders checkboxes choosing several records, such as the target groups of a channel. */
export function MultiChoiceField(
  props: FieldProps & {
    options: readonly ChoiceOption[];
    values: readonly string[];
    onChange(values: string[]): void;
  },
): React.JSX.Element {
  const toggle = (value: string, checked: boolean): void => {
    const others = props.values.filter((existing) => existing !== value);
    props.onChange(checked ? [...others, value] : others);
  };
  return (
    <Field label={props.label} {...validation(props.message, props.hint)}>
      <div role="group" aria-label={props.label}>
        {props.options.length === 0 && <span>None to choose yet.</span>}
        {props.options.map((option) => (
          <Checkbox
            key={option.value}
            label={option.label}
            checked={props.values.includes(option.value)}
            onChange={(_, data) => toggle(option.value, data.checked === true)}
            disabled={props.disabled}
          />
        ))}
      </div>
    </Field>
  );
}
