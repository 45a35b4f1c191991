import * as fs from "fs";
import { XMLParser } from "fast-xml-parser";

/** Element of the parsed manifest, children in document order. */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

type OrderedNode = Record<string, unknown> & { ":@"?: Record<string, string> };

/** Converts one node of fast-xml-parser's `preserveOrder` output into an element. */
function toElement(node: OrderedNode): XmlElement {
  const name = Object.keys(node).find((key) => key !== ":@") ?? "";
  const content = (node[name] as OrderedNode[]) ?? [];
  const children = content.filter((child) => !("#text" in child)).map(toElement);
  const text = content
    .filter((child) => "#text" in child)
    .map((child) => String(child["#text"]))
    .join("");
  return { name, attributes: node[":@"] ?? {}, children, text };
}

/** Parses an XML document and returns its root element, keeping the order of children. */
export function parseXmlDocument(xml: string): XmlElement {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "",
    preserveOrder: true,
    parseTagValue: false,
    parseAttributeValue: false,
  });
  const nodes = parser.parse(xml) as OrderedNode[];
  const root = nodes.find((node) => !("?xml" in node));
  if (!root) {
    throw new Error("The XML document has no root element.");
  }
  return toElement(root);
}

/** Reads and parses an XML file. */
export function readXmlFile(file: string): XmlElement {
  return parseXmlDocument(fs.readFileSync(file, "utf8"));
}

/** Lists the element and all its descendants, depth first in document order. */
export function descendants(element: XmlElement): XmlElement[] {
  return [element, ...element.children.flatMap(descendants)];
}

/** Returns the only child with the given name, failing when there is none or several. */
export function onlyChild(element: XmlElement, name: string): XmlElement {
  const matches = element.children.filter((child) => child.name === name);
  if (matches.length !== 1) {
    throw new Error(`<${element.name}> has ${matches.length} <${name}> children, expected 1.`);
  }
  return matches[0];
}

/** Follows a path of child names from the element, each step expecting exactly one child. */
export function childAt(element: XmlElement, ...names: string[]): XmlElement {
  return names.reduce(onlyChild, element);
}
