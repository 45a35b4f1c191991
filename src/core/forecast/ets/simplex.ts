/** Settings of a Nelder-Mead search. */
export interface SimplexOptions {
  /** Distance of the first simplex's vertices from the start along each coordinate. */
  step: Float64Array;
  /** Stop when the values at the simplex's vertices differ by at most this much. */
  tolerance: number;
  /** Stop after this many evaluations of the objective. */
  maxEvaluations: number;
}

/** Best point a search found, its objective value and the evaluations it took. */
export interface SimplexMinimum {
  point: Float64Array;
  value: number;
  evaluations: number;
}

// The standard Nelder-Mead coefficients of reflection, expansion, contraction and shrink.
const REFLECTION = 1;
const EXPANSION = 2;
const CONTRACTION = 0.5;
const SHRINK = 0.5;

// Times a first-simplex step is halved, and its direction flipped, to find a vertex with a
// finite objective value.
const STEP_ATTEMPTS = 8;

/**
 * Minimises `objective` with the Nelder-Mead simplex method. The
 * objective may return Infinity outside the feasible region, which the simplex then avoids;
 * `start` must be feasible. Points are typed arrays reused across iterations, so the search
 * allocates only its simplex.
 */
export function minimizeSimplex(
  objective: (point: Float64Array) => number,
  start: Float64Array,
  options: SimplexOptions,
): SimplexMinimum {
  const d = start.length;
  const vertices: Float64Array[] = [Float64Array.from(start)];
  const values = new Float64Array(d + 1);
  values[0] = objective(vertices[0]);
  let evaluations = 1;
  for (let i = 0; i < d; i++) {
    const { vertex, value, calls } = firstVertex(objective, start, i, options.step[i]);
    vertices.push(vertex);
    values[i + 1] = value;
    evaluations += calls;
  }

  const centroid = new Float64Array(d);
  const reflected = new Float64Array(d);
  const trial = new Float64Array(d);

  while (evaluations < options.maxEvaluations) {
    const { best, worst, secondWorst } = rank(values);
    if (values[worst] - values[best] <= options.tolerance) {
      break;
    }

    computeCentroid(vertices, worst, centroid);
    moveTowards(centroid, vertices[worst], -REFLECTION, reflected);
    const reflectedValue = objective(reflected);
    evaluations++;

    if (reflectedValue < values[best]) {
      moveTowards(centroid, vertices[worst], -EXPANSION, trial);
      const expandedValue = objective(trial);
      evaluations++;
      if (expandedValue < reflectedValue) {
        vertices[worst].set(trial);
        values[worst] = expandedValue;
      } else {
        vertices[worst].set(reflected);
        values[worst] = reflectedValue;
      }
      continue;
    }
    if (reflectedValue < values[secondWorst]) {
      vertices[worst].set(reflected);
      values[worst] = reflectedValue;
      continue;
    }

    // Contract outside (towards the reflection) when it beat the worst point, else inside.
    const outside = reflectedValue < values[worst];
    moveTowards(centroid, outside ? reflected : vertices[worst], CONTRACTION, trial);
    const contractedValue = objective(trial);
    evaluations++;
    if (contractedValue < Math.min(reflectedValue, values[worst])) {
      vertices[worst].set(trial);
      values[worst] = contractedValue;
      continue;
    }

    for (let k = 0; k <= d; k++) {
      if (k === best) {
        continue;
      }
      moveTowards(vertices[best], vertices[k], SHRINK, vertices[k]);
      values[k] = objective(vertices[k]);
      evaluations++;
    }
  }

  const { best } = rank(values);
  return { point: vertices[best], value: values[best], evaluations };
}

/** Builds the first-simplex vertex along coordinate i, stepping where the objective is finite. */
function firstVertex(
  objective: (point: Float64Array) => number,
  start: Float64Array,
  i: number,
  step: number,
): { vertex: Float64Array; value: number; calls: number } {
  const vertex = Float64Array.from(start);
  let size = step;
  let value = Infinity;
  let calls = 0;
  for (let attempt = 0; attempt < STEP_ATTEMPTS && !Number.isFinite(value); attempt++) {
    for (const direction of [1, -1]) {
      vertex[i] = start[i] + direction * size;
      value = objective(vertex);
      calls++;
      if (Number.isFinite(value)) {
        break;
      }
    }
    size /= 2;
  }
  return { vertex, value, calls };
}

/** Positions of the lowest, highest and second-highest values. */
function rank(values: Float64Array): { best: number; worst: number; secondWorst: number } {
  let best = 0;
  let worst = 0;
  for (let k = 1; k < values.length; k++) {
    if (values[k] < values[best]) {
      best = k;
    }
    if (values[k] >= values[worst]) {
      worst = k;
    }
  }
  let secondWorst = best;
  for (let k = 0; k < values.length; k++) {
    if (k !== worst && values[k] >= values[secondWorst]) {
      secondWorst = k;
    }
  }
  return { best, worst, secondWorst };
}

/** Writes the mean of every vertex except `excluded` to `out`. */
function computeCentroid(vertices: Float64Array[], excluded: number, out: Float64Array): void {
  out.fill(0);
  for (let k = 0; k < vertices.length; k++) {
    if (k === excluded) {
      continue;
    }
    for (let i = 0; i < out.length; i++) {
      out[i] += vertices[k][i];
    }
  }
  for (let i = 0; i < out.length; i++) {
    out[i] /= vertices.length - 1;
  }
}

/** Writes from + coefficient · (to - from) to `out`, which may be `to` itself. */
function moveTowards(
  from: Float64Array,
  to: Float64Array,
  coefficient: number,
  out: Float64Array,
): void {
  for (let i = 0; i < out.length; i++) {
    out[i] = from[i] + coefficient * (to[i] - from[i]);
  }
}
