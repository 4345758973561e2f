import { Fragment } from "react";
import { linkify } from "./linkify";
import { splitMentions, type MentionMember } from "./mentions";

/**
 * A message body as text nodes, links and marked mentions. React escapes every string it renders,
 * so whatever a message contains is shown as written and never runs as HTML.
 */
export function MessageText({ body, members, myUserId }: { body: string; members: readonly MentionMember[]; myUserId: string }) {
  return (
    <>
      {linkify(body).map((part, index) =>
        part.kind === "link" ? (
          <a key={index} href={part.href} target="_blank" rel="noopener noreferrer">
            {part.text}
          </a>
        ) : (
          <Fragment key={index}>
            {splitMentions(part.text, members).map((piece, pieceIndex) =>
              piece.kind === "mention" ? (
                <span key={pieceIndex} className={piece.userId === myUserId ? "chat-mention chat-mention--me" : "chat-mention"}>
                  {piece.text}
                </span>
              ) : (
                <Fragment key={pieceIndex}>{piece.text}</Fragment>
              ),
            )}
          </Fragment>
        ),
      )}
    </>
  );
}
