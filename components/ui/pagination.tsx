/** Previous/next with "a–b of n"; the server does the paging. */
export function Pagination({ page, pageSize, total, onPage, testId = 'pagination' }: {
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
  testId?: string;
}) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  const button = 'rounded border border-slate-300 bg-white px-2.5 py-1 text-xs font-medium text-slate-700 hover:bg-slate-100 disabled:opacity-40';
  return (
    <div className="flex items-center justify-end gap-3 text-xs text-slate-600" data-testid={testId}>
      <span className="tabular-nums">
        {from.toLocaleString('en-US')}–{to.toLocaleString('en-US')} of {total.toLocaleString('en-US')}
      </span>
      <button type="button" className={button} disabled={page <= 1} onClick={() => onPage(page - 1)} data-testid={`${testId}-prev`}>
        Previous
      </button>
      <span className="tabular-nums">
        page {page} / {pages}
      </span>
      <button type="button" className={button} disabled={page >= pages} onClick={() => onPage(page + 1)} data-testid={`${testId}-next`}>
        Next
      </button>
    </div>
  );
}
