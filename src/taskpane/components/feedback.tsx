/** Message bars and progress of the pages. */
import * as React from "react";
import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Field,
} from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";
import type { ActionProgress } from "../../workbook/actions/workbookActions";
import { FailureReport } from "../failure";

/** Renders a failure with what to do next, dismissible. */
export function FailureBar(props: {
  failure: FailureReport | undefined;
  onDismiss?: () => void;
}): React.JSX.Element | null {
  if (props.failure === undefined) {
    return null;
  }
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{props.failure.title}</MessageBarTitle>
        {props.failure.message}
      </MessageBarBody>
      {props.onDismiss && (
        <MessageBarActions
          containerAction={
            <Button
              appearance="transparent"
              aria-label="Dismiss the message"
              icon={<DismissRegular />}
              onClick={props.onDismiss}
            />
          }
        />
      )}
    </MessageBar>
  );
}

/** Renders a confirmation that disappears with the next action. */
export function SuccessBar(props: { message: string | undefined }): React.JSX.Element | null {
  if (props.message === undefined) {
    return null;
  }
  return (
    <MessageBar intent="success" layout="multiline">
      <MessageBarBody>{props.message}</MessageBarBody>
    </MessageBar>
  );
}

/** Progress of a running workbook action. */
export function ActionProgressBar(props: {
  progress: ActionProgress | undefined;
}): React.JSX.Element | null {
  if (props.progress === undefined) {
    return null;
  }
  const { step, completed, total } = props.progress;
  return (
    <Field validationMessage={step} validationState="none">
      <ProgressBar value={total === 0 ? 0 : completed / total} aria-label={step} />
    </Field>
  );
}
