/**
 * The YAML short forms of CloudFormation intrinsics. Each tag is declared for scalar, sequence and
 * mapping nodes so `yaml` accepts every form without warnings; the tag only marks the node, and
 * the loader rewrites a tagged node to the long form `{<long name>: node}`.
 */
import type { CollectionTag, ScalarTag } from 'yaml';

/** Short tag → long-form key. */
export const LONG_FORM_OF_TAG: Readonly<Record<string, string>> = {
  '!Ref': 'Ref',
  '!Condition': 'Condition',
  '!GetAtt': 'Fn::GetAtt',
  '!Sub': 'Fn::Sub',
  '!Join': 'Fn::Join',
  '!Select': 'Fn::Select',
  '!Split': 'Fn::Split',
  '!If': 'Fn::If',
  '!Equals': 'Fn::Equals',
  '!And': 'Fn::And',
  '!Or': 'Fn::Or',
  '!Not': 'Fn::Not',
  '!FindInMap': 'Fn::FindInMap',
  '!ImportValue': 'Fn::ImportValue',
  '!Base64': 'Fn::Base64',
  '!Cidr': 'Fn::Cidr',
  '!GetAZs': 'Fn::GetAZs',
  '!Transform': 'Fn::Transform',
};

const keepNode = <T>(node: T): T => node;

export const INTRINSIC_TAGS: (ScalarTag | CollectionTag)[] = Object.keys(LONG_FORM_OF_TAG).flatMap((tag) => [
  { tag, resolve: (text: string) => text } satisfies ScalarTag,
  { tag, collection: 'seq', resolve: keepNode } satisfies CollectionTag,
  { tag, collection: 'map', resolve: keepNode } satisfies CollectionTag,
]);

/** Long-form key → short tag, for quoting expressions in messages. */
export const SHORT_FORM_OF_KEY: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(LONG_FORM_OF_TAG).map(([tag, key]) => [key, tag]));
