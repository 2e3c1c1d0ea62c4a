import type { Locator, Page } from '@playwright/test';

// The consumer groups list: search, rows by group id, lag and health per row.
export class GroupsListPage {
  constructor(private readonly page: Page, private readonly cluster: string) {}

  async goto(search?: string) {
    const query = search ? `?search=${encodeURIComponent(search)}` : '';
    await this.page.goto(`/clusters/${encodeURIComponent(this.cluster)}/groups${query}`);
  }

  row(group: string): Locator {
    return this.page.getByTestId(`group-row-${group}`);
  }

  lag(group: string): Locator {
    return this.page.getByTestId(`group-lag-${group}`);
  }

  health(group: string): Locator {
    return this.page.getByTestId(`group-health-${group}`);
  }

  async search(text: string) {
    await this.page.getByTestId('groups-search').fill(text);
  }

  async open(group: string) {
    await this.row(group).getByRole('link', { name: group }).click();
  }
}
