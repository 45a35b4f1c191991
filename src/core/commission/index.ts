/** Commission and incentive pay from tiered rate tables. */
export * from "./commission";
export * from "./rateTable";
