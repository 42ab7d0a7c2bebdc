/** What scripts/test.sh provides to the test processes. A missing value is a setup error, said plainly. */
export function testEnv() {
  const need = (k: string): string => {
    const v = process.env[k];
    if (!v)
      throw new Error(
        `${k} is not set: run the suite with \`npm run test:all\` (scripts/test.sh), which starts PostgreSQL and Temporal`,
      );
    return v;
  };
  return {
    pgAdminUrl: () => need('PG_ADMIN_URL'),
    /** The app role's own password (scripts/test.sh sets it up with libs/persistence/src/cli/app-login.ts). */
    pgAppPassword: () => need('PG_APP_PASSWORD'),
    temporalAddress: () => need('TEMPORAL_ADDRESS'),
    testServerExe: () => need('TEMPORAL_TEST_SERVER_EXE'),
    workflowBundlePath: () => process.env.WORKFLOW_BUNDLE_PATH,
  };
}
