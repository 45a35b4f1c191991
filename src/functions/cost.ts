/**
 * The SPM.COST.* custom functions: the economics of selling. Thin adapters that read Excel's
 * arguments, call `core/economics` and return a number or a spilled table.
 *
 * Percentages (gross margin, churn rate, margin ratio) are fractions, as Excel stores them: 25%
 * or 0.25; text such as "25%" is read too. Ratios are returned as fractions, to be shown with
 * the percent format. A ratio whose denominator is 0 shows #DIV/0!, as Excel's own division.
 *
 * The adapters import each core module directly rather than through its index, because the
 * CommonJS build (the `spm` command, tests) compiles `export *` into getters that run on every
 * call.
 */
import { breakEvenRevenue, breakEvenUnits } from "../core/economics/breakEven";
import { channelContributions } from "../core/economics/channelMargin";
import { budgetVariances, costOfSalesRatio, costPerItem } from "../core/economics/costOfSales";
import {
  cacPaybackMonths,
  customerAcquisitionCost,
  customerLifetimeValue,
} from "../core/economics/customerEconomics";
import { DivisionByZeroError, divide } from "../core/economics/division";
import {
  NON_NEGATIVE,
  checkSameLength,
  readNumber,
  readNumberTable,
  readPercent,
  readSeries,
} from "./arguments";
import { toExcelError } from "./errors";
import { ResultCell, toNumber, toTable } from "./results";

/**
 * Converts what a sales ratio function throws into the error value Excel shows, as
 * `toExcelError` does, except that a ratio whose denominator is 0 shows #DIV/0!, the error
 * Excel's own division gives. The functions call it from their own catch block rather than
 * passing their body as a closure, which would allocate on every call.
 */
export function ratioFunctionError(functionId: string, error: unknown): CustomFunctions.Error {
  if (error instanceof DivisionByZeroError) {
    return new CustomFunctions.Error(CustomFunctions.ErrorCode.divisionByZero, error.message);
  }
  return toExcelError(functionId, error);
}

/**
 * Computes the cost-of-sales ratio: total cost of the selling function ÷ revenue.
 * @customfunction COST.RATIO
 * @param costs Cost of the selling function in currency: one total, or a row or column of cost lines (salaries, variable pay, travel, tools, overhead) that are added up.
 * @param revenue Revenue of the same period in currency, 0 or more.
 * @returns The ratio as a fraction, such as 0.12 for 12 % of revenue; show it with the percent format.
 * @example =SPM.COST.RATIO(B2:B6, B8)
 * @errors #VALUE! when a cost line is not a number or revenue is negative; #DIV/0! when revenue is 0.
 */
export function ratio(costs: any[][], revenue: number): number {
  try {
    const lines = readSeries(costs, "costs");
    const total = readNumber(revenue, "revenue");
    return toNumber(costOfSalesRatio(lines, total), "the cost-of-sales ratio");
  } catch (error) {
    throw ratioFunctionError("COST.RATIO", error);
  }
}

/** Reads the costs and the count of a cost-per-item function and divides them. */
function costPer(costs: unknown, count: unknown, countName: string): number {
  const lines = readSeries(costs, "costs");
  const items = readNumber(count, countName, NON_NEGATIVE);
  return toNumber(costPerItem(lines, items, countName), `the cost per item of ${countName}`);
}

/**
 * Computes the cost of sales per order: total cost ÷ number of orders.
 * @customfunction COST.PERORDER
 * @param costs Cost of the selling function in currency: one total, or a row or column of cost lines that are added up.
 * @param orders Number of orders in the same period, 0 or more.
 * @returns The cost per order in currency.
 * @example =SPM.COST.PERORDER(B2:B6, B9)
 * @errors #VALUE! when a cost line is not a number or orders is negative; #DIV/0! when orders is 0.
 */
export function perOrder(costs: any[][], orders: number): number {
  try {
    return costPer(costs, orders, "orders");
  } catch (error) {
    throw ratioFunctionError("COST.PERORDER", error);
  }
}

/**
 * Computes the cost of sales per customer: total cost ÷ number of customers served.
 * @customfunction COST.PERCUSTOMER
 * @param costs Cost of the selling function in currency: one total, or a row or column of cost lines that are added up.
 * @param customers Number of customers served in the same period, 0 or more.
 * @returns The cost per customer in currency.
 * @example =SPM.COST.PERCUSTOMER(B2:B6, B10)
 * @errors #VALUE! when a cost line is not a number or customers is negative; #DIV/0! when customers is 0.
 */
export function perCustomer(costs: any[][], customers: number): number {
  try {
    return costPer(costs, customers, "customers");
  } catch (error) {
    throw ratioFunctionError("COST.PERCUSTOMER", error);
  }
}

/**
 * Computes the cost of sales per unit sold: total cost ÷ units sold.
 * @customfunction COST.PERUNIT
 * @param costs Cost of the selling function in currency: one total, or a row or column of cost lines that are added up.
 * @param units Units sold in the same period, 0 or more.
 * @returns The cost per unit in currency.
 * @example =SPM.COST.PERUNIT(B2:B6, B11)
 * @errors #VALUE! when a cost line is not a number or units is negative; #DIV/0! when units is 0.
 */
