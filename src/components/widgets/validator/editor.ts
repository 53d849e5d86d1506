// The CodeMirror 6 editor of the validator: YAML highlighting in the site's colours (readable in
// both themes), line numbers, lint markers, undo history with the standard keys, and Enter that
// keeps the indentation. Tab is left to move focus, so the editor never traps the keyboard. Only
// this page loads it.
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { yaml } from '@codemirror/lang-yaml';
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { EditorSelection, EditorState } from '@codemirror/state';
import { EditorView, highlightActiveLine, highlightActiveLineGutter, keymap, lineNumbers, type Command } from '@codemirror/view';
import { tags as t } from '@lezer/highlight';
import type { Finding } from '../../../lib/validator/types.ts';

const highlight = HighlightStyle.define([
  { tag: [t.propertyName, t.definition(t.propertyName)], color: 'var(--sl-color-blue-high)' },
  { tag: [t.string, t.special(t.string), t.content], color: 'var(--sl-color-green-high)' },
  { tag: [t.number, t.bool, t.null, t.atom], color: 'var(--sl-color-orange-high)' },
  { tag: [t.comment, t.lineComment], color: 'var(--sl-color-gray-2)', fontStyle: 'italic' },
  { tag: [t.keyword, t.meta, t.labelName, t.typeName], color: 'var(--sl-color-purple-high)' },
  { tag: t.invalid, color: 'var(--sl-color-red-high)' },
]);

const theme = EditorView.theme({
  '&': { backgroundColor: 'var(--sl-color-black)', color: 'var(--sl-color-white)', border: '1px solid var(--sl-color-gray-4)', borderRadius: '0.25rem', fontSize: 'var(--sl-text-code)' },
  '&.cm-focused': { outline: '2px solid var(--sl-color-accent)', outlineOffset: '2px' },
  '.cm-scroller': { fontFamily: 'var(--__sl-font-mono)', minHeight: '14rem', maxHeight: '32rem', overflow: 'auto' },
  '.cm-content': { caretColor: 'var(--sl-color-white)' },
  '.cm-gutters': { backgroundColor: 'var(--sl-color-gray-6)', color: 'var(--sl-color-gray-2)', borderRight: '1px solid var(--sl-color-gray-5)' },
  '.cm-activeLine, .cm-activeLineGutter': { backgroundColor: 'color-mix(in srgb, var(--sl-color-gray-6) 60%, transparent)' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground': { backgroundColor: 'var(--sl-color-accent-low) !important' },
  '.cm-cursor': { borderLeftColor: 'var(--sl-color-white)' },
});

/** Enter: a new line with the current indentation, two spaces more after a `key:` line. */
const newlineKeepIndent: Command = (view) => {
  view.dispatch(view.state.changeByRange((range) => {
    const line = view.state.doc.lineAt(range.from);
    const before = line.text.slice(0, range.from - line.from);
    let indent = /^[ ]*(- )?/.exec(before)![0].replace('- ', '  ');
    if (/:\s*$/.test(before)) indent += '  ';
    const insert = `\n${indent}`;
    return { changes: { from: range.from, to: range.to, insert }, range: EditorSelection.cursor(range.from + insert.length) };
  }), { scrollIntoView: true, userEvent: 'input' });
  return true;
};

export interface EditorOptions {
  parent: HTMLElement;
  labelledBy: string;
  describedBy: string;
  onChange: () => void;
}

export function createEditor(o: EditorOptions): EditorView {
  return new EditorView({
    parent: o.parent,
    state: EditorState.create({
      doc: '',
      extensions: [
        lineNumbers(),
        highlightActiveLineGutter(),
        highlightActiveLine(),
        yaml(),
        syntaxHighlighting(highlight),
        lintGutter(),
        history(),
        keymap.of([{ key: 'Enter', run: newlineKeepIndent }, ...historyKeymap, ...defaultKeymap]),
        EditorState.tabSize.of(2),
        EditorView.contentAttributes.of({ tabindex: '0', 'aria-labelledby': o.labelledBy, 'aria-describedby': o.describedBy, 'aria-multiline': 'true', spellcheck: 'false', autocapitalize: 'off', autocorrect: 'off' }),
        EditorView.updateListener.of((u) => { if (u.docChanged) o.onChange(); }),
        // The page's sticky header covers the top of the window: a line scrolled into view (a
        // finding's line, the cursor) stops below it. Starlight's scroll-padding-top is its height.
        EditorView.scrollMargins.of(() => ({ top: parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) || 0 })),
        theme,
      ],
    }),
  });
}

export function setText(view: EditorView, text: string): void {
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text }, selection: { anchor: 0 } });
}

/** Offset of a 1-based line and column, clamped to the document. */
function offset(view: EditorView, line: number, column: number): number {
  const doc = view.state.doc;
  const l = doc.line(Math.min(Math.max(1, line), doc.lines));
  return Math.min(l.from + Math.max(0, column - 1), l.to);
}

export function showFindings(view: EditorView, findings: Finding[]): void {
  const diagnostics: Diagnostic[] = findings.map((f) => {
    const from = offset(view, f.line, f.column);
    let to = f.endLine ? offset(view, f.endLine, f.endColumn ?? 1) : from;
    if (to <= from) to = view.state.doc.lineAt(from).to;
    return { from, to: Math.max(from, to), severity: f.severity, message: f.message, source: f.rule };
  });
  view.dispatch(setDiagnostics(view.state, diagnostics));
}

/** Puts the cursor at the start of a line, scrolls it into view and focuses the editor. */
export function gotoLine(view: EditorView, line: number, column = 1): void {
  const at = offset(view, line, column);
  view.dispatch({ selection: { anchor: at }, effects: EditorView.scrollIntoView(at, { y: 'center' }) });
  view.focus();
}
