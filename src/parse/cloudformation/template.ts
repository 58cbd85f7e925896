/** The sections of one template that evaluation and resource building read. */
import { child, childString, isMap, type MapEntry, type MapNode, type TreeNode } from './tree.js';

export interface Template {
  /** Template path: also the unit id. */
  path: string;
  root: MapNode;
  resources: ReadonlyMap<string, MapEntry>;
  parameters: ReadonlyMap<string, MapEntry>;
  mappings: TreeNode | undefined;
  outputs: ReadonlyMap<string, MapEntry>;
}

/** Resource types that mark a mapping as a template even without `AWSTemplateFormatVersion`. */
export const RESOURCE_TYPE_PREFIX = /^(?:AWS|Custom|Alexa)::/;

export type TemplateShape = { ok: true; template: Template } | { ok: false; message: string; line: number };

export function readTemplate(path: string, root: TreeNode): TemplateShape {
  if (!isMap(root)) return { ok: false, message: 'not a CloudFormation template: the top level is not a mapping', line: root.lines.start };
  const resources = child(root, 'Resources');
  if (resources !== undefined && !isMap(resources)) {
    return { ok: false, message: 'not a CloudFormation template: Resources is not a mapping', line: resources.lines.start };
  }
  const declaresAwsTypes = [...(resources?.entries.values() ?? [])].some((entry) => RESOURCE_TYPE_PREFIX.test(childString(entry.value, 'Type') ?? ''));
  if (!root.entries.has('AWSTemplateFormatVersion') && !declaresAwsTypes) {
    return { ok: false, message: 'not a CloudFormation template: no AWSTemplateFormatVersion and no AWS:: resources', line: root.lines.start };
  }
  return {
    ok: true,
    template: {
      path,
      root,
      resources: sectionEntries(resources),
      parameters: sectionEntries(child(root, 'Parameters')),
      mappings: child(root, 'Mappings'),
      outputs: sectionEntries(child(root, 'Outputs')),
    },
  };
}

function sectionEntries(section: TreeNode | undefined): ReadonlyMap<string, MapEntry> {
  return isMap(section) ? section.entries : new Map();
}
