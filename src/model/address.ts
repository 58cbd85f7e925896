/** Terraform-style resource addresses, shared by the parsers and the inventory. */

/** `["orders"]` / `[0]`: how Terraform writes an instance of a for_each / count resource. */
export function instanceSuffix(key: string | number): string {
  return typeof key === 'number' ? `[${key}]` : `[${JSON.stringify(key)}]`;
}

/** The resource id a reference points at, instance included when known. */
export function refTargetId(ref: { unit: string; address: string; instance?: string | number }): string {
  return `${ref.unit}:${ref.address}${ref.instance === undefined ? '' : instanceSuffix(ref.instance)}`;
}
