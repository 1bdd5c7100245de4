import { Matrix } from 'ml-matrix';
import * as math from 'mathjs';

// A plain nested array.
const rotation: number[][] = [
  [0, -1],
  [1, 0],
];

// ml-matrix.
const A = new Matrix([
  [7, -3, 5],
  [4, 0, 6],
  [1, 3, -2],
]);

// mathjs.
const B = math.matrix([[3, -7], [0, 2]]);

export { rotation, A, B };
