import { Blockquote, Code, Divider, List, Text, Title, Typography } from '@mantine/core';
import type { ReactNode } from 'react';

/** TipTap/ProseMirror JSON as stored on a text block. */
export type { RichTextDoc as RichDoc, RichTextNode as RichNode } from '../../shared/course-content.ts';
import type { RichTextDoc as RichDoc, RichTextNode as RichNode } from '../../shared/course-content.ts';

const safeHref = (href: unknown): string | null => {
  if (typeof href !== 'string') return null;
  try {
    const u = new URL(href);
    return ['http:', 'https:', 'mailto:'].includes(u.protocol) ? href : null;
  } catch {
    return null;
  }
};

/** Marks wrap text in React elements; unknown marks are ignored, so nothing unsafe renders. */
function withMarks(text: string, marks: RichNode['marks'], key: string | number): ReactNode {
  let out: ReactNode = text;
  for (const m of marks ?? []) {
    if (m.type === 'bold') out = <strong>{out}</strong>;
    else if (m.type === 'italic') out = <em>{out}</em>;
    else if (m.type === 'underline') out = <u>{out}</u>;
    else if (m.type === 'strike') out = <s>{out}</s>;
    else if (m.type === 'code') out = <code>{out}</code>;
    else if (m.type === 'link') {
      const href = safeHref(m.attrs?.href);
      if (href) out = <a href={href} target="_blank" rel="noopener noreferrer nofollow">{out}</a>;
    }
  }
  return <span key={key}>{out}</span>;
}

function renderNodes(nodes: RichNode[] | undefined): ReactNode[] {
  return (nodes ?? []).map((n, i) => renderNode(n, i));
}

function renderNode(n: RichNode, key: number): ReactNode {
  const children = () => renderNodes(n.content);
  switch (n.type) {
    case 'text':
      return withMarks(n.text ?? '', n.marks, key);
    case 'paragraph':
      return <p key={key}>{children()}</p>;
    case 'heading': {
      // Lesson titles are h2 on the page, so content headings start one level below.
      const level = Math.min(4, Math.max(1, Number(n.attrs?.level) || 1));
      return (
        <Title key={key} order={Math.min(6, level + 2) as 3 | 4 | 5 | 6}>
          {children()}
        </Title>
      );
    }
    case 'bulletList':
      return <List key={key} withPadding>{children()}</List>;
    case 'orderedList':
      return <List key={key} type="ordered" withPadding>{children()}</List>;
    case 'listItem':
      return <List.Item key={key}>{children()}</List.Item>;
    case 'blockquote':
      return <Blockquote key={key}>{children()}</Blockquote>;
    case 'codeBlock':
      return <Code key={key} block>{(n.content ?? []).map((c) => c.text ?? '').join('')}</Code>;
    case 'hardBreak':
      return <br key={key} />;
    case 'horizontalRule':
      return <Divider key={key} my="sm" />;
    default:
      // Not on the allow-list: the server refuses these, and the reader never renders them.
      return null;
  }
}

/**
 * Read-only renderer of a lesson's rich text. Builds React elements from the JSON (never HTML
 * strings), so script, style or event attributes cannot reach the page whatever the document holds.
 */
export function RichText({ doc }: { doc: RichDoc | null | undefined }) {
  if (!doc || doc.type !== 'doc' || !doc.content?.length) return <Text c="dimmed">No text.</Text>;
  return <Typography>{renderNodes(doc.content)}</Typography>;
}
