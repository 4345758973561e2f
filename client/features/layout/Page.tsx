import { useEffect, useRef, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useLocation } from "react-router";

/**
 * A page's heading and document title. After an in-app navigation focus moves to the h1, so screen
 * reader and keyboard users start at the new page's top; the first load leaves focus where the browser
 * puts it.
 */
export function Page({
  title,
  documentTitle = title,
  children,
  className,
}: {
  title: string;
  /** When the heading is personal ("Hei, Aino"), a plainer name for the tab and history. */
  documentTitle?: string;
  children: ReactNode;
  className?: string;
}) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  const location = useLocation();

  useEffect(() => {
    document.title = t("layout.documentTitle", { page: documentTitle });
  }, [t, documentTitle]);

  useEffect(() => {
    // React Router gives the very first location the key "default".
    if (location.key !== "default") heading.current?.focus();
  }, [location.key]);

  return (
    <div className={className ? `page ${className}` : "page"}>
      <h1 ref={heading} tabIndex={-1}>
        {title}
      </h1>
      {children}
    </div>
  );
}
