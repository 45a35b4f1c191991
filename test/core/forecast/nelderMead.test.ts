import { minimizeNelderMead } from "../../../src/core/forecast/nelderMead";

const options = {
  lower: [-2, -2],
  upper: [2, 2],
  step: [0.5, 0.5],
  relativeTolerance: 1e-14,
  maxEvaluations: 2000,
};

describe("minimizeNelderMead", () => {
  // Rosenbrock's function (1 - x)² + 100 (y - x²)² has its only minimum 0 at (1, 1).
  test("finds the Rosenbrock minimum", () => {
    const rosenbrock = ([x, y]: number[]) => (1 - x) ** 2 + 100 * (y - x * x) ** 2;
    const result = minimizeNelderMead(rosenbrock, [-1.2, 1], options);

    expect(result.point[0]).toBeCloseTo(1, 3);
    expect(result.point[1]).toBeCloseTo(1, 3);
    expect(result.value).toBeLessThan(1e-6);
  });

  // (x - 3)² + (y + 5)² is smallest inside the box [-2, 2]² at the corner (2, -2).
  test("stops on the bounds", () => {
    const bowl = ([x, y]: number[]) => (x - 3) ** 2 + (y + 5) ** 2;
    const result = minimizeNelderMead(bowl, [0, 0], options);

    expect(result.point).toEqual([2, -2]);
    expect(result.value).toBe(10);
  });

  test("never evaluates outside the box", () => {
    const visited: number[][] = [];
    const bowl = (point: number[]) => {
      visited.push(point);
      return (point[0] - 3) ** 2 + (point[1] + 5) ** 2;
    };
    minimizeNelderMead(bowl, [1.9, -1.9], options);

    for (const [x, y] of visited) {
      expect(Math.abs(x)).toBeLessThanOrEqual(2);
      expect(Math.abs(y)).toBeLessThanOrEqual(2);
    }
  });
});
