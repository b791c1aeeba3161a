// ESLint flat config: typescript-eslint recommended everywhere, React hooks rules in web/.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'data/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['web/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // The web app sees the server only through the HTTP contract, server/api/types.ts.
    files: ['web/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '/server/(?!api/types\\.ts$)',
              message: 'web/ reads the server only through its HTTP contract: server/api/types.ts',
            },
          ],
        },
      ],
    },
  },
  {
    // Plain JavaScript runs on Node (the terms worker): its globals are not browser ones.
    files: ['**/*.mjs'],
    languageOptions: { globals: { structuredClone: 'readonly' } },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
);
