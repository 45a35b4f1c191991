import { EtsModel } from "./model";
import { SmoothingParameters } from "./recursion";

/**
 * The "usual" bounds of R's forecast::ets (8.20) defaults: alpha, beta and gamma in
 * [0.0001, 0.9999], phi in [0.8, 0.98], with beta ≤ alpha and gamma ≤ 1 - alpha.
 */
export const SMOOTHING_LOWER = 1e-4;
export const SMOOTHING_UPPER = 0.9999;
export const PHI_LOWER = 0.8;
export const PHI_UPPER = 0.98;

// R's admissible() accepts characteristic roots up to this modulus above 1, to absorb the
// rounding of polyroot().
const ROOT_TOLERANCE = 1e-10;

// The checks below use plain comparisons, not Math.min, Math.max or Math.abs, because the
// optimiser runs them for every trial point and a global lookup is slow in some hosts (Jest's
// sandbox).

/**
 * Checks that the parameters lie in both regions that R's default bounds = "both" requires:
 * the usual bounds above, and the admissible region, where the weight of the initial states
 * on the forecasts decays over time. `m` is the season length, 1 without a season.
 */
export function isWithinBounds(model: EtsModel, p: SmoothingParameters, m: number): boolean {
  return isWithinUsualBounds(model, p) && isAdmissible(model, p, m);
}

function isWithinUsualBounds(model: EtsModel, p: SmoothingParameters): boolean {
  if (!(p.alpha >= SMOOTHING_LOWER && p.alpha <= SMOOTHING_UPPER)) {
    return false;
  }
  if (model.trend !== "N") {
    if (!(p.beta >= SMOOTHING_LOWER && p.beta <= p.alpha && p.beta <= SMOOTHING_UPPER)) {
      return false;
    }
  }
  if (model.trend === "Ad" && !(p.phi >= PHI_LOWER && p.phi <= PHI_UPPER)) {
    return false;
  }
  if (model.season !== "N") {
    if (!(p.gamma >= SMOOTHING_LOWER && p.gamma <= 1 - p.alpha && p.gamma <= SMOOTHING_UPPER)) {
      return false;
    }
  }
  return true;
}

/**
 * Checks the admissibility conditions of R's forecast:::admissible (8.20): closed-form
 * conditions, and for a seasonal model the roots of its characteristic polynomial
 *   P(z) = φ(1 - α - γ) + (α + β - αφ + γ - 1) z + (α + β - αφ)(z² + … + z^(m-1))
 *          + (α + β - φ) z^m + z^(m+1)
 * all inside the unit circle.
 */
function isAdmissible(model: EtsModel, p: SmoothingParameters, m: number): boolean {
  const phi = model.trend === "Ad" ? p.phi : 1;
  const alpha = p.alpha;
  if (model.season === "N" || m <= 1) {
    if (alpha < 1 - 1 / phi || alpha > 1 + 1 / phi) {
      return false;
    }
    return (
      model.trend === "N" || (p.beta >= alpha * (phi - 1) && p.beta <= (1 + phi) * (2 - alpha))
    );
  }

  const beta = model.trend === "N" ? 0 : p.beta;
  const gamma = p.gamma;
  if (gamma < 0 || gamma < 1 - 1 / phi - alpha || gamma > 1 + 1 / phi - alpha) {
    return false;
  }
  if (alpha < 1 - 1 / phi - (gamma * (1 - m + phi + phi * m)) / (2 * phi * m)) {
    return false;
  }
  if (beta < -(1 - phi) * (gamma / m + alpha)) {
    return false;
  }

  const coefficients = polynomialBuffer(m + 2);
  coefficients[0] = phi * (1 - alpha - gamma);
  coefficients[1] = alpha + beta - alpha * phi + gamma - 1;
  for (let k = 2; k < m; k++) {
    coefficients[k] = alpha + beta - alpha * phi;
  }
  coefficients[m] = alpha + beta - phi;
  coefficients[m + 1] = 1;
  return hasRootsInsideCircle(coefficients, 1 + ROOT_TOLERANCE);
}

/**
 * True when every root of Σ c_k z^k (coefficients in increasing powers, leading one non-zero)
 * has modulus below `radius`, by the Schur-Cohn test: with a_0 and a_d the constant and
 * leading coefficients, all roots lie inside the unit circle exactly when |a_0| < |a_d| and the
 * polynomial (a_d·P(z) - a_0·z^d·P(1/z)) / z of degree d - 1 has the same property.
 * Overwrites `coefficients`.
 */
export function hasRootsInsideCircle(coefficients: Float64Array, radius: number): boolean {
  // Roots of P(radius·z) are those of P divided by radius.
  let c = coefficients;
  let next = scratchBuffer(c.length);
  let scale = 1;
  for (let k = 0; k < c.length; k++) {
    c[k] *= scale;
    scale *= radius;
  }
  for (let degree = c.length - 1; degree >= 1; degree--) {
    const lead = c[degree];
    const constant = c[0];
    if (!(constant * constant < lead * lead)) {
      return false;
    }
    // The leading coefficient becomes a_d² - a_0², so dividing by it keeps the numbers from
    // underflowing over a dozen steps; the roots stay the same.
    const newLead = lead * lead - constant * constant;
    for (let j = 0; j < degree; j++) {
      next[j] = (lead * c[j + 1] - constant * c[degree - 1 - j]) / newLead;
    }
    [c, next] = [next, c];
  }
  return true;
}

// Buffers of the admissibility test, reused because the optimiser runs it for every trial
// point. Each call overwrites them.
let polynomial = new Float64Array(0);
let scratch = new Float64Array(0);

function polynomialBuffer(length: number): Float64Array {
  if (polynomial.length !== length) {
    polynomial = new Float64Array(length);
  }
  return polynomial;
}

function scratchBuffer(length: number): Float64Array {
  if (scratch.length !== length) {
    scratch = new Float64Array(length);
  }
  return scratch;
}
