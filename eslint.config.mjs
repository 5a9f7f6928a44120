import tseslint from 'typescript-eslint';

// Dependencies point inwards only: clinical <- machines <- dialogs <- bot <- server <- index;
// clinical <- fhir <- cli, server (the FHIR mapping sits beside the core, as pure as it).
const layer = (files, forbidden, message) => ({
  files,
  rules: {
    'no-restricted-imports': ['error', { patterns: forbidden.map((group) => ({ group: [group], message })) }],
  },
});

const outer = [
  '**/machines/**',
  '**/dialogs/**',
  '**/bot/**',
  '**/server/**',
  '**/storage/**',
  '**/cli/**',
  '**/fhir/**',
];
const io = ['fs', 'node:*', 'http', 'https', 'net', 'child_process', 'os', 'path', 'crypto'];

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      'test-results/**',
      'data/**',
      '**/*.js',
      '**/*.mjs',
    ],
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  layer(
    ['src/clinical/**/*.ts'],
    [...outer, 'xstate', 'botbuilder*', 'restify', 'pino*', ...io],
    'src/clinical is pure: it may import only zod and itself.',
  ),
  layer(
    ['src/fhir/**/*.ts'],
    [
      ...outer.filter((group) => group !== '**/fhir/**'),
      'xstate',
      'botbuilder*',
      'restify',
      'pino*',
      'jose',
      '@medplum/*',
      ...io,
    ],
    'src/fhir is pure: it may import only zod, the clinical core and itself.',
  ),
  layer(
    ['machines/**/*.ts'],
    [
      '**/dialogs/**',
      '**/bot/**',
      '**/server/**',
      '**/storage/**',
      '**/cli/**',
      'botbuilder*',
      'restify',
      'pino*',
      ...io,
    ],
    'machines/ may import only xstate and the clinical core.',
  ),
  layer(
    ['dialogs/**/*.ts'],
    ['**/bot/**', '**/server/**', '**/storage/**', '**/cli/**', 'restify', 'pino*', ...io],
    'dialogs/ may import only the machine, the clinical core and botbuilder types.',
  ),
  layer(
    ['src/bot/**/*.ts'],
    ['**/server/**', '**/cli/**', 'restify'],
    'src/bot must not depend on the server or the CLI.',
  ),
);
