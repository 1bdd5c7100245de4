/** NumPy, PyTorch, JAX, TensorFlow, plain Python lists and SymPy, as people write and print them. */
import { cx, runCases } from './helpers';
import type { Case } from './helpers';

const s2 = Math.SQRT1_2;

const numpy: Case[] = [
  { text: 'np.array([[1, 2], [3, 4]])', want: [[1, 2], [3, 4]], notation: 'numpy' },
  { text: 'numpy.array([[1.5, -2e-3], [3E+2, .5]])', want: [[1.5, -0.002], [300, 0.5]] },
  { text: 'A = np.asarray([[1, 2, 3]], dtype=float)', want: [[1, 2, 3]] },
  { text: 'np.array([[np.pi/4, np.sqrt(2)/2], [-np.sqrt(2)/2, 2**3]])', want: [[Math.PI / 4, s2], [-s2, 8]] },
  { text: 'np.array([[math.cos(0.5), math.sin(0.5)], [-math.sin(0.5), math.cos(0.5)]])', want: [[Math.cos(0.5), Math.sin(0.5)], [-Math.sin(0.5), Math.cos(0.5)]] },
  { text: 'np.array([[1/3, 2/3], [1_000, -1]])', want: [[1 / 3, 2 / 3], [1000, -1]] },
  { text: 'np.array(((1, 2), (3, 4)))', want: [[1, 2], [3, 4]], note: 'tuples as rows' },
  { text: 'np.array([[1, 2], [3, 4]]).T', want: [[1, 3], [2, 4]] },
  { text: 'np.array([1, 2, 3, 4, 5, 6]).reshape(2, 3)', want: [[1, 2, 3], [4, 5, 6]] },
  { text: 'np.array([1, 2, 3, 4]).reshape((2, 2), order="F")', want: [[1, 3], [2, 4]] },
  { text: "np.matrix('1 2; 3 4')", want: [[1, 2], [3, 4]], notation: 'numpy-matrix-string' },
  { text: "np.mat('1 -2; 3 4')", want: [[1, -2], [3, 4]] },
  { text: 'np.matrix([[1, 2], [3, 4]])', want: [[1, 2], [3, 4]] },
  { text: 'np.array([[1+2j, 3j], [-1j, 4]])', want: [[cx(1, 2), cx(0, 3)], [cx(-0, -1), cx(4, 0)]] },
  { text: 'np.array([[complex(1, 2), 0], [0, 1]])', want: [[cx(1, 2), cx(0, 0)], [cx(0, 0), cx(1, 0)]] },
  { text: 'x = np.array([[1, 2],   # first\n              [3, 4]])  # second', want: [[1, 2], [3, 4]] },
  { text: 'np.array([[1, 2], [3, 4],])', want: [[1, 2], [3, 4]], note: 'trailing comma' },
  { text: '>>> a = np.array([[1, 2],\n...               [3, 4]])', want: [[1, 2], [3, 4]], note: 'doctest continuation prompt' },
  { text: 'In [3]: np.array([[5, 6], [7, 8]])', want: [[5, 6], [7, 8]], note: 'IPython prompt' },
  { text: 'np.array([[1, 2], [3]])', want: { error: 'ragged' } },
  { text: 'np.array([[[1, 2], [3, 4]], [[5, 6], [7, 8]]])', want: { error: 'unsupported' }, note: '3-D' },
  { text: 'np.array([[1, x], [2, 3]])', want: { error: 'symbolic' } },
  { text: 'np.array([[1, np.nan], [2, 3]])', want: { error: 'non-finite' } },
  { text: 'np.array([[1, np.inf], [2, 3]])', want: { error: 'non-finite' } },
  { text: "np.array([[1, float('nan')], [2, 3]])", want: { error: 'non-finite' } },
  { text: 'np.array([[1, None], [2, 3]])', want: { error: 'missing-values' } },
  { text: 'np.array([])', want: { error: 'empty' } },
  { text: 'np.array([[1e400, 1]])', want: { error: 'non-finite' }, note: 'overflows a double' },
  { text: 'np.diag([1, 2, 3])', want: { error: 'unsupported' }, note: 'transforming call' },
  { text: '2 * np.array([[1, 2], [3, 4]])', want: { error: 'unsupported' } },
  { text: 'np.array([[1, 2], [3, 4]])\nnp.array([[5, 6], [7, 8]])', want: { error: 'multiple' } },
];

const printed: Case[] = [
  { text: 'array([[1, 2],\n       [3, 4]])', want: [[1, 2], [3, 4]], notation: 'numpy-repr' },
  { text: 'array([[ 1.00000000e+00, -2.50000000e-05],\n       [ 3.00000000e+02,  4.00000000e+00]])', want: [[1, -2.5e-5], [300, 4]] },
  { text: 'array([[1.+2.j, 0.-1.j],\n       [3.+0.j, 4.+0.j]])', want: [[cx(1, 2), cx(0, -1)], [cx(3, 0), cx(4, 0)]] },
  { text: 'array([1., 2., 3.])', want: [[1, 2, 3]] },
  { text: 'matrix([[1, 2],\n        [3, 4]])', want: [[1, 2], [3, 4]] },
  { text: "array([[1, 2], [3, 4]], dtype=int8)", want: [[1, 2], [3, 4]] },
  { text: '[[1 2]\n [3 4]]', want: [[1, 2], [3, 4]], notation: 'numpy-str' },
  { text: '[[ 1.5 -2. ]\n [-3.   4. ]]', want: [[1.5, -2], [-3, 4]] },
  { text: '[[1.+2.j 3.-1.j]\n [0.+0.j 1.+0.j]]', want: [[cx(1, 2), cx(3, -1)], [cx(0, 0), cx(1, 0)]] },
  { text: '[1 2 3]', want: [[1, 2, 3]] },
  { text: '[[[1 2]\n  [3 4]]\n\n [[5 6]\n  [7 8]]]', want: { error: 'unsupported' }, note: 'printed 3-D array' },
  { text: 'array([[   0,    1,    2, ...,  997,  998,  999],\n       [1000, 1001, 1002, ..., 1997, 1998, 1999]])', want: { error: 'unsupported' }, note: 'truncated print' },
  { text: '[[0 1 … 9]]', want: { error: 'unsupported' } },
];

