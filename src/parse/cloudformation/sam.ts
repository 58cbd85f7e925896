/**
 * SAM `Globals`: properties declared once for every resource of a kind. They are merged into the
 * resource's `Properties` before evaluation, keeping their own lines (they point at `Globals`).
 */
import type { Template } from './template.js';
import { child, intrinsicCall, isMap, type MapEntry, type MapNode, type TreeNode } from './tree.js';

/** Globals section → the SAM resource type it applies to. */
const GLOBALS_SECTION_OF_TYPE: Readonly<Record<string, string>> = {
  'AWS::Serverless::Function': 'Function',
  'AWS::Serverless::Api': 'Api',
  'AWS::Serverless::HttpApi': 'HttpApi',
  'AWS::Serverless::SimpleTable': 'SimpleTable',
  'AWS::Serverless::StateMachine': 'StateMachine',
  'AWS::Serverless::LayerVersion': 'LayerVersion',
};

/** The resource's properties with the matching `Globals` section merged in. */
export function withGlobals(template: Template, type: string, properties: TreeNode | undefined): TreeNode | undefined {
  const section = Object.hasOwn(GLOBALS_SECTION_OF_TYPE, type) ? GLOBALS_SECTION_OF_TYPE[type] : undefined;
  const globals = section ? child(child(template.root, 'Globals'), section) : undefined;
  if (!globals) return properties;
  return properties ? merge(globals, properties) : globals;
}

/** SAM's rules: mappings merge key by key, lists add up, anything else is the resource's own value. */
function merge(global: TreeNode, own: TreeNode): TreeNode {
  if (isPlainMap(global) && isPlainMap(own)) {
    const entries = new Map<string, MapEntry>(global.entries);
    for (const [key, entry] of own.entries) {
      const inherited = entries.get(key);
      entries.set(key, inherited ? { ...entry, value: merge(inherited.value, entry.value) } : entry);
    }
    return { kind: 'map', entries, lines: own.lines };
  }
  if (global.kind === 'seq' && own.kind === 'seq') return { kind: 'seq', items: [...global.items, ...own.items], lines: own.lines };
  return own;
}

/** A mapping that is not an intrinsic call (`{Ref: …}`, `{Fn::…: …}` are values, not mappings to merge). */
function isPlainMap(node: TreeNode): node is MapNode {
  return isMap(node) && !intrinsicCall(node);
}
