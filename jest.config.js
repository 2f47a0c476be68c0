// Three tiers of tests and the deployment test, picked with
// `--selectProjects unit|api|deploy|browser` (matched on displayName).
//
// Timeouts: jest 30 accepts `testTimeout` in a project but ignores it there (only the
// global value reaches the runner), so the api and browser projects set theirs in a
// setup file.

/** @type {import('jest').Config['transform']} */
const transform = {
  '^.+\\.(t|j)sx?$': [
    '@swc/jest',
    {
      jsc: {
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true },
        target: 'es2022',
      },
      module: { type: 'commonjs' },
    },
  ],
};

/** @param {string} displayName @param {string[]} testMatch @returns {import('jest').Config} */
const project = (displayName, testMatch, setupFilesAfterEnv = []) => ({
  displayName,
  rootDir: __dirname,
  testMatch,
  transform,
  testEnvironment: 'node',
  moduleNameMapper: { '^@qonys/domain$': '<rootDir>/libs/domain/src/index.ts' },
  // augurs ships ESM only; Jest on Node 20 cannot require(esm), so it is compiled like our code.
  transformIgnorePatterns: ['/node_modules/(?!@bsull/augurs/)'],
  setupFilesAfterEnv,
});

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    project('unit', [
      '<rootDir>/libs/**/*.spec.ts',
      '<rootDir>/apps/api/src/**/*.spec.ts',
      '<rootDir>/apps/admin/src/**/*.spec.ts',
      '<rootDir>/test/preflight/*.spec.ts',
      '<rootDir>/test/walk/*.spec.ts',
    ]),
    project(
      'api',
      ['<rootDir>/test/api/**/*.e2e-spec.ts'],
      ['<rootDir>/test/support/timeout-60s.ts'],
    ),
    // docker-compose.yml's topology as processes: nginx, two API replicas, one PostgreSQL (npm run test:deploy).
    project('deploy', ['<rootDir>/test/deploy/**/*.deploy-spec.ts'], ['<rootDir>/test/support/timeout-120s.ts']),
    project(
      'browser',
      ['<rootDir>/test/browser/**/*.browser-spec.ts'],
      ['<rootDir>/test/support/timeout-120s.ts'],
    ),
  ],
};
