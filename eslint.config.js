import tseslint from 'typescript-eslint';

// The pure cores must stay free of framework and I/O imports so that a lawyer can read them
// and tests can run them in microseconds.
const PURE_CORE_BANNED = {
  patterns: [
    {
      group: ['@nestjs/*', 'typeorm', 'typeorm/*', 'pg', 'pg-boss', 'puppeteer-core', 'handlebars'],
      message: 'Pure core: no framework or I/O imports.',
    },
    {
      group: [
        'fs',
        'node:fs',
        'fs/promises',
        'node:fs/promises',
        'node:child_process',
        'child_process',
        'node:net',
        'node:http',
      ],
      message: 'Pure core: no I/O.',
    },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.data/**', 'test/generated/**'] },
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tseslint.parser },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: {
      'no-debugger': 'error',
      'no-var': 'error',
      'prefer-const': 'error',
      eqeqeq: ['error', 'smart'],
    },
  },
  {
    files: ['src/eligibility/core/**/*.ts', 'src/workflow/core/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', PURE_CORE_BANNED] },
  },
);
