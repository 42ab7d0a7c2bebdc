// Test tiers (ARCHITECTURE.md "Tests in tiers"). Each tier is a Jest project so
// `jest --selectProjects unit` etc. can run one tier; scripts/test.sh runs all.
const moduleNameMapper = {
  '^@safety/(domain|persistence|temporal|application)$': '<rootDir>/libs/$1/src',
  '^@safety/(domain|persistence|temporal|application)/(.*)$': '<rootDir>/libs/$1/src/$2',
};
// tsconfig.jest.json sets isolatedModules: Jest transpiles each file alone (fast); `tsc --noEmit` does the type check.
const transform = { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json' }] };
const common = {
  rootDir: __dirname,
  moduleNameMapper,
  transform,
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
};

module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,workflows,seeds}/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/tests/{integration,e2e,replay}/**/*.test.ts'],
      testPathIgnorePatterns: ['\\.timeskip\\.test\\.ts$'],
      setupFilesAfterEnv: ['<rootDir>/tests/support/jest-setup.ts'],
    },
    {
      // Workflow tier and e2e suites with day-long statutory timers, on the official Java
      // time-skipping server; run serially by scripts/test.sh (see tests/support/jest-setup-timeskip.ts).
      ...common,
      displayName: 'timeskip',
      testMatch: ['<rootDir>/tests/**/*.timeskip.test.ts'],
      setupFilesAfterEnv: ['<rootDir>/tests/support/jest-setup-timeskip.ts'],
    },
    {
      // Process tier (fault tests, telemetry): compiled API and worker processes, killed and restarted,
      // on infrastructure of its own
      // (scripts/test-processes.sh).
      ...common,
      displayName: 'processes',
      testMatch: ['<rootDir>/tests/processes/**/*.test.ts'],
      setupFilesAfterEnv: ['<rootDir>/tests/support/jest-setup.ts'],
    },
  ],
};
