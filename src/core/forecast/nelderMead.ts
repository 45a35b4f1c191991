/** Settings of a bounded Nelder-Mead search. */
export interface NelderMeadOptions {
  /** Lower bound of each coordinate. */
  lower: readonly number[];
  /** Upper bound of each coordinate. */
  upper: readonly number[];
  /** Edge length of the starting simplex along each coordinate. */
  step: readonly number[];
  /** Stop when the simplex's spread of values falls below this fraction of its best value. */
  relativeTolerance: number;
  /** Stop after this many evaluations of the objective. */
  maxEvaluations: number;
}

/** Best point found and its objective value. */
export interface Minimum {
  point: number[];
  value: number;
}

// The usual Nelder-Mead coefficients of reflection, expansion, contraction and shrink.
const REFLECTION = 1;
const EXPANSION = 2;
const CONTRACTION = 0.5;
const SHRINK = 0.5;

/**
 * Minimises `objective` inside a box with the Nelder-Mead simplex method. Every trial point is
 * clamped into [lower, upper], so a minimum on a bound (a smoothing parameter of 0 or 1) is
 * reachable and the objective is never called outside the box.
 */
export function minimizeNelderMead(
  objective: (point: number[]) => number,
  start: readonly number[],
  options: NelderMeadOptions,
): Minimum {
  const clamp = (point: number[]): number[] =>
    point.map((value, i) => Math.min(options.upper[i], Math.max(options.lower[i], value)));
  const simplex = initialSimplex(clamp([...start]), options, clamp);
  const values = simplex.map(objective);
  let evaluations = simplex.length;

  while (evaluations < options.maxEvaluations) {
    sortSimplex(simplex, values);
    const best = values[0];
    const worst = values[values.length - 1];
    if (worst - best <= options.relativeTolerance * (Math.abs(best) + Number.MIN_VALUE)) {
      break;
    }

    const last = simplex.length - 1;
    const centroid = centroidWithout(simplex, last);
    const reflected = clamp(moveFrom(centroid, simplex[last], -REFLECTION));
    const reflectedValue = objective(reflected);
    evaluations++;

    if (reflectedValue < values[0]) {
      // Reflection is the new best, so try going further in that direction.
      const expanded = clamp(moveFrom(centroid, simplex[last], -EXPANSION));
      const expandedValue = objective(expanded);
      evaluations++;
      const useExpanded = expandedValue < reflectedValue;
      simplex[last] = useExpanded ? expanded : reflected;
      values[last] = useExpanded ? expandedValue : reflectedValue;
      continue;
    }
    if (reflectedValue < values[last - 1]) {
      simplex[last] = reflected;
      values[last] = reflectedValue;
      continue;
    }

    // Contract towards the better of the worst point and its reflection.
    const outside = reflectedValue < values[last];
    const contracted = clamp(moveFrom(centroid, outside ? reflected : simplex[last], CONTRACTION));
    const contractedValue = objective(contracted);
    evaluations++;
    if (contractedValue < Math.min(reflectedValue, values[last])) {
      simplex[last] = contracted;
      values[last] = contractedValue;
      continue;
    }

    // Shrink every vertex towards the best one.
    for (let k = 1; k < simplex.length; k++) {
      simplex[k] = clamp(moveFrom(simplex[0], simplex[k], SHRINK));
      values[k] = objective(simplex[k]);
      evaluations++;
    }
  }

  sortSimplex(simplex, values);
  return { point: simplex[0], value: values[0] };
}

function initialSimplex(
  start: number[],
  options: NelderMeadOptions,
  clamp: (point: number[]) => number[],
): number[][] {
  const simplex = [start];
  for (let i = 0; i < start.length; i++) {
    const vertex = [...start];
    // Step away from the nearer bound so the vertex differs from the start after clamping.
    const room = options.upper[i] - start[i];
    vertex[i] += room >= options.step[i] ? options.step[i] : -options.step[i];
    simplex.push(clamp(vertex));
  }
  return simplex;
}

function sortSimplex(simplex: number[][], values: number[]): void {
  const order = values.map((_, i) => i).sort((a, b) => values[a] - values[b]);
  const sortedPoints = order.map((i) => simplex[i]);
  const sortedValues = order.map((i) => values[i]);
  for (let k = 0; k < order.length; k++) {
    simplex[k] = sortedPoints[k];
    values[k] = sortedValues[k];
  }
}

function centroidWithout(simplex: number[][], excluded: number): number[] {
  const dimension = simplex[0].length;
  const centroid = new Array<number>(dimension).fill(0);
  for (let k = 0; k < simplex.length; k++) {
    if (k === excluded) {
      continue;
    }
    for (let i = 0; i < dimension; i++) {
      centroid[i] += simplex[k][i] / (simplex.length - 1);
    }
  }
  return centroid;
}

/** Point centroid + coefficient · (vertex - centroid). */
function moveFrom(centroid: number[], vertex: number[], coefficient: number): number[] {
  return centroid.map((c, i) => c + coefficient * (vertex[i] - c));
}
