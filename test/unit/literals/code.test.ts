/** R, Eigen, Rust (nalgebra, ndarray), Fortran and JavaScript/TypeScript (plain, mathjs, ml-matrix). */
import { cx, runCases } from './helpers';
import type { Case } from './helpers';

const r: Case[] = [
  { text: 'matrix(c(1, 2, 3, 4), nrow = 2)', want: [[1, 3], [2, 4]], notation: 'r', note: 'column-major by default' },
  { text: 'matrix(c(1, 2, 3, 4), nrow = 2, byrow = TRUE)', want: [[1, 2], [3, 4]] },
  { text: 'm <- matrix(1:6, ncol = 3)', want: [[1, 3, 5], [2, 4, 6]] },
  { text: 'matrix(c(1, 2, 3, 4, 5, 6), 2, 3, TRUE)', want: [[1, 2, 3], [4, 5, 6]], note: 'positional arguments' },
  { text: 'matrix(data = c(0.5, -1), nrow = 1)', want: [[0.5, -1]] },
  { text: 'matrix(0, 2, 2)', want: [[0, 0], [0, 0]], note: 'scalar recycled (R does this silently)' },
  { text: 'rbind(c(1, 2), c(3, 4))', want: [[1, 2], [3, 4]] },
  { text: 'rbind(a = c(1, 2), b = c(3, 4))', want: [[1, 2], [3, 4]] },
  { text: 'cbind(1:3, c(4, 5, 6))', want: [[1, 4], [2, 5], [3, 6]] },
  { text: 'c(1.5, 2, -3)', want: [[1.5, 2, -3]] },
  { text: 'matrix(c(1+2i, 3i, -1i, 4), 2, 2)', want: [[cx(1, 2), cx(-0, -1)], [cx(0, 3), cx(4, 0)]] },
  { text: 'matrix(c(sqrt(2), pi, exp(1), 2^3), 2, byrow = T) # comment 9', want: [[Math.SQRT2, Math.PI], [Math.E, 8]] },
  { text: 'array(1:4, dim = c(2, 2))', want: [[1, 3], [2, 4]] },
  { text: 'array(1:8, dim = c(2, 2, 2))', want: { error: 'unsupported' } },
  { text: 'matrix(c(1, 2, 3), nrow = 2, ncol = 2)', want: { error: 'shape-mismatch' } },
  { text: 'matrix(c(1, 2, 3, 4, 5), nrow = 2)', want: { error: 'shape-mismatch' } },
  { text: 'matrix(c(1, NA, 3, 4), 2)', want: { error: 'missing-values' } },
  { text: 'rbind(c(1, 2, 3), c(4, 5))', want: { error: 'ragged' } },
];

const eigen: Case[] = [
  { text: 'Eigen::Matrix2d m;\nm << 1, 2,\n     3, 4;', want: [[1, 2], [3, 4]], notation: 'eigen' },
  { text: 'Matrix3d m;\nm << 1, 2, 3, 4, 5, 6, 7, 8, 9;', want: [[1, 2, 3], [4, 5, 6], [7, 8, 9]], note: 'all on one line, shape from the type' },
  { text: 'Eigen::MatrixXd m(2, 3);\nm << 1, 2, 3,\n     4, 5, 6;', want: [[1, 2, 3], [4, 5, 6]] },
  { text: 'Eigen::Matrix<double, 2, 3> m;\nm << 1, 2, 3, 4, 5, 6;', want: [[1, 2, 3], [4, 5, 6]] },
  { text: 'Eigen::Vector3d v;\nv << 1, 2, 3;', want: [[1], [2], [3]], note: 'Eigen vectors are columns' },
  { text: 'Eigen::RowVector3f v;\nv << 1.5f, 2.f, 3e-1f;', want: [[1.5, 2, 0.3]] },
  { text: 'm << 1, 2,\n     3, 4;', want: [[1, 2], [3, 4]], note: 'no type: shape from the layout' },
  { text: 'Eigen::Matrix2cd m;\nm << std::complex<double>(1, 2), 0,\n     0, std::complex<double>(0, -1);', want: [[cx(1, 2), cx(0, 0)], [cx(0, 0), cx(0, -1)]] },
  { text: 'Eigen::Matrix2d m;\nm << M_PI, std::sqrt(2.0),\n     -1.0 / 3, 0; // comment', want: [[Math.PI, Math.SQRT2], [-1 / 3, 0]] },
  { text: 'Eigen::Matrix3d m;\nm << 1, 2, 3, 4;', want: { error: 'shape-mismatch' } },
  { text: 'm << 1, 2, 3,\n     4, 5;', want: { error: 'unsupported' } },
  { text: 'Eigen::Matrix2d m;\nm << a, b, c, d;', want: { error: 'symbolic' } },
];

