import type { ReactNode } from "react";

/**
 * A table that may scroll sideways on a narrow screen. The scrolling box is focusable and named after
 * the table, so keyboard users can scroll it too (WCAG 2.1.1) and screen readers say what it holds.
 */
export function TableScroll({ label, children, isHidden = false }: { label: string; children: ReactNode; /** Visually hidden: then it takes no tab stop. */ isHidden?: boolean }) {
  // No scrolling box at all when hidden: a 1-pixel box would scroll and want a tab stop of its own.
  if (isHidden) return <div>{children}</div>;
  return (
    <div className="table-wrap table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
