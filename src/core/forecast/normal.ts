// Coefficients of the rational approximation 7.1.26 of Abramowitz and Stegun (1964),
// erfc(x) = t (a1 + t (a2 + t (a3 + t (a4 + t a5)))) exp(-x²), t = 1 / (1 + p x), x ≥ 0, with
// absolute error below 1.5e-7.
const P = 0.3275911;
const A1 = 0.254829592;
const A2 = -0.284496736;
const A3 = 1.421413741;
const A4 = -1.453152027;
const A5 = 1.061405429;

// Bisection of the quantile on [0, 40] halves the bracket 60 times, far below the accuracy
// of the approximation.
const BISECTION_STEPS = 60;
const QUANTILE_BRACKET = 40;

/**
 * Computes the upper-tail probability Q(z) = P(Z > z) of the standard normal distribution.
 *
 * @example normalUpperTail(1.959964) // ≈ 0.025
 */
export function normalUpperTail(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + P * x);
  const erfc = t * (A1 + t * (A2 + t * (A3 + t * (A4 + t * A5)))) * Math.exp(-x * x);
  return z >= 0 ? erfc / 2 : 1 - erfc / 2;
}

/**
 * Computes the standard normal quantile z with P(Z > z) = p, for 0 < p ≤ 0.5, by bisection
 * of `normalUpperTail`.
 *
 * @example normalUpperQuantile(0.025) // ≈ 1.959964
 */
export function normalUpperQuantile(p: number): number {
  let low = 0;
  let high = QUANTILE_BRACKET;
  for (let step = 0; step < BISECTION_STEPS; step++) {
    const middle = (low + high) / 2;
    if (normalUpperTail(middle) > p) {
      low = middle;
    } else {
      high = middle;
    }
  }
  return (low + high) / 2;
}
