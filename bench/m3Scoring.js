/**
 * Accuracy scores of the M3 benchmark, as the M3 and M4 competitions define them.
 *
 * - sMAPE = mean over horizons of 200 · |A − F| / (|A| + |F|), in percent from 0 to 200. A step
 *   with A = F = 0 counts as 0.
 * - MASE = mean |A − F| / mean |y[t] − y[t−m]|, the scale being the in-sample error of the
 *   seasonal naive forecast over the history y.
 * - Coverage = share of actual values within [lower, upper], bounds included.
 */

/**
 * Computes the sMAPE of one forecast in percent.
 *
 * @param {number[]} actual
 * @param {number[]} forecast same length as `actual`
 * @returns {number}
 */
function smape(actual, forecast) {
  requireSameLength(actual, forecast, "forecast");
  let sum = 0;
  for (let i = 0; i < actual.length; i++) {
    const denominator = Math.abs(actual[i]) + Math.abs(forecast[i]);
    sum += denominator === 0 ? 0 : (200 * Math.abs(actual[i] - forecast[i])) / denominator;
  }
  return sum / actual.length;
}

/**
 * Computes the MASE scale: the mean of |y[t] − y[t−m]| over the history.
 *
 * @param {number[]} history
 * @param {number} seasonLength m, 1 for the naive scale
 * @returns {number}
 */
function seasonalNaiveScale(history, seasonLength) {
  if (history.length <= seasonLength) {
    throw new Error(
      `The history has ${history.length} values, but a MASE scale with m = ${seasonLength} ` +
        `needs at least ${seasonLength + 1}.`,
    );
  }
  let sum = 0;
  for (let t = seasonLength; t < history.length; t++) {
    sum += Math.abs(history[t] - history[t - seasonLength]);
  }
  return sum / (history.length - seasonLength);
}

/**
 * Computes the MASE of one forecast, or null when the history's scale is 0 (a history that
 * repeats exactly every season), where the ratio is undefined.
 *
 * @param {number[]} actual
 * @param {number[]} forecast same length as `actual`
 * @param {number[]} history values before the forecast period
 * @param {number} seasonLength m of the seasonal naive scale
 * @returns {number | null}
 */
function mase(actual, forecast, history, seasonLength) {
  requireSameLength(actual, forecast, "forecast");
  const scale = seasonalNaiveScale(history, seasonLength);
  if (scale === 0) {
    return null;
  }
  let sum = 0;
  for (let i = 0; i < actual.length; i++) {
    sum += Math.abs(actual[i] - forecast[i]);
  }
  return sum / actual.length / scale;
}

/**
 * Counts the actual values within their interval, bounds included.
 *
 * @param {number[]} actual
 * @param {number[]} lower same length as `actual`
 * @param {number[]} upper same length as `actual`
 * @returns {{ inside: number, total: number }}
 */
function countCovered(actual, lower, upper) {
  requireSameLength(actual, lower, "lower");
  requireSameLength(actual, upper, "upper");
  let inside = 0;
  for (let i = 0; i < actual.length; i++) {
    if (lower[i] <= actual[i] && actual[i] <= upper[i]) {
      inside += 1;
    }
  }
  return { inside, total: actual.length };
}

/**
 * Computes the share of actual values within their interval, from 0 to 1.
 *
 * @param {number[]} actual
 * @param {number[]} lower
 * @param {number[]} upper
 * @returns {number}
 */
function coverage(actual, lower, upper) {
  const { inside, total } = countCovered(actual, lower, upper);
  return inside / total;
}

function requireSameLength(actual, other, name) {
  if (actual.length === 0 || actual.length !== other.length) {
    throw new Error(
      `The actual values (${actual.length}) and the ${name} values (${other.length}) must have ` +
        "the same length of at least 1.",
    );
  }
}

module.exports = { smape, mase, seasonalNaiveScale, coverage, countCovered };
