import type { Response } from "express";

/** Sends a generated file to be saved (CSV, iCalendar, Markdown); never cached, since it is personal. */
export function sendDownload(res: Response, contentType: string, fileName: string, body: string): void {
  res.type(contentType);
  res.attachment(fileName);
  res.setHeader("Cache-Control", "no-store");
  res.send(body);
}
