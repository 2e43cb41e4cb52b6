// A server component drawn as plain data that a script builds with the DOM: for markup that must appear before the
// page's React has loaded (the wizard's automatic checks, app/troubleshoot/start-checks.ts). Route handlers may
// not use react-dom/server, and the components drawn this way are plain functions of their props (no hooks, no
// context, nothing asynchronous), so walking the elements is all it takes. What the tree can carry is narrow on
// purpose: text in elements that lay text out, and attributes that style, name or describe — no script, frame, form
// or link, no URL, no handler, no markup. (A script element a page's script creates would run: CSP's 'strict-dynamic'
// trusts it.)
import { Fragment, isValidElement, type ReactNode } from "react";

/** Text, or an element: its tag, its attributes, its children. */
export type ElementTree = string | [tag: string, attributes: Record<string, string>, ...children: ElementTree[]];

/** Attributes whose `true` React writes as an empty value; aria-* and data-* get "true". */
const BOOLEAN_ATTRIBUTES = new Set(["open", "hidden"]);
const DRAWN_ATTRIBUTE = /^(class|id|role|lang|dir|open|hidden|(aria|data)-[a-z-]+)$/;
const DRAWN_TAG = /^(div|p|span|strong|em|code|br|ul|ol|li|details|summary|h[2-4])$/;

function attributesOf(tag: string, props: Record<string, unknown>): Record<string, string> {
  const attributes: Record<string, string> = {};
  for (const [prop, value] of Object.entries(props)) {
    if (prop === "children" || value === undefined || value === null || value === false) continue;
    const name = prop === "className" ? "class" : prop;
    if (!DRAWN_ATTRIBUTE.test(name) || typeof value === "object" || typeof value === "function") {
      throw new TypeError(`<${tag} ${prop}> cannot be drawn as an element tree.`);
    }
    attributes[name] = value === true && BOOLEAN_ATTRIBUTES.has(name) ? "" : String(value);
  }
  return attributes;
}

/** The node as trees, components called with their props, fragments and empty children dropped. */
export function toElementTree(node: ReactNode): ElementTree[] {
  if (node === null || node === undefined || typeof node === "boolean") return [];
  if (typeof node === "string" || typeof node === "number" || typeof node === "bigint") return [String(node)];
  if (Array.isArray(node)) return node.flatMap((child: ReactNode) => toElementTree(child));
  if (!isValidElement<Record<string, unknown> & { children?: ReactNode }>(node)) {
    throw new TypeError("Only elements, text and lists of them can be drawn as an element tree.");
  }
  const { type, props } = node;
  if (type === Fragment) return toElementTree(props.children);
  if (typeof type === "function") {
    const drawn = (type as (props: unknown) => ReactNode)(props);
    if (drawn instanceof Promise) throw new TypeError(`${type.name} is asynchronous: it cannot be drawn as a tree.`);
    return toElementTree(drawn);
  }
  if (typeof type !== "string") throw new TypeError("Only host elements and plain components can be drawn as a tree.");
  if (!DRAWN_TAG.test(type)) throw new TypeError(`<${type}> cannot be drawn as an element tree.`);
  return [[type, attributesOf(type, props), ...toElementTree(props.children)]];
}
