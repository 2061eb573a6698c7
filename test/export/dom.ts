// A few helpers over parse5's tree, so tests can read rendered HTML as a browser would.
import { parse, parseFragment } from 'parse5';

export interface Node {
  nodeName: string;
  tagName?: string;
  value?: string;
  attrs?: Array<{ name: string; value: string }>;
  childNodes?: Node[];
  content?: Node;
}

export const parseDocument = (html: string) => parse(html) as unknown as Node;
export const parseHtmlFragment = (html: string) => parseFragment(html) as unknown as Node;

export function all(node: Node, pred: (n: Node) => boolean, out: Node[] = []): Node[] {
  if (pred(node)) out.push(node);
  for (const c of node.childNodes ?? []) all(c, pred, out);
  return out;
}
export const byTag = (node: Node, tag: string) => all(node, (n) => n.tagName === tag);
export const textOf = (node: Node): string => (node.nodeName === '#text' ? node.value ?? '' : (node.childNodes ?? []).map(textOf).join(''));
export const attr = (node: Node, name: string) => node.attrs?.find((a) => a.name === name)?.value;
