// The field type of a TypeScript type node, shared by the two generators that read .d.ts files
// (fromKubernetesModels, fromCrdPackages): keywords, string-literal enums, `number | string` as
// int-or-string, arrays and index-signature maps. What a name refers to and what an inline object
// literal becomes is each generator's own business (the hooks).
import ts from 'typescript';

/**
 * @param {ts.TypeNode | undefined} node
 * @param {{
 *   ref: (name: string, node: ts.TypeReferenceNode) => object,
 *   object?: (node: ts.TypeLiteralNode) => object,
 *   inner: (node: ts.TypeNode, role: 'Item' | 'Value') => object,
 * }} hooks `ref` resolves a named type; `object` an inline literal without an index signature
 *   (default: any); `inner` the type of an array's items or a map's values (a generator may name them).
 */
export function typeOfNode(node, hooks) {
  if (!node) return { kind: 'any' };
  switch (node.kind) {
    case ts.SyntaxKind.StringKeyword:
      return { kind: 'string' };
    case ts.SyntaxKind.NumberKeyword:
      return { kind: 'number' };
    case ts.SyntaxKind.BooleanKeyword:
      return { kind: 'boolean' };
  }
  if (ts.isParenthesizedTypeNode(node)) return typeOfNode(node.type, hooks);
  if (ts.isLiteralTypeNode(node) && ts.isStringLiteral(node.literal)) return { kind: 'string', enum: [node.literal.text] };
  if (ts.isUnionTypeNode(node)) {
    const lits = node.types.filter((x) => ts.isLiteralTypeNode(x) && ts.isStringLiteral(x.literal)).map((x) => x.literal.text);
    if (lits.length === node.types.length) return { kind: 'string', enum: lits };
    const kinds = new Set(node.types.map((x) => x.kind));
    if (kinds.size === 2 && kinds.has(ts.SyntaxKind.NumberKeyword) && kinds.has(ts.SyntaxKind.StringKeyword)) return { kind: 'int-or-string' };
    return { kind: 'any' };
  }
  if (ts.isArrayTypeNode(node)) return { kind: 'array', items: hooks.inner(node.elementType, 'Item') };
  if (ts.isTypeReferenceNode(node)) {
    const name = node.typeName.getText();
    if (name === 'Array' && node.typeArguments?.length === 1) return { kind: 'array', items: hooks.inner(node.typeArguments[0], 'Item') };
    return hooks.ref(name, node);
  }
  if (ts.isTypeLiteralNode(node)) {
    const index = node.members.find(ts.isIndexSignatureDeclaration);
    if (index) return node.members.length === 1 ? { kind: 'map', values: hooks.inner(index.type, 'Value') } : { kind: 'any' };
    return hooks.object ? hooks.object(node) : { kind: 'any' };
  }
  // any, unknown, object and whatever else: no constraint
  return { kind: 'any' };
}
