/**
 * Services of the task pane: the store of the sales system records and the workbook actions.
 * Excel and the standalone host each provide their own, so the pages never touch `Excel` or
 * `Office` directly.
 */
import * as React from "react";
import type { WorkbookActions } from "../workbook/actions/workbookActions";
import type { SalesSystemStore } from "../workbook/store";

export type { WorkbookActions } from "../workbook/actions/workbookActions";

/** The store and workbook actions of one task pane. */
export interface TaskPaneServices {
  store: SalesSystemStore;
  workbook: WorkbookActions;
}

/** Context through which the pages reach the services. */
export const ServicesContext = React.createContext<TaskPaneServices | undefined>(undefined);

/**
 * Returns the services of the enclosing `ServicesContext`.
 *
 * @throws Error when a page renders outside a provider, a wiring mistake of the host.
 */
export function useServices(): TaskPaneServices {
  const services = React.useContext(ServicesContext);
  if (services === undefined) {
    throw new Error("The task pane pages need a ServicesContext provider with a store.");
  }
  return services;
}
