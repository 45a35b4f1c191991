/** The records of the sales system, their validation and their stored layout. */
export * from "./channel";
export * from "./fieldMerge";
export * from "./fields";
export * from "./issues";
export * from "./organisation";
export * from "./person";
export * from "./records";
export * from "./references";
export * from "./review";
export * from "./rowFormat";
export * from "./schemaVersion";
export * from "./stimulationAction";
export * from "./target";
export * from "./targetGroup";
export * from "./validation";
