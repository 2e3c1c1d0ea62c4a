import { readableValue } from '@/lib/topics/readable';

/** A config value as Kafka stores it, plus its meaning in units where there is one. */
export function ConfigValue({ name, value }: { name: string; value: string | null }) {
  if (value === null) return <span className="text-slate-400">null</span>;
  const hint = readableValue(name, value);
  return (
    <>
      {value}
      {hint && <span className="ml-2 font-sans text-xs font-normal text-slate-500">({hint})</span>}
    </>
  );
}