const rust: Case[] = [
  { text: 'let m = matrix![1.0, 2.0;\n                 3.0, 4.0];', want: [[1, 2], [3, 4]], notation: 'rust-nalgebra' },
  { text: 'let m = dmatrix![1, 2, 3; 4, 5, 6];', want: [[1, 2, 3], [4, 5, 6]] },
  { text: 'let v = vector![1.0, 2.0, 3.0];', want: [[1], [2], [3]] },
  { text: 'let m = Matrix2x3::new(1.0, 2.0, 3.0,\n                      4.0, 5.0, 6.0);', want: [[1, 2, 3], [4, 5, 6]] },
  { text: 'let m = Matrix3::new(1, 0, 0, 0, 1, 0, 0, 0, 1);', want: [[1, 0, 0], [0, 1, 0], [0, 0, 1]] },
  { text: 'let m = DMatrix::from_row_slice(2, 3, &[1.0, 2.0, 3.0, 4.0, 5.0, 6.0]);', want: [[1, 2, 3], [4, 5, 6]] },
  { text: 'let m = DMatrix::from_column_slice(2, 2, &[1.0, 2.0, 3.0, 4.0]);', want: [[1, 3], [2, 4]] },
  { text: 'let m = DMatrix::from_vec(2, 2, vec![1.0, 2.0, 3.0, 4.0]);', want: [[1, 3], [2, 4]] },
  { text: 'let a = array![[1.0_f64, 2.0], [3.0, -4.5]];', want: [[1, 2], [3, -4.5]], notation: 'rust-ndarray' },
  { text: 'let a = arr2(&[[1., 2.], [3., 4.]]);', want: [[1, 2], [3, 4]] },
  { text: 'let a = Array2::from_shape_vec((2, 2), vec![1., 2., 3., 4.]).unwrap();', want: [[1, 2], [3, 4]] },
  { text: 'let m = matrix![Complex::new(1.0, 2.0), Complex::new(0.0, -1.0)];', want: [[cx(1, 2), cx(0, -1)]] },
  { text: 'let m = matrix![std::f64::consts::PI, FRAC_1_SQRT_2; 2f64, 1e-3];', want: [[Math.PI, Math.SQRT1_2], [2, 0.001]] },
  { text: 'let m = Matrix2::new(1.0, 2.0, 3.0);', want: { error: 'shape-mismatch' } },
  { text: 'let m = matrix![1, 2; 3];', want: { error: 'ragged' } },
  { text: 'let m = DMatrix::from_row_slice(2, 2, &[1.0, 2.0, 3.0]);', want: { error: 'shape-mismatch' } },
];

const fortran: Case[] = [
  { text: 'A = reshape((/ 1, 2, 3, 4 /), (/ 2, 2 /))', want: [[1, 3], [2, 4]], notation: 'fortran' },
  { text: 'A = reshape([1.0d0, 2.0d0, 3.0d0, 4.0d0, 5.0d0, 6.0d0], [2, 3])', want: [[1, 3, 5], [2, 4, 6]] },
  { text: 'A = reshape([1, 2, 3, 4, 5, 6], shape=[2, 3], order=[2, 1])', want: [[1, 2, 3], [4, 5, 6]] },
  { text: 'A = reshape(source=[1.5_dp, -2.0_dp, 0.25_dp, 4.0_dp], shape=[2, 2])', want: [[1.5, 0.25], [-2, 4]] },
  { text: 'A = reshape((/ 1.0, 2.0, &\n               3.0, 4.0 /), (/ 2, 2 /)) ! comment 9', want: [[1, 3], [2, 4]] },
  { text: 'Z = reshape([(1.0, 2.0), (0.0, -1.0)], [1, 2])', want: [[cx(1, 2), cx(0, -1)]] },
  { text: 'A = reshape([1, 2, 3], [2, 2])', want: { error: 'shape-mismatch' } },
  { text: 'A = reshape([1, 2, 3, 4, 5, 6, 7, 8], [2, 2, 2])', want: { error: 'unsupported' } },
];

const js: Case[] = [
  { text: 'const A = [[1, 2], [3, 4]];', want: [[1, 2], [3, 4]], notation: 'javascript' },
  { text: 'let B: number[][] = [[1.5, -2], [0, 1]];', want: [[1.5, -2], [0, 1]] },
  { text: 'const C: Array<Array<number>> = [\n  [1, 2], // first\n  [3, 4], /* second */\n];', want: [[1, 2], [3, 4]] },
  { text: 'const D = [[Math.PI, Math.sqrt(2)], [Math.E, Math.SQRT1_2]];', want: [[Math.PI, Math.SQRT2], [Math.E, Math.SQRT1_2]] },
  { text: 'const m = math.matrix([[1, 2], [3, 4]]);', want: [[1, 2], [3, 4]], notation: 'mathjs' },
  { text: "const m = math.matrix([[math.complex(1, 2), 0], [0, 1]], 'dense');", want: [[cx(1, 2), cx(0, 0)], [cx(0, 0), cx(1, 0)]] },
  { text: 'const m = new Matrix([[1, 2], [3, 4]]);', want: [[1, 2], [3, 4]], notation: 'ml-matrix' },
  { text: 'const m = Matrix.from1DArray(2, 3, [1, 2, 3, 4, 5, 6]);', want: [[1, 2, 3], [4, 5, 6]] },
  { text: 'const t = tf.tensor2d([1, 2, 3, 4], [2, 2]);', want: [[1, 2], [3, 4]] },
  { text: 'const v = [1, 2, 3] as const;', want: [[1, 2, 3]] },
  { text: 'const A = [[1, 2], [3, 4]];\nconst B = [[5, 6], [7, 8]];', want: { error: 'multiple' } },
  { text: 'const A = [[1, 2], [3]];', want: { error: 'ragged' } },
  { text: 'const A = [[1, NaN], [3, 4]];', want: { error: 'non-finite' } },
  { text: 'const A = [[1, undefined], [3, 4]];', want: { error: 'missing-values' } },
];

describe('literals: R', () => runCases(r));
describe('literals: Eigen', () => runCases(eigen));
describe('literals: Rust', () => runCases(rust));
describe('literals: Fortran', () => runCases(fortran));
describe('literals: JavaScript / TypeScript', () => runCases(js));
