// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { asParagraphs, chooseTarget, fieldText, insertInto, resolveTarget, type LiveTarget } from './insert';
import { expectedTarget } from '../panel/target-choice';

const target = (id: string, label: string, role?: string): LiveTarget => ({
  id,
  label,
  role,
  el: document.createElement('textarea'),
});

describe('chooseTarget: where a note goes, and never anywhere else', () => {
  const journal = target('0', 'Journalnotat', 'journal');
  const remark = target('1', 'Intern bemærkning', 'remark');
  const both = [journal, remark];

  it('takes the target the caret is in, before any preference', () => {
    const choice = chooseTarget(both, { el: remark.el }, { prefer: 'journal' });
    expect(choice).toMatchObject({ kind: 'target', target: remark, caret: { el: remark.el } });
  });

  it('a caret in a field the adapter does not name (the search box) means asking, even with one target', () => {
    const search = document.createElement('input');
    expect(chooseTarget(both, { el: search }, {})).toEqual({ kind: 'ask', targets: both });
    expect(chooseTarget(both, { el: search }, { prefer: 'journal' })).toEqual({ kind: 'ask', targets: both });
    expect(chooseTarget([journal], { el: search }, {})).toEqual({ kind: 'ask', targets: [journal] });
    // With the caret in no field at all, the only target is the one.
    expect(chooseTarget([journal], undefined, {})).toEqual({ kind: 'target', target: journal, caret: undefined });
  });

  it('asks when several targets are on the page and nothing says which', () => {
    expect(chooseTarget(both, undefined, {})).toEqual({ kind: 'ask', targets: both });
    expect(chooseTarget(both, undefined, { prefer: 'emne' })).toEqual({ kind: 'ask', targets: both });
  });

  it('follows the template by role, id or label, and the caseworker by id', () => {
    expect(chooseTarget(both, undefined, { prefer: 'remark' })).toMatchObject({ target: remark });
    expect(chooseTarget(both, undefined, { prefer: 'Journalnotat' })).toMatchObject({ target: journal });
    expect(chooseTarget(both, { el: journal.el }, { target: '1' })).toMatchObject({ target: remark });
  });

  it('a chosen target that is gone from the page is no target, not another one', () => {
    expect(chooseTarget([journal], undefined, { target: '1' })).toEqual({ kind: 'none' });
    expect(chooseTarget([], undefined, {})).toEqual({ kind: 'none' });
  });

  it('the panel predicts the same field the bridge will take', () => {
    const view = { targets: both.map(({ id, label, role }) => ({ id, label, role })), current: null, elsewhere: false };
    expect(expectedTarget(view)).toEqual({ kind: 'ask' });
    expect(expectedTarget(view, 'remark')).toEqual({ kind: 'target', label: 'Intern bemærkning', id: '1' });
    expect(expectedTarget({ ...view, current: '0' }, 'remark')).toEqual({
      kind: 'target',
      label: 'Journalnotat',
      id: '0',
    });
    expect(expectedTarget({ targets: [], current: null, elsewhere: false })).toEqual({ kind: 'none' });
    expect(expectedTarget({ ...view, targets: view.targets.slice(0, 1), elsewhere: true })).toEqual({ kind: 'ask' });
  });
});

describe('resolveTarget: selectors that step into frames and shadow roots', () => {
  it('finds a field inside an open shadow root', () => {
    const host = document.createElement('x-editor');
    host.id = 'ed';
    document.body.replaceChildren(host);
    const shadow = host.attachShadow({ mode: 'open' });
    const inner = document.createElement('textarea');
    inner.className = 'tekst';
    shadow.append(inner);
    expect(resolveTarget(document, 'x-editor#ed >>> textarea.tekst')).toBe(inner);
    expect(resolveTarget(document, 'x-editor#ed >>> .nothing')).toBeNull();
    // An element with neither a frame document nor a shadow root cannot be stepped into.
    expect(resolveTarget(document, 'body >>> textarea')).toBeNull();
  });

  it('an invalid selector finds nothing instead of throwing', () => {
    expect(resolveTarget(document, '##')).toBeNull();
  });
});

