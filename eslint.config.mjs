// Lint rules that guard the architecture: the pure core (linalg, literals,
// concepts) never reaches for the editor or the DOM, and no promise floats.
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.e2e/**', 'tools/editor/**', '**/*.mjs', '**/*.js'] },
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    languageOptions: { parserOptions: { project: './tsconfig.json' } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['src/linalg/**/*.ts', 'src/literals/**/*.ts', 'src/concepts/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'The pure core must not import vscode.' }] }],
      'no-restricted-globals': ['error', 'document', 'window'],
    },
  },
);
