import type { Locator, Page } from '@playwright/test';

// The audit log page: /clusters/:cluster/audit.
export class AuditPage {
  constructor(readonly page: Page, readonly cluster: string) {}

  goto(search = '') {
    return this.page.goto(`/clusters/${encodeURIComponent(this.cluster)}/audit${search}`);
  }
  filter(name: 'q' | 'action' | 'target' | 'user' | 'from' | 'to'): Locator {
    return this.page.getByTestId(`audit-filter-${name}`);
  }
  get outcome(): Locator {
    return this.page.getByTestId('audit-filter-outcome');
  }
  get rows(): Locator {
    return this.page.getByTestId('audit-row');
  }
  rowsFor(target: string): Locator {
    return this.page.locator(`[data-testid="audit-row"][data-target="${target}"]`);
  }
  get empty(): Locator {
    return this.page.getByTestId('audit-empty');
  }
}
