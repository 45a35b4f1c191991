import {
  createChannel,
  createOrganisationUnit,
  createPerson,
  createReview,
  createRole,
  createStimulationAction,
  createTarget,
  createTargetGroup,
  RecordOf,
  RecordType,
  SalesSystemSnapshot,
  ValidationResult,
} from "../../src/model";

/** Fixed clock for records built in tests. */
export const FIXED_NOW = new Date("2025-02-03T04:05:06.789Z");

/**
 * Builds one record of every type with every field filled, all references resolved within the
 * set: a parent and a child target group, a channel serving the child, and so on.
 */
export function buildFullModel(): SalesSystemSnapshot {
  const parentGroup = createTargetGroup(
    { name: "Pharmacies", kind: "segment", priority: 1, estimatedPotential: 1_500_000 },
    FIXED_NOW,
  );
  const childGroup = createTargetGroup(
    {
      name: "Pharmacy chains",
      kind: "strategicNiche",
      parentId: parentGroup.id,
      description: "Chains with 10 or more outlets",
      priority: 2,
      estimatedPotential: 750_000.5,
      currentSharePercent: 12.5,
      owner: "Anna Kowalska",
      strategy: {
        entryApproach: "Head-office listing first",
        timeFrameStart: "2025-01-01",
        timeFrameEnd: "2025-12-31",
        timeFrameExtension: "Extend by a quarter if the listing slips",
        objections: [
          { objection: "Price too high", response: "Show cost per patient" },
          { objection: "No shelf space", response: "Offer a planogram" },
        ],
        counterProposal: "Smaller starter assortment",
        competitorSwitching: "Buy back competitor stock",
        retentionTactics: "Quarterly business reviews",
        complaintHandling: "Replace within 48 hours",
      },
    },
    FIXED_NOW,
  );
  const channel = createChannel(
    {
      name: "Wholesaler North",
      type: "wholesale",
      targetGroupIds: [childGroup.id],
      conditions: {
        discountPercent: 7.5,
        marginPercent: 18,
        paymentTermsDays: 30,
        minimumOrder: 500,
        listingTerms: "One-off listing fee",
        rebateTerms: "2% above 100k",
        notes: "Renegotiate in March",
      },
      salesHistorySource: "SPM_Sales[North]",
      forecastMethod: "holtWinters",
      effectiveness: { outletsCovered: 420, salesPerOutlet: 1800, channelCost: 95_000 },
    },
    FIXED_NOW,
  );
  const action = createStimulationAction(
    {
      name: "Spring display contest",
      channelId: channel.id,
      kind: "salesContest",
      startDate: "2025-03-01",
      endDate: "2025-04-30",
      budget: 12_000,
      actualCost: 11_250.75,
      expectedUpliftPercent: 8,
      measuredUpliftPercent: -2.5,
      status: "done",
      description: "Best display wins a trip",
    },
    FIXED_NOW,
  );
  const unit = createOrganisationUnit({ name: "Sales North", description: "Region" }, FIXED_NOW);
  const role = createRole(
    { name: "Key account manager", tasks: "Negotiate listings", functions: "Account planning" },
    FIXED_NOW,
  );
  const person = createPerson(
    {
      name: "Jan Novák",
      roleId: role.id,
      unitId: unit.id,
      channelIds: [channel.id],
      targetGroupIds: [parentGroup.id, childGroup.id],
      hireDate: "2023-09-01",
      stage: "adaptation",
      quota: 400_000,
    },
    FIXED_NOW,
  );
  const target = createTarget(
    {
      subjectType: "person",
      subjectId: person.id,
      period: "2025-Q2",
      metric: "custom",
      customMetricName: "Demo visits",
      value: 60,
    },
    FIXED_NOW,
  );
  const review = createReview(
    {
      year: 2024,
      date: "2025-01-20",
      participants: ["Anna Kowalska", "Jan Novák"],
      status: "draft",
      areas: { channels: { score: 3, findings: "Wholesale margin too thin" } },
      actions: [
        { description: "Renegotiate margin", owner: "Anna", dueDate: "2025-03-31", status: "open" },
        { description: "Close dormant accounts", owner: "Jan", status: "done" },
      ],
    },
    FIXED_NOW,
  );
  return {
    targetGroup: [parentGroup, childGroup],
    channel: [channel],
    stimulationAction: [action],
    organisationUnit: [unit],
    role: [role],
    person: [person],
    target: [target],
    review: [review],
  };
}

/** Returns the first record of `type` in a model built by `buildFullModel`. */
export function firstOf<T extends RecordType>(model: SalesSystemSnapshot, type: T): RecordOf<T> {
  return model[type][0] as RecordOf<T>;
}

/** Returns the value of a successful validation, or fails the test with the issues found. */
export function validValue<T>(result: ValidationResult<T>): T {
  if (!result.ok) {
    throw new Error(`Expected a valid record, got: ${JSON.stringify(result.issues)}`);
  }
  return result.value;
}
