/** Economics of sales: cost of sales, customer unit economics, channel margin, break-even. */
export * from "./breakEven";
export * from "./channelMargin";
export * from "./costOfSales";
export * from "./customerEconomics";
export * from "./division";