const torch: Case[] = [
  { text: 'torch.tensor([[1., 2.], [3., 4.]])', want: [[1, 2], [3, 4]], notation: 'torch' },
  { text: 'torch.Tensor([[1, 2], [3, 4]])', want: [[1, 2], [3, 4]] },
  { text: 'torch.FloatTensor([[0.5, 1.5]])', want: [[0.5, 1.5]] },
  { text: 'w = torch.tensor([[1., -1.], [1., 1.]], requires_grad=True, device="cuda:0")', want: [[1, -1], [1, 1]] },
  { text: "tensor([[ 0.1000, -0.2000],\n        [ 0.3000,  0.4000]], device='cuda:0', grad_fn=<AddBackward0>)", want: [[0.1, -0.2], [0.3, 0.4]], notation: 'torch-repr' },
  { text: 'tensor([[1, 2],\n        [3, 4]], dtype=torch.int32)', want: [[1, 2], [3, 4]] },
  { text: 'torch.from_numpy(np.array([[1, 2], [3, 4]]))', want: [[1, 2], [3, 4]] },
  { text: 'jnp.array([[1, 2], [3, 4]], dtype=jnp.float32)', want: [[1, 2], [3, 4]], notation: 'jax' },
  { text: 'Array([[1., 2.],\n       [3., 4.]], dtype=float32)', want: [[1, 2], [3, 4]] },
  { text: 'DeviceArray([[1., 0.],\n             [0., 1.]], dtype=float32)', want: [[1, 0], [0, 1]] },
  { text: 'tf.constant([[1.0, 2.0], [3.0, 4.0]], dtype=tf.float64)', want: [[1, 2], [3, 4]], notation: 'tensorflow' },
  { text: 'tf.Variable([[1, 2], [3, 4]])', want: [[1, 2], [3, 4]] },
  { text: '<tf.Tensor: shape=(2, 3), dtype=int32, numpy=\narray([[1, 2, 3],\n       [4, 5, 6]], dtype=int32)>', want: [[1, 2, 3], [4, 5, 6]], notation: 'tensorflow-repr' },
  { text: '<tf.Tensor: shape=(3, 2), dtype=int32, numpy=\narray([[1, 2, 3],\n       [4, 5, 6]], dtype=int32)>', want: { error: 'shape-mismatch' } },
  { text: "<tf.Variable 'Variable:0' shape=(2, 2) dtype=float32, numpy=\narray([[1., 2.],\n       [3., 4.]], dtype=float32)>", want: [[1, 2], [3, 4]] },
];

const lists: Case[] = [
  { text: '[[1, 2], [3, 4]]', want: [[1, 2], [3, 4]] },
  { text: 'M = [\n    [1, 2],  # a\n    [3, 4],  # b\n]', want: [[1, 2], [3, 4]] },
  { text: '[[1, 2, 3]]', want: [[1, 2, 3]] },
  { text: '[[-1.5, 2.25e-10], [1e10, 0]]', want: [[-1.5, 2.25e-10], [1e10, 0]] },
  { text: '[[1, 2], [3, 4]] # comment with [brackets] 5', want: [[1, 2], [3, 4]] },
  { text: "x = [[1, '2'], [3, 4]]", want: { error: 'symbolic' } },
  { text: '[[1, 2], [3, 4, 5]]', want: { error: 'ragged' } },
  { text: 'Matrix([[1, 2], [3, 4]])', want: [[1, 2], [3, 4]], notation: 'sympy' },
  { text: 'sp.Matrix([[sp.Rational(1, 3), sp.sqrt(2)], [sp.pi, sp.I]])', want: [[1 / 3, Math.SQRT2], [Math.PI, cx(0, 1)]].map((r) => r.map((e) => (typeof e === 'number' ? cx(e, 0) : e))) },
  { text: 'Matrix([[1, 2 + 3*I], [2 - 3*I, 5]])', want: [[cx(1, 0), cx(2, 3)], [cx(2, -3), cx(5, 0)]] },
  { text: 'Matrix([1, 2, 3])', want: [[1], [2], [3]], note: 'SymPy column vector' },
  { text: 'Matrix(2, 2, [1, 2, 3, 4])', want: [[1, 2], [3, 4]] },
  { text: 'Matrix([[x, 1], [0, 1]])', want: { error: 'symbolic' } },
  { text: 'Matrix([[1, oo], [0, 1]])', want: { error: 'non-finite' } },
];

describe('literals: NumPy', () => runCases(numpy));
describe('literals: printed NumPy output', () => runCases(printed));
describe('literals: torch / JAX / TensorFlow', () => runCases(torch));
describe('literals: Python lists and SymPy', () => runCases(lists));
