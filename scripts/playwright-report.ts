// Reads Playwright's JSON report into the test runner's counts. A flaky test (failed, then passed
// on a retry) is a defect: it counts as failed, and its title is kept so the summary can name it.

/** The parts of Playwright's JSON report read here. */
export interface PlaywrightSuite {
  title: string;
  specs?: { title: string; tests: { status: string }[] }[];
  suites?: PlaywrightSuite[];
}

export interface PlaywrightReport {
  stats: Record<'expected' | 'unexpected' | 'flaky' | 'skipped', number>;
  suites?: PlaywrightSuite[];
}

export function playwrightCounts(report: PlaywrightReport): { passed: number; failed: number; skipped: number; flaky: string[] } {
  const { stats } = report;
  return { passed: stats.expected, failed: stats.unexpected + stats.flaky, skipped: stats.skipped, flaky: flakyTitles(report.suites ?? []) };
}

function flakyTitles(suites: PlaywrightSuite[], path: string[] = []): string[] {
  return suites.flatMap((suite) => {
    const here = suite.title ? [...path, suite.title] : path;
    const own = (suite.specs ?? [])
      .filter((spec) => spec.tests.some((t) => t.status === 'flaky'))
      .map((spec) => [...here, spec.title].join(' › '));
    return [...own, ...flakyTitles(suite.suites ?? [], here)];
  });
}
