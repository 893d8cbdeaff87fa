// The one way the widget builds DOM: text only ever goes through textContent, never innerHTML,
// so shopper and agent text cannot inject markup.
export interface ElementSpec {
  className?: string;
  text?: string;
  attributes?: Record<string, string>;
  children?: Array<Node | null | undefined>;
}

export function createElement<K extends keyof HTMLElementTagNameMap>(
  tagName: K,
  spec: ElementSpec = {},
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tagName);
  if (spec.className) element.className = spec.className;
  if (spec.text !== undefined) element.textContent = spec.text;
  for (const [name, value] of Object.entries(spec.attributes ?? {})) element.setAttribute(name, value);
  for (const child of spec.children ?? []) if (child) element.appendChild(child);
  return element;
}

const SVG_NAMESPACE = 'http://www.w3.org/2000/svg';

/** A decorative 24×24 icon from fixed path data (never from user input). */
export function createIcon(pathData: string, className = 'kefu-icon'): SVGSVGElement {
  const svg = document.createElementNS(SVG_NAMESPACE, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  svg.setAttribute('class', className);
  const path = document.createElementNS(SVG_NAMESPACE, 'path');
  path.setAttribute('d', pathData);
  svg.appendChild(path);
  return svg;
}

export const ICON_CHAT =
  'M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H8.5L4 21.5V18a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2zm3 6.5a1.5 1.5 0 1 0 0 .01zm5 0a1.5 1.5 0 1 0 0 .01zm5 0a1.5 1.5 0 1 0 0 .01z';
export const ICON_CLOSE =
  'M6.4 5 12 10.6 17.6 5 19 6.4 13.4 12l5.6 5.6-1.4 1.4-5.6-5.6L6.4 19 5 17.6 10.6 12 5 6.4z';
export const ICON_SEND = 'M3 20.5 21 12 3 3.5 3 10l12 2-12 2z';
export const ICON_PHOTO =
  'M5 4h14a2 2 0 0 1 2 2v12a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2zm0 2v9.6l3.5-3.5 2.5 2.5 4.5-4.5L19 13.6V6zm3.5 1.5a1.75 1.75 0 1 0 0 3.5 1.75 1.75 0 0 0 0-3.5z';
