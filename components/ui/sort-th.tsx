/** A column header that sorts on the server; clicking the active column flips the direction. */
export function SortTh<K extends string>({ label, sortKey, sort, dir, onSort, align = 'left', title }: {
  label: string;
  sortKey: K;
  sort: K;
  dir: 'asc' | 'desc';
  onSort: (key: K) => void;
  align?: 'left' | 'right';
  title?: string;
}) {
  const active = sort === sortKey;
  return (
    <th
      className={`whitespace-nowrap px-3 py-2 font-medium ${align === 'right' ? 'text-right' : 'text-left'}`}
      aria-sort={active ? (dir === 'asc' ? 'ascending' : 'descending') : 'none'}
      title={title}
    >
      <button
        type="button"
        onClick={() => onSort(sortKey)}
        data-testid={`sort-${sortKey}`}
        className={`inline-flex items-center gap-1 uppercase tracking-wide hover:text-slate-900 ${active ? 'text-slate-900' : ''}`}
      >
        {label}
        <span aria-hidden className={active ? '' : 'invisible'}>{dir === 'asc' ? '▲' : '▼'}</span>
      </button>
    </th>
  );
}
