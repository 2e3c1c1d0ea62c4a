import Link from 'next/link';
import type { ReactNode } from 'react';

/** The way back from a detail page to its list ("← Topics"). */
export function BackLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Link href={href} className="text-sm text-sky-700 hover:underline">
      ← {children}
    </Link>
  );
}
