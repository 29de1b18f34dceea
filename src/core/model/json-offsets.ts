/**
 * Where each value of a JSON text stands, for a text known to be valid JSON (a bundled tariff,
 * validated when the package was built): a small tree of offsets, so that positions in such a
 * text need no full JSON parser (jsonc-parser) at start-up. `findOffset` answers as
 * jsonc-parser's `findNodeAtLocation` does (the first property of a name, an index in range).
 */

/** A value's offset in the text; a property's value also its name's. */
export interface OffsetNode {
  offset: number;
  /** where the property's name (its opening quote) stands, for a property's value */
  keyOffset?: number;
  /** an object's properties, in order (a name may repeat) */
  properties?: [string, OffsetNode][];
  /** an array's items */
  items?: OffsetNode[];
}

/** The offset tree of a valid JSON text; throws on text that is not JSON. */
export function jsonOffsets(text: string): OffsetNode {
  let i = 0;
  const space = (): void => {
    for (let c = text.charCodeAt(i); c === 32 || c === 9 || c === 10 || c === 13; c = text.charCodeAt(++i));
  };
  const fail = (): never => {
    throw new SyntaxError(String(i)); // the offset where the text stops being JSON (never for a validated text)
  };
  const string = (): string => {
    const start = i++;
    for (let c = text.charCodeAt(i); c !== 34; c = text.charCodeAt(++i)) {
      if (c === 92) i++;
      if (i >= text.length) fail();
    }
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (): OffsetNode => {
    space();
    const node: OffsetNode = { offset: i };
    const c = text.charCodeAt(i);
    if (c === 123) {
      i++;
      node.properties = [];
      space();
      if (text.charCodeAt(i) === 125) i++;
      else
        for (;;) {
          space();
          if (text.charCodeAt(i) !== 34) fail();
          const keyOffset = i;
          const name = string();
          space();
          if (text.charCodeAt(i++) !== 58) fail();
          const v = value();
          v.keyOffset = keyOffset;
          node.properties.push([name, v]);
          space();
          const d = text.charCodeAt(i++);
          if (d === 125) break;
          if (d !== 44) fail();
        }
    } else if (c === 91) {
      i++;
      node.items = [];
      space();
      if (text.charCodeAt(i) === 93) i++;
      else
        for (;;) {
          node.items.push(value());
          space();
          const d = text.charCodeAt(i++);
          if (d === 93) break;
          if (d !== 44) fail();
        }
    } else if (c === 34) {
      string();
    } else {
      const start = i;
      while (i < text.length && !/[\s,\]}]/.test(text.charAt(i))) i++;
      if (i === start) fail();
    }
    return node;
  };
  const root = value();
  space();
  if (i !== text.length) fail();
  return root;
}

/** The node at a path (property names and array indexes), or undefined. */
export function findOffset(root: OffsetNode, path: readonly (string | number)[]): OffsetNode | undefined {
  let node: OffsetNode | undefined = root;
  for (const segment of path) {
    if (typeof segment === "string") node = node.properties?.find(([name]) => name === segment)?.[1];
    else node = node.items && segment >= 0 && segment < node.items.length ? node.items[segment] : undefined;
    if (!node) return undefined;
  }
  return node;
}
