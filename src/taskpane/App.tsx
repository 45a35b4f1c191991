import * as React from "react";
import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Tab,
  TabList,
  Theme,
  Title3,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import {
  BranchForkRegular,
  ClipboardTaskListLtrRegular,
  HomeRegular,
  MathFormulaRegular,
  PeopleRegular,
  TargetRegular,
} from "@fluentui/react-icons";
import { AlertPage } from "./alerts";
import { FailureBar } from "./components/feedback";
import { FunctionList } from "./FunctionList";
import { ChannelsPage } from "./pages/ChannelsPage";
import { OverviewPage } from "./pages/OverviewPage";
import { PeoplePage } from "./pages/PeoplePage";
import { ReviewsPage } from "./pages/ReviewsPage";
import { TargetGroupsPage } from "./pages/TargetGroupsPage";
import { ServicesContext, TaskPaneServices, useServices } from "./services";
import { useSnapshot } from "./useSnapshot";

const useStyles = makeStyles({
  root: {
    minHeight: "100vh",
    boxSizing: "border-box",
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  main: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalL,
    // The pane is 320 to 350 px wide; long words and references must wrap, not widen it.
    overflowWrap: "anywhere",
  },
  heading: {
    margin: 0,
  },
  tabs: {
    flexWrap: "wrap",
  },
});

/** Pages of the task pane. */
type PageId = "overview" | AlertPage | "functions";

/** Tab label and icon of each page, in tab order. */
const PAGES: readonly { id: PageId; label: string; icon: React.JSX.Element }[] = [
  { id: "overview", label: "Overview", icon: <HomeRegular /> },
  { id: "targetGroups", label: "Target groups", icon: <TargetRegular /> },
  { id: "channels", label: "Channels", icon: <BranchForkRegular /> },
  { id: "people", label: "People", icon: <PeopleRegular /> },
  { id: "reviews", label: "Reviews", icon: <ClipboardTaskListLtrRegular /> },
  { id: "functions", label: "Functions", icon: <MathFormulaRegular /> },
];

/** Renders the pages with their tab list, over the services of the context. */
function Pages(): React.JSX.Element {
  const styles = useStyles();
  const { store } = useServices();
  const data = useSnapshot();
  const [page, setPage] = React.useState<PageId>("overview");

  return (
    <>
      <TabList
        className={styles.tabs}
        size="small"
        selectedValue={page}
        onTabSelect={(_, tab) => setPage(tab.value as PageId)}
        aria-label="Pages"
      >
        {PAGES.map((entry) => (
          <Tab key={entry.id} value={entry.id} icon={entry.icon}>
            {entry.label}
          </Tab>
        ))}
      </TabList>
      {store.readOnly && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Read-only</MessageBarTitle>
            {store.readOnlyReason ?? "This workbook cannot be changed from the task pane."}
          </MessageBarBody>
        </MessageBar>
      )}
      <FailureBar failure={data.failure} onDismiss={data.reload} />
      {data.overwritten.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Changed by a colleague</MessageBarTitle>
            {data.overwritten.map((notice) => (
              <div key={notice.key}>{notice.message}</div>
            ))}
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={data.dismissOverwritten}>
              Dismiss
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {data.loading && <Spinner size="small" label="Loading the records" />}
      <div role="tabpanel" aria-label={PAGES.find((entry) => entry.id === page)?.label}>
        {page === "overview" && <OverviewPage data={data} onNavigate={setPage} />}
        {page === "targetGroups" && <TargetGroupsPage data={data} />}
        {page === "channels" && <ChannelsPage data={data} />}
        {page === "people" && <PeoplePage data={data} />}
        {page === "reviews" && <ReviewsPage data={data} />}
        {page === "functions" && <FunctionList />}
      </div>
    </>
  );
}

/** Properties of the task pane root. */
export interface AppProps {
  theme: Theme;
  /** Store and workbook actions; without them the pane shows only the function list. */
  services?: TaskPaneServices;
}

/** Task pane root: the pages of the sales system and the list of SPM functions. */
export function App({ theme, services }: AppProps): React.JSX.Element {
  const styles = useStyles();

  return (
    <FluentProvider theme={theme} className={styles.root}>
      <main className={styles.main}>
        <Title3 as="h1" className={styles.heading}>
          Sales Performance Management
        </Title3>
        {services === undefined ? (
          <>
            <MessageBar intent="info" layout="multiline">
              <MessageBarBody>
                The sales system records are not available here; the SPM functions work in any cell:
                type =SPM. to use them.
              </MessageBarBody>
            </MessageBar>
            <FunctionList />
          </>
        ) : (
          <ServicesContext.Provider value={services}>
            <Pages />
          </ServicesContext.Provider>
        )}
      </main>
    </FluentProvider>
  );
}
