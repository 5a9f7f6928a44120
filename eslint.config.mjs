import tseslint from 'typescript-eslint';

// The clinical core and the machine are used through their index.ts only: what is not exported
// there is theirs to change. Their own tests (test/clinical, test/machines) may reach inside.
const clinicalThroughIndex = {
  group: ['**/clinical/**'],
  message: 'Import the clinical core from src/clinical (its index.ts), not from its files.',
};
const machinesThroughIndex = {
  group: ['**/machines/**'],
  message: 'Import the workup machine from machines (its index.ts), not from its files.',
};

const restrictedImports = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

// Dependencies point inwards only: clinical <- machines <- dialogs <- bot <- server <- index;
// clinical <- fhir <- cli, server (the FHIR mapping sits beside the core, as pure as it).
// One rule entry per file set (a later entry replaces an earlier one), so each layer repeats the index rule.
const layer = (files, forbidden, message) => ({
  files,
  rules: restrictedImports([
    ...forbidden.map((group) => ({ group: [group], message })),
    clinicalThroughIndex,
    machinesThroughIndex,
  ]),
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
      ...restrictedImports([clinicalThroughIndex, machinesThroughIndex]),
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
  { files: ['test/clinical/**/*.ts'], rules: restrictedImports([machinesThroughIndex]) },
  { files: ['test/machines/**/*.ts'], rules: restrictedImports([clinicalThroughIndex]) },
);
