import { Parser } from 'htmlparser2';

/** Not text of the page: code, styling, navigation, forms, and what the page itself hides. */
const SKIPPED = new Set([
  'head',
  'title',
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'nav',
  'aside',
  'footer',
  'form',
  'button',
  'select',
  'iframe',
  'object',
]);

/** Blocks that end a paragraph: an empty line after them, as in a converted text. */
const PARAGRAPHS = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'pre',
  'table',
  'ol',
  'ul',
  'dl',
  'hr',
  'figure',
  'address',
]);

/** Blocks that end a line. */
const LINES = new Set([
  'div',
  'section',
  'article',
  'main',
  'header',
  'li',
  'tr',
  'dt',
  'dd',
  'br',
  'caption',
  'figcaption',
  'summary',
  'details',
]);

interface List {
  ordered: boolean;
  next: number;
}

/**
 * The text of an HTML page as a decision text: headings, paragraphs, list items and table rows
 * each on their own line(s), paragraphs apart by an empty line, ordered list items numbered as a
 * browser shows them ("1. "), bullets as "- ", table rows with two or more cells as "| a | b |"
 * (as converted protocols have them), entities decoded, scripts, styles, navigation and hidden
 * parts dropped. Pure: no I/O.
 */
export function htmlText(html: string): string {
  const lines: string[] = [];
  const lists: List[] = [];
  let current = '';
  let skipDepth = 0;
  let row: string[] | null = null;
  let cell: string | null = null;
  /** Inside the page's content (main, article): a header there is the content's own. */
  let content = 0;

  const endLine = () => {
    const text = current.replace(/\s+/g, ' ').trim();
    current = '';
    if (text !== '') lines.push(text);
  };
  const endParagraph = () => {
    endLine();
    if (lines.length > 0 && lines[lines.length - 1] !== '') lines.push('');
  };
  const endRow = () => {
    if (row === null) return;
    const cells = row.filter((c) => c !== '');
    row = null;
    endLine();
    if (cells.length === 1) lines.push(cells[0]);
    else if (cells.length > 1) lines.push(`| ${cells.join(' | ')} |`);
  };

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (
          skipDepth > 0 ||
          SKIPPED.has(name) ||
          attributes.role === 'navigation' ||
          'hidden' in attributes ||
          attributes['aria-hidden'] === 'true' ||
          // The site's header (logo, search, menu), not an article's.
          (name === 'header' && content === 0)
        ) {
          skipDepth++;
          return;
        }
        if (name === 'main' || name === 'article') content++;
        if (cell !== null) {
          // Inside a table cell everything is one line of that cell.
          if (PARAGRAPHS.has(name) || LINES.has(name)) cell += ' ';
          return;
        }
        if (name === 'tr') {
          endRow();
          endLine();
          row = [];
        } else if ((name === 'td' || name === 'th') && row !== null) cell = '';
        else if (name === 'ol' || name === 'ul') {
          // A list inside a list item continues that item's paragraph.
          if (lists.length > 0) endLine();
          else endParagraph();
          const start = Number.parseInt(attributes.start ?? '1', 10);
          lists.push({ ordered: name === 'ol', next: Number.isFinite(start) ? start : 1 });
        } else if (name === 'li') {
          endLine();
          const list = lists[lists.length - 1];
          if (list) current = list.ordered ? `${list.next++}. ` : '- ';
        } else if (PARAGRAPHS.has(name)) endParagraph();
        else if (LINES.has(name)) endLine();
      },
      ontext(text) {
        if (skipDepth > 0) return;
        if (cell !== null) cell += text;
        else current += text;
      },
      onclosetag(name) {
        if (skipDepth > 0) {
          skipDepth--;
          return;
        }
        if (name === 'main' || name === 'article') content = Math.max(0, content - 1);
        if ((name === 'td' || name === 'th') && cell !== null) {
          row?.push(cell.replace(/\s+/g, ' ').trim());
          cell = null;
        } else if (cell !== null) {
          if (PARAGRAPHS.has(name) || LINES.has(name)) cell += ' ';
        } else if (name === 'tr') endRow();
        else if (name === 'ol' || name === 'ul') {
          lists.pop();
          if (lists.length > 0) endLine();
          else endParagraph();
        } else if (name === 'table') {
          endRow();
          endParagraph();
        } else if (PARAGRAPHS.has(name)) endParagraph();
        else if (LINES.has(name)) endLine();
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  endRow();
  endLine();
  return lines
    .join('\n')
    .replace(/\u00a0/g, ' ')
    .trim();
}

/** A saved web page, by its name or its first markup. */
export function isHtml(file: string, data: Uint8Array): boolean {
  if (/\.(x?html?)$/i.test(file)) return true;
  const head = Buffer.from(data.buffer, data.byteOffset, Math.min(data.byteLength, 512))
    .toString('latin1')
    .replace(/^\ufeff|^\xef\xbb\xbf/, '')
    .trimStart()
    .toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html');
}
