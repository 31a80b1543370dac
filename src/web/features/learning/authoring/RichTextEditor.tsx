import '@mantine/tiptap/styles.css';
import { RichTextEditor as Editor } from '@mantine/tiptap';
import { useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import type { RichDoc } from '../../../ui/RichText.tsx';

/**
 * TipTap editor limited to what the server's allow-list accepts: StarterKit's nodes and marks
 * with headings 1–4 and links restricted to http, https and mailto.
 */
export function RichTextField({ label, value, onChange }: { label: string; value: RichDoc; onChange: (doc: RichDoc) => void }) {
  const editor = useEditor({
    extensions: [
      StarterKit.configure({
        heading: { levels: [1, 2, 3, 4] },
        link: {
          openOnClick: false,
          protocols: ['http', 'https', 'mailto'],
          isAllowedUri: (url) => /^(https?:|mailto:)/i.test(url),
        },
      }),
    ],
    content: value,
    immediatelyRender: true,
    editorProps: { attributes: { 'aria-label': label, 'aria-multiline': 'true', role: 'textbox' } },
    onUpdate: ({ editor: e }) => onChange(e.getJSON() as RichDoc),
  });
  return (
    <Editor editor={editor}>
      <Editor.Toolbar>
        <Editor.ControlsGroup>
          <Editor.Bold />
          <Editor.Italic />
          <Editor.Underline />
          <Editor.Strikethrough />
          <Editor.Code />
        </Editor.ControlsGroup>
        <Editor.ControlsGroup>
          <Editor.H2 />
          <Editor.H3 />
          <Editor.H4 />
        </Editor.ControlsGroup>
        <Editor.ControlsGroup>
          <Editor.BulletList />
          <Editor.OrderedList />
          <Editor.Blockquote />
          <Editor.CodeBlock />
          <Editor.Hr />
        </Editor.ControlsGroup>
        <Editor.ControlsGroup>
          <Editor.Link />
          <Editor.Unlink />
        </Editor.ControlsGroup>
      </Editor.Toolbar>
      <Editor.Content />
    </Editor>
  );
}