describe('asParagraphs: plain text as paragraphs for an editor that wants HTML', () => {
  it('escapes everything that could be markup, line by line', () => {
    expect(asParagraphs('Notat <b>x</b> &amp; "æøå"\nAnden linje')).toBe(
      'Notat &lt;b&gt;x&lt;/b&gt; &amp;amp; &quot;æøå&quot;<p>Anden linje</p>',
    );
  });

  it('keeps a space that begins the note (HTML would drop it)', () => {
    expect(asParagraphs(' Notat\nAnden')).toBe('&nbsp;Notat<p>Anden</p>');
  });
});

describe('insertInto: "indsat" only when the text is in the document the editor keeps', () => {
  // Each test stands in for the browser's insertText in its own way.
  const execCommand = document.execCommand;
  afterEach(() => {
    document.execCommand = execCommand;
  });

  it("waits while the text sits in an editor's paste bin, and verifies once the editor has moved it in", async () => {
    // An editor like TinyMCE without HTML on the clipboard: it lets the paste
    // happen in a scratch element, then moves the text into its document in a later task.
    const editor = document.createElement('div');
    editor.className = 'mce-content-body';
    editor.contentEditable = 'true';
    editor.append(Object.assign(document.createElement('p'), { textContent: 'Før' }));
    document.body.append(editor);
    let moved = false;
    editor.addEventListener('paste', () => {
      const bin = document.createElement('div');
      bin.id = 'mcepastebin';
      bin.setAttribute('data-mce-bogus', 'all');
      editor.append(bin);
      const range = document.createRange();
      range.selectNodeContents(bin);
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(range);
      setTimeout(() => {
        const p = document.createElement('p');
        p.textContent = bin.textContent;
        bin.remove();
        editor.append(p);
        moved = true;
      }, 60);
    });
    // The browser's insertText: the text goes where the selection is.
    document.execCommand = ((command: string, _ui: boolean, text: string) => {
      if (command !== 'insertText') return false;
      document.getSelection()!.getRangeAt(0).insertNode(document.createTextNode(text));
      return true;
    }) as typeof document.execCommand;

    const outcome = await insertInto({ id: '0', label: 'Journal', el: editor }, undefined, 'Borgeren deltog.');
    expect(outcome).toBe('inserted');
    expect(moved).toBe(true);
    expect(fieldText(editor)).toBe('FørBorgeren deltog.');
    editor.remove();
  });

  it('a host that puts its own value back a moment after the insertion has not taken the note', async () => {
    document.execCommand = () => false; // the field takes the text through setRangeText
    const field = document.createElement('textarea');
    document.body.append(field);
    // A framework that re-renders the field from its own state 50 ms after each input.
    const held: string[] = [];
    field.addEventListener('input', () => setTimeout(() => (held.push(field.value), (field.value = '')), 50));
    expect(await insertInto({ id: '0', label: 'Journal', el: field }, undefined, 'Borgeren deltog.')).toBe(
      'not-verified',
    );
    expect(held).toEqual(['Borgeren deltog.']);
    field.remove();
  });

  it('a host that clears the field and renders it again with the note has taken it: judged by the field at the end', async () => {
    document.execCommand = () => false;
    const field = document.createElement('textarea');
    document.body.append(field);
    field.addEventListener('input', () => {
      const value = field.value;
      setTimeout(() => (field.value = ''), 20);
      setTimeout(() => (field.value = value), 120);
    });
    expect(await insertInto({ id: '0', label: 'Journal', el: field }, undefined, 'Borgeren deltog.')).toBe('inserted');
    field.remove();
  });

  it('a field with room for the note but not for the space before it takes the note alone', async () => {
    document.execCommand = () => false;
    const field = document.createElement('textarea');
    field.value = 'Indledning.';
    field.maxLength = field.value.length + 'Borgeren deltog.'.length;
    document.body.append(field);
    expect(await insertInto({ id: '0', label: 'Journal', el: field }, undefined, 'Borgeren deltog.')).toBe('inserted');
    expect(field.value).toBe('Indledning.Borgeren deltog.');
    field.remove();
  });

  it('follows a field the host replaced after the insertion, and says "indsat" only if the new one holds the note', async () => {
    document.execCommand = () => false;
    for (const keeps of [true, false]) {
      const field = document.createElement('textarea');
      document.body.append(field);
      let current: HTMLTextAreaElement = field;
      field.addEventListener('input', () =>
        setTimeout(() => {
          current = document.createElement('textarea');
          current.value = keeps ? field.value : '';
          field.replaceWith(current);
        }, 50),
      );
      const outcome = await insertInto(
        { id: '0', label: 'Journal', el: field },
        undefined,
        'Borgeren deltog.',
        () => current,
      );
      expect(outcome).toBe(keeps ? 'inserted' : 'not-verified');
      current.remove();
    }
  });

  it('puts a space between the note and a word or sentence the caret ends, and nowhere else', async () => {
    document.execCommand = () => false; // the field takes the text through setRangeText
    const cases: [string, string][] = [
      ['Indledning.', 'Indledning. Borgeren deltog.'],
      ['Samtale med borgeren', 'Samtale med borgeren Borgeren deltog.'],
      ['Indledning. ', 'Indledning. Borgeren deltog.'],
      ['Indledning.\n', 'Indledning.\nBorgeren deltog.'],
      ['Punkt (', 'Punkt (Borgeren deltog.'],
      ['', 'Borgeren deltog.'],
    ];
    for (const [typed, expected] of cases) {
      const field = document.createElement('textarea');
      field.value = typed;
      document.body.append(field);
      expect(await insertInto({ id: '0', label: 'Journal', el: field }, undefined, 'Borgeren deltog.')).toBe(
        'inserted',
      );
      expect(field.value).toBe(expected);
      field.remove();
    }
  });

  it('in a rich field, a space only after text in the same run, never after a paragraph or a line break', async () => {
    document.execCommand = ((command: string, _ui: boolean, text: string) => {
      if (command !== 'insertText') return false;
      document.getSelection()!.getRangeAt(0).insertNode(document.createTextNode(text));
      return true;
    }) as typeof document.execCommand;
    const at = (html: string, place: (editor: HTMLElement) => [Node, number]) => {
      const editor = document.createElement('div');
      editor.contentEditable = 'true';
      editor.append(...new DOMParser().parseFromString(html, 'text/html').body.childNodes);
      document.body.append(editor);
      const range = document.createRange();
      range.setStart(...place(editor));
      return { editor, range };
    };
    const cases: [string, (e: HTMLElement) => [Node, number], string][] = [
      ['<p>Indledning.</p>', (e) => [e.firstChild!.firstChild!, 11], 'Indledning. Notat.'],
      ['<p>Indledning.</p>', (e) => [e.firstChild!, 1], 'Indledning. Notat.'],
      // After an inline element: not certain enough to guess, no space.
      ['<p><b>Indledning.</b></p>', (e) => [e.firstChild!, 1], 'Indledning.Notat.'],
      ['<p>Indledning.</p>', (e) => [e, 1], 'Indledning.Notat.'],
      ['<p>Indledning.<br></p>', (e) => [e.firstChild!, 2], 'Indledning.Notat.'],
    ];
    for (const [html, place, expected] of cases) {
      const { editor, range } = at(html, place);
      expect(await insertInto({ id: '0', label: 'Journal', el: editor }, { el: editor, range }, 'Notat.')).toBe(
        'inserted',
      );
      expect(editor.textContent, html).toBe(expected);
      editor.remove();
    }
  });

  it('reads a field without the scratch elements an editor keeps inside it', () => {
    const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html').body;
    expect(
      fieldText(parse('<p>Notat</p><div id="mcepastebin" data-mce-bogus="all">kladde</div><br data-mce-bogus="1">')),
    ).toBe('Notat');
    expect(fieldText(parse('<p>Notat</p><div class="cke_pastebin" data-cke-temp="1">kladde</div>'))).toBe('Notat');
  });
});