export function perUnit(costs: any[][], units: number): number {
  try {
    return costPer(costs, units, "units");
  } catch (error) {
    throw ratioFunctionError("COST.PERUNIT", error);
  }
}

/**
 * Computes the budget variance of sales costs: actual − budget and (actual − budget) ÷ budget.
 * @customfunction COST.VARIANCE
 * @param actual Actual cost of each line in currency, one row or one column.
 * @param budget Budgeted cost of the same lines in currency, as many as actual.
 * @returns A table of two columns, the variance in currency and the variance as a fraction of the budget's absolute value, one row per line. With more than one line, a last row gives the total. Above 0 means more cost than budgeted. A line with a budget of 0 shows "" as its percentage.
 * @example =SPM.COST.VARIANCE(C2:C6, B2:B6)
 * @errors #VALUE! when a cell is not a number or actual and budget differ in count.
 */
export function variance(actual: any[][], budget: any[][]): any[][] {
  try {
    const actualLines = readSeries(actual, "actual");
    const budgetLines = readSeries(budget, "budget");
    checkSameLength(actualLines, "actual", budgetLines, "budget");

    const rows = budgetVariances(actualLines, budgetLines).map((line): ResultCell[] => [
      line.variance,
      line.variancePercent ?? "",
    ]);
    return toTable(rows, "the budget variance");
  } catch (error) {
    throw ratioFunctionError("COST.VARIANCE", error);
  }
}

/**
 * Computes customer acquisition cost (CAC): sales and marketing spend ÷ new customers.
 * @customfunction COST.CAC
 * @param spend Sales and marketing spend of the period in currency: one total, or a row or column of cost lines that are added up.
 * @param new_customers Number of customers won in the same period, 0 or more.
 * @returns The cost of winning one customer, in currency.
 * @example =SPM.COST.CAC(B2:B4, B6)
 * @errors #VALUE! when a spend line is not a number or new_customers is negative; #DIV/0! when new_customers is 0.
 */
export function cac(spend: any[][], new_customers: number): number {
  try {
    const lines = readSeries(spend, "spend");
    const customers = readNumber(new_customers, "new_customers", NON_NEGATIVE);
    return toNumber(customerAcquisitionCost(lines, customers), "the CAC");
  } catch (error) {
    throw ratioFunctionError("COST.CAC", error);
  }
}

/**
 * Computes CAC payback in months: CAC ÷ (monthly revenue per account × gross margin).
 * @customfunction COST.CACPAYBACK
 * @param cac Customer acquisition cost in currency, 0 or more.
 * @param monthly_revenue Average revenue per account and month in currency, 0 or more.
 * @param gross_margin Gross margin as a percentage, 0% to 100% (25% or 0.25).
 * @returns The number of months of gross profit from one account that repay its acquisition cost.
 * @example =SPM.COST.CACPAYBACK(600, 100, 75%)
 * @errors #VALUE! when a value is not a number, a value is negative or gross_margin is outside 0% to 100%; #DIV/0! when monthly_revenue or gross_margin is 0.
 */
export function cacPayback(cac: number, monthly_revenue: number, gross_margin: any): number {
  try {
    const cost = readNumber(cac, "cac", NON_NEGATIVE);
    const revenue = readNumber(monthly_revenue, "monthly_revenue", NON_NEGATIVE);
    const margin = readPercent(gross_margin, "gross_margin");
    return toNumber(cacPaybackMonths(cost, revenue, margin), "the CAC payback");
  } catch (error) {
    throw ratioFunctionError("COST.CACPAYBACK", error);
  }
}

/**
 * Computes customer lifetime value (LTV): revenue per account × gross margin ÷ churn rate.
 * @customfunction COST.LTV
 * @param revenue_per_account Average revenue per account and period (month or year) in currency, 0 or more.
 * @param gross_margin Gross margin as a percentage, 0% to 100% (25% or 0.25).
 * @param churn_rate Share of accounts lost per period, of the same period as revenue_per_account: 0% to 100% (2% or 0.02).
 * @returns The gross profit expected from one account over its lifetime (1 ÷ churn_rate periods), in currency, without discounting.
 * @example =SPM.COST.LTV(50, 70%, 4%)
 * @errors #VALUE! when a value is not a number, revenue_per_account is negative or a percentage is outside 0% to 100%; #DIV/0! when churn_rate is 0.
 */
export function ltv(revenue_per_account: number, gross_margin: any, churn_rate: any): number {
  try {
    const revenue = readNumber(revenue_per_account, "revenue_per_account", NON_NEGATIVE);
    const margin = readPercent(gross_margin, "gross_margin");
    const churn = readPercent(churn_rate, "churn_rate");
    return toNumber(customerLifetimeValue(revenue, margin, churn), "the LTV");
  } catch (error) {
    throw ratioFunctionError("COST.LTV", error);
  }
}

/**
 * Computes the LTV:CAC ratio: customer lifetime value ÷ customer acquisition cost.
 * @customfunction COST.LTVCAC
 * @param ltv Customer lifetime value in currency, such as the result of SPM.COST.LTV.
 * @param cac Customer acquisition cost in currency, 0 or more, such as the result of SPM.COST.CAC.
 * @returns The ratio, such as 3 for a lifetime value three times the acquisition cost.
 * @example =SPM.COST.LTVCAC(SPM.COST.LTV(50, 70%, 4%), 300)
 * @errors #VALUE! when a value is not a number or cac is negative; #DIV/0! when cac is 0.
 */
export function ltvCac(ltv: number, cac: number): number {
  try {
    const value = readNumber(ltv, "ltv");
    const cost = readNumber(cac, "cac", NON_NEGATIVE);
    return toNumber(divide(value, cost, "cac"), "the LTV:CAC ratio");
  } catch (error) {
    throw ratioFunctionError("COST.LTVCAC", error);
  }
}

/** Largest number of channel cost columns (discounts, rebates, listing fees, logistics, ...). */
const MAX_CHANNEL_COST_COLUMNS = 50;

/**
 * Computes the contribution margin of each sales channel: revenue − cost of goods − channel costs.
 * @customfunction COST.CHANNELMARGIN
 * @param revenue Revenue of each channel in currency, one column (one row per channel).
 * @param cost_of_goods Cost of the goods sold through each channel in currency, as many as revenue.
 * @param channel_costs Channel costs in currency, one row per channel and one column per kind of cost (discounts, rebates, listing fees, logistics, ...). Blank cells count as 0.
 * @returns A table of three columns, one row per channel: channel costs (the row's sum), contribution margin in currency, and contribution margin ÷ revenue as a fraction ("" when revenue is 0).
 * @example =SPM.COST.CHANNELMARGIN(B2:B5, C2:C5, D2:G5)
 * @errors #VALUE! when a cell is not a number or the ranges differ in number of channels.
 */
export function channelMargin(
  revenue: any[][],
  cost_of_goods: any[][],
  channel_costs: any[][],
): any[][] {
  try {
    const channelRevenue = readSeries(revenue, "revenue");
    const goods = readSeries(cost_of_goods, "cost_of_goods");
    const costs = readNumberTable(channel_costs, "channel_costs", {
      min: 0,
      max: MAX_CHANNEL_COST_COLUMNS,
    }).map((row) => row.map((cell) => cell ?? 0));
    checkSameLength(channelRevenue, "revenue", goods, "cost_of_goods");
    checkSameLength(channelRevenue, "revenue", costs, "channel_costs");

    const rows = channelContributions(channelRevenue, goods, costs).map((channel) => [
      channel.channelCosts,
      channel.contributionMargin,
      channel.marginRatio ?? "",
    ]);
    return toTable(rows, "the channel margin");
  } catch (error) {
    throw ratioFunctionError("COST.CHANNELMARGIN", error);
  }
}

/**
 * Computes the break-even volume: fixed costs ÷ (price − variable cost per unit).
 * @customfunction COST.BREAKEVENUNITS
 * @param fixed_costs Fixed costs of the period in currency, 0 or more.
 * @param price Selling price per unit in currency.
 * @param variable_cost Variable cost per unit in currency, below price.
 * @returns The number of units whose contribution margin covers the fixed costs (not rounded up).
 * @example =SPM.COST.BREAKEVENUNITS(300000, 10, 6)
 * @errors #VALUE! when a value is not a number, fixed_costs is negative or price is below variable_cost; #DIV/0! when price equals variable_cost.
 */
export function breakEvenVolume(fixed_costs: number, price: number, variable_cost: number): number {
  try {
    const fixed = readNumber(fixed_costs, "fixed_costs", NON_NEGATIVE);
    const unitPrice = readNumber(price, "price");
    const unitCost = readNumber(variable_cost, "variable_cost");
    return toNumber(breakEvenUnits(fixed, unitPrice, unitCost), "the break-even volume");
  } catch (error) {
    throw ratioFunctionError("COST.BREAKEVENUNITS", error);
  }
}

/**
 * Computes the break-even revenue: fixed costs ÷ contribution-margin ratio.
 * @customfunction COST.BREAKEVENREVENUE
 * @param fixed_costs Fixed costs of the period in currency, 0 or more.
 * @param margin_ratio Contribution margin as a percentage of revenue, (price − variable cost) ÷ price: 0% to 100% (40% or 0.4).
 * @returns The revenue in currency at which the contribution margin covers the fixed costs.
 * @example =SPM.COST.BREAKEVENREVENUE(300000, 40%)
 * @errors #VALUE! when a value is not a number, fixed_costs is negative or margin_ratio is outside 0% to 100%; #DIV/0! when margin_ratio is 0.
 */
export function breakEvenSales(fixed_costs: number, margin_ratio: any): number {
  try {
    const fixed = readNumber(fixed_costs, "fixed_costs", NON_NEGATIVE);
    const ratio = readPercent(margin_ratio, "margin_ratio");
    return toNumber(breakEvenRevenue(fixed, ratio), "the break-even revenue");
  } catch (error) {
    throw ratioFunctionError("COST.BREAKEVENREVENUE", error);
  }
}
